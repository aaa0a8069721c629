/**
 * The lineage of a case without a decision: a new investigation, the real dbt fixture folder imported (manifests,
 * run results and structured logs of several dbt projects; no decision log), then the Lineage view from the step
 * navigator. A model found by name and chosen is drawn with the models its manifest node depends on upstream of it;
 * a node's details open on click. Axe on the view; a screenshot to e2e/screenshots/lineage-browse.png. A collapse,
 * the selected node and the node's place on screen survive moving the time slider away and back.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, importsEnded, newCase, screenshot, test } from './fixtures';
import { realFixture } from '../fixtures/real-fixtures';

interface ManifestNode {
  readonly resource_type: string;
  readonly database: string;
  readonly schema: string;
  readonly alias: string;
  readonly depends_on: { readonly nodes: ReadonlyArray<string> };
}

/** A model of one project's manifest that depends on other models, and the relations (database.schema.alias). */
const manifest = JSON.parse(readFileSync(realFixture('dbt', 'ol_v7_postgres_1.3.1', 'manifest.json'), 'utf8')) as {
  nodes: Record<string, ManifestNode>;
};
const relation = (n: ManifestNode) => `${n.database}.${n.schema}.${n.alias}`;
const model = Object.values(manifest.nodes).find(
  (n) => n.resource_type === 'model' && n.depends_on.nodes.some((d) => manifest.nodes[d]?.resource_type === 'model'),
)!;
const upstreamModels = model.depends_on.nodes.map((d) => manifest.nodes[d]!).filter((n) => n.resource_type === 'model');

test('with no decision, the Lineage view finds a dbt model and draws the models it depends on upstream', async ({
  page,
  webApp,
}) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await newCase(page, 'dbt lineage');
  await page.getByTestId('import-folder').setInputFiles(realFixture('dbt'));
  await importsEnded(page);

  await page.getByRole('button', { name: /^Investigate/ }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Lineage .*Alt\+L/ }).click();
  const view = page.getByRole('region', { name: 'Lineage' });
  await expect(view).toBeVisible();
  await expect(page.getByRole('tab', { selected: true })).toHaveCount(0);

  await view.getByLabel('Find a dataset, job or field').fill(model.alias);
  const match = view
    .getByRole('list', { name: 'Matches' })
    .getByRole('button')
    .filter({ hasText: new RegExp(`^Dataset [^ ]*:${relation(model).replaceAll('.', '\\.')}$`) });
  await expect(match).toHaveCount(1);
  const others = await view.getByRole('list', { name: 'Matches' }).getByRole('button').count();
  await match.click();
  await expect(match).toHaveAttribute('aria-pressed', 'true');
  // The matches fold to the chosen one, so that its graph comes up the page; the others are a click away.
  await expect(view.getByRole('list', { name: 'Matches' }).getByRole('button')).toHaveCount(1);
  expect(others, 'the model, its job and its fields match its name').toBeGreaterThan(1);
  await view.getByRole('button', { name: `Show the other ${others - 1} match${others > 2 ? 'es' : ''}` }).click();
  await expect(view.getByRole('list', { name: 'Matches' }).getByRole('button')).toHaveCount(others);
  await expect(match).toHaveAttribute('aria-pressed', 'true');
  await match.click();

  // dbt artifacts hold no deployment: the slider offers no step to one, and says why.
  await expect(view.getByRole('button', { name: /previous deployment|next deployment/ })).toHaveCount(0);
  await expect(view.getByText('No deployment in the evidence', { exact: false })).toBeVisible();
  const graph = view.getByRole('region', { name: 'Lineage graph' });
  const node = (rel: string) => graph.locator(`.react-flow__node[data-id$=":${rel}"]`);
  await expect(node(relation(model))).toHaveCount(1);
  expect(upstreamModels.length).toBeGreaterThan(0);
  for (const up of upstreamModels) await expect(node(relation(up))).toHaveCount(1);
  // Its upstream is shown (and can be collapsed), as in the Trace step.
  await expect(
    graph.getByRole('button', { name: `Collapse upstream of ${await node(relation(model)).getAttribute('data-id')}` }),
  ).toBeVisible();

  await node(relation(upstreamModels[0]!)).click();
  await expect(
    view.getByRole('heading', { name: new RegExp(relation(upstreamModels[0]!).replaceAll('.', '\\.')) }),
  ).toBeVisible();

  await expectNoSeriousA11yViolations(page, 'the Lineage view');
  await screenshot(page, 'lineage-browse');

  // What the investigator opened, closed and selected, and where the graph stands, survive another moment.
  const focusId = (await node(relation(model)).getAttribute('data-id'))!;
  await graph.getByRole('button', { name: `Collapse upstream of ${focusId}` }).click();
  for (const up of upstreamModels) await expect(node(relation(up))).toHaveCount(0);
  await node(relation(model)).click();
  const details = view.getByRole('heading', { name: new RegExp(relation(model).replaceAll('.', '\\.')) });
  await expect(details).toBeVisible();
  // Where the node stands in the graph's pane (the page around it may scroll).
  const place = async () => {
    const [box, pane] = [await node(relation(model)).boundingBox(), await graph.boundingBox()];
    return (
      box && pane && { x: Math.round(box.x - pane.x), y: Math.round(box.y - pane.y), width: Math.round(box.width) }
    );
  };
  // Once it has settled beside the details panel.
  let before = await place();
  await expect
    .poll(
      async () => {
        const now = await place();
        const still = now !== null && JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return still;
      },
      { intervals: [300] },
    )
    .toBe(true);
  const slider = view.getByRole('slider');
  const latest = Number(await slider.getAttribute('max'));
  await slider.fill(String(latest - 3 * 60_000));
  await expect(view.getByText('(the latest evidence)')).toHaveCount(0);
  await expect(details).toBeVisible();
  await view.getByRole('button', { name: 'Back to the latest evidence' }).click();
  await expect(view.getByText('(the latest evidence)')).toBeVisible();
  for (const up of upstreamModels) await expect(node(relation(up))).toHaveCount(0);
  await expect(graph.getByRole('button', { name: `Expand upstream of ${focusId}` })).toBeVisible();
  await expect(details).toBeVisible();
  await expect.poll(place).toEqual(before);
  await graph.getByRole('button', { name: `Expand upstream of ${focusId}` }).click();
  for (const up of upstreamModels) await expect(node(relation(up))).toHaveCount(1);
  // The palette offers the view too.
  await page.getByRole('tab', { name: /Identify/ }).click();
  await expect(view).toHaveCount(0);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('browse the lineage');
  await palette.getByRole('option', { name: /Browse the lineage/ }).click();
  await expect(view).toBeVisible();
  expect(errors).toEqual([]);
});
