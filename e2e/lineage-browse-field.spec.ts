/**
 * Browsing the lineage from a field, without a decision: a new investigation, Marquez's demo metadata imported (real
 * OpenLineage events whose outputs carry `columnLineage` facets several jobs deep), then the Lineage view. A field
 * computed from a field that was itself computed from another is found by name and chosen: the heading names it, the
 * fields of the datasets on its column path are shown with its rows (and the rows it was computed from, two steps up)
 * marked, and the column edges between them drawn as the traced path. Moving the time slider keeps the field. Axe on
 * the view; a screenshot at 1280x800 to e2e/screenshots/lineage-browse-field.png.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, importsEnded, newCase, screenshot, test } from './fixtures';
import { realFixture } from '../fixtures/real-fixtures';

interface Output {
  readonly namespace: string;
  readonly name: string;
  readonly facets?: {
    readonly columnLineage?: {
      readonly fields: Record<string, { inputFields: Array<{ namespace: string; name: string; field: string }> }>;
    };
  };
}

const MARQUEZ = realFixture('openlineage', 'marquez_docker_metadata.json');
const outputs = (JSON.parse(readFileSync(MARQUEZ, 'utf8')) as Array<{ outputs?: Output[] }>).flatMap(
  (e) => e.outputs ?? [],
);
/** Every column edge the events state: `ns:dataset#field` → the fields it was computed from. */
const stated = new Map<string, string[]>();
for (const out of outputs) {
  for (const [field, entry] of Object.entries(out.facets?.columnLineage?.fields ?? {})) {
    stated.set(
      `${out.namespace}:${out.name}#${field}`,
      entry.inputFields.map((i) => `${i.namespace}:${i.name}#${i.field}`),
    );
  }
}
const split = (id: string) => ({ dataset: id.slice(0, id.indexOf('#')), field: id.slice(id.indexOf('#') + 1) });
// A field computed from a field that was itself computed from another.
const [fieldId, inputs] = [...stated].find(([, from]) => from.some((i) => stated.has(i)))!;
const middle = inputs.find((i) => stated.has(i))!;
const further = stated.get(middle)!;
const focus = split(fieldId);

test('browsing from a field shows its column lineage: its rows and their column edges marked', async ({
  page,
  webApp,
}) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await newCase(page, 'column lineage');
  await page.getByTestId('import-files').setInputFiles([MARQUEZ]);
  await importsEnded(page);

  await page.getByRole('button', { name: /^Investigate/ }).click();
  await page.getByRole('button', { name: /^Lineage .*Alt\+L/ }).click();
  const view = page.getByRole('region', { name: 'Lineage' });
  await view.getByLabel('Find a dataset, job or field').fill(`${focus.dataset.split(':')[1]}#${focus.field}`);
  const match = view.getByRole('list', { name: 'Matches' }).getByRole('button', { name: `Field ${fieldId}` });
  await expect(match).toHaveCount(1);
  await match.click();

  await expect(view.getByRole('heading', { name: `Column lineage of ${fieldId}` })).toBeVisible();
  const graph = view.getByRole('region', { name: 'Lineage graph' });
  const fieldsOf = (dataset: string) => graph.getByRole('list', { name: `Fields of ${dataset}` });
  const row = (id: string) =>
    fieldsOf(split(id).dataset)
      .getByRole('listitem')
      .filter({ has: page.getByText(split(id).field, { exact: true }) });
  const marked = (dataset: string) => fieldsOf(dataset).locator('li.traced');

  // The graph opens on the field's dataset, near enough to read its fields: the field's row is marked, the others not.
  await graph.scrollIntoViewIfNeeded();
  await expect(fieldsOf(focus.dataset)).toBeInViewport();
  await expect(row(fieldId)).toHaveClass(/traced/);
  // Not by colour alone: a screen reader hears that the row is on the path.
  await expect(row(fieldId)).toContainText('(on the traced path)');
  const siblings = [...stated.keys()].filter((id) => split(id).dataset === focus.dataset && id !== fieldId);
  expect(siblings.length).toBeGreaterThan(0);
  for (const id of siblings) await expect(row(id)).not.toHaveClass(/traced/);
  await expect(marked(focus.dataset)).toHaveCount(1);

  // The column edges from what it was computed from, and from what that was computed from, drawn as the traced path.
  const edge = (from: string, to: string) => graph.locator(`path.edge-column[data-id="column:${from}->${to}"]`);
  for (const input of inputs) await expect(edge(input, fieldId)).toHaveClass(/traced/);
  for (const input of further) await expect(edge(input, middle)).toHaveClass(/traced/);
  await expect(graph.locator('path.edge-column:not(.traced)').first()).toBeAttached();

  await expectNoSeriousA11yViolations(page, 'the Lineage view from a field');
  await screenshot(page, 'lineage-browse-field');

  // Found with the graph's search, each dataset upstream shows the rows it was computed from marked.
  const search = view.getByLabel('Find a node');
  for (const id of [...inputs, ...further]) {
    await search.fill(split(id).dataset);
    await search.press('Enter');
    await expect(row(id)).toHaveClass(/traced/);
  }
  // Another moment keeps the field: the heading, the choice and its marked row stay.
  const slider = view.getByRole('slider');
  const latest = Number(await slider.getAttribute('max'));
  await slider.fill(String(latest - 60_000));
  await expect(view.getByText('(the latest evidence)')).toHaveCount(0);
  await expect(view.getByRole('heading', { name: `Column lineage of ${fieldId}` })).toBeVisible();
  await expect(match).toHaveAttribute('aria-pressed', 'true');
  await expect(graph.locator(`path.edge-column.traced[data-id$="->${fieldId}"]`).first()).toBeAttached();
  expect(errors).toEqual([]);
});
