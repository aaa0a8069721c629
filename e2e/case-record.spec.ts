/**
 * A case as a durable, hash-chained record, as a reviewer keeps it: open a case with a severity and an owner, set
 * them on the sample case, annotate a graph node, skip a step with a reason, confirm a root cause naming the
 * top-ranked change, reload the page, and find it all still there — with the activity log and its verified chain.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

test('a case record survives a reload: severity, owner, annotation, skipped step, root cause, activity', async ({
  page,
  webApp,
}) => {
  test.slow(); // the sample's graph and analysis, twice (before and after the reload)
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);

  // The reviewer's name is a setting; a new case defaults its owner to it.
  await page.getByLabel('Your name (recorded on every action)').fill('Maria Keller');
  await page.getByLabel('Your name (recorded on every action)').press('Enter');
  await page.getByRole('button', { name: 'New investigation' }).click();
  await page.getByLabel('Title').fill('Refused loyalty offers');
  await page.getByLabel('Severity').selectOption('critical');
  await expect(page.getByLabel('Owner')).toHaveValue('Maria Keller');
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await page.getByRole('button', { name: '← Back to the investigation' }).click();
  await page.getByRole('button', { name: '← Back to cases' }).click();
  const created = page.getByTestId('case-row').filter({ hasText: 'Refused loyalty offers' });
  await expect(created).toContainText('Critical');
  await expect(created).toContainText('Maria Keller');
  await expect(created).toContainText('0/7');

  // The sample case: severity and owner changed in the header, each recorded.
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  await expect(nav).toBeVisible();
  const header = page.getByRole('form', { name: 'Case record' });
  await header.getByLabel('Severity').selectOption('high');
  await header.getByLabel('Owner').fill('Tom Berger');
  await header.getByLabel('Owner').press('Enter');
  await expect(header.getByLabel('Owner')).toHaveValue('Tom Berger');

  // Step order: Trace cannot be completed before Identify and Scope; Scope is skipped with a reason.
  await nav.getByRole('tab', { name: /Trace/ }).click();
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Mark step complete' }).click();
  await expect(main.getByText('Complete or skip the earlier steps first: Identify, Scope.')).toBeVisible();
  await main.getByRole('button', { name: 'Go to Identify' }).click();
  await main.getByRole('button', { name: 'Mark step complete' }).click();
  await expect(main.getByTestId('step-completed')).toBeVisible();
  await nav.getByRole('tab', { name: /Scope/ }).click();
  await main.getByRole('button', { name: 'Skip step…' }).click();
  await main.getByLabel(/Why skip Scope/).fill('A single customer complained; scope follows the root cause.');
  await main.getByRole('button', { name: 'Skip with this reason' }).click();
  await expect(main.getByTestId('step-skipped')).toContainText('A single customer complained');
  await expect(nav.getByRole('tab', { name: /Scope/ })).toContainText('Skipped');

  // Annotate a job node of the lineage graph, with tags.
  await nav.getByRole('tab', { name: /Trace/ }).click();
  const job = page.getByRole('region', { name: 'Lineage graph' }).locator('[data-testid="node-job"]').first();
  await job.click();
  const details = page.locator('section.node-details');
  const nodeId = (await details.locator('dd').first().textContent())!.trim();
  await details.getByRole('button', { name: 'Annotate' }).click();
  await details.getByLabel(/Annotation on node/).fill('This job read the threshold in cents after the merge.');
  await details.getByLabel('Tags (comma-separated)').fill('suspect, threshold');
  await details.getByRole('button', { name: 'Save annotation' }).click();
  await expect(details.getByRole('list', { name: `Annotations on node ${nodeId}` })).toContainText('Maria Keller');
  await details
    .getByRole('button', { name: /^Pin evidence/ })
    .first()
    .click();
  await expect(details.getByRole('button', { name: /^Pinned/ }).first()).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'Trace with the annotate form');
  await screenshot(page, 'case-1-annotate');

  // Judge the ranked changes: the top one confirmed as a cause, the second dismissed with the reason.
  await nav.getByRole('tab', { name: /Changes/ }).click();
  const suspects = main.getByTestId('suspect');
  await suspects.first().getByRole('button', { name: 'Confirm as a cause' }).click();
  await expect(suspects.first().getByTestId('suspect-verdict')).toContainText('Confirmed as a cause by Maria Keller');
  const second = suspects.nth(1);
  await second.getByRole('button', { name: 'Dismiss…' }).click();
  await second.getByLabel('Why this change is not a cause').fill('It only touched the README.');
  await second.getByRole('button', { name: 'Dismiss the change' }).click();
  await expect(second.getByTestId('suspect-verdict')).toContainText(
    'Dismissed by Maria Keller: It only touched the README.',
  );
  await expectNoSeriousA11yViolations(page, 'Changes with verdicts on ranked changes');
  await second.scrollIntoViewIfNeeded();
  await screenshot(page, 'case-1-verdicts');

  // Confirm the root cause, naming the top-ranked change shown by the app.
  await nav.getByRole('tab', { name: /Document/ }).click();
  const top = (await main
    .getByText(/^Top-ranked change:/)
    .locator('.mono')
    .textContent())!.trim();
  await main.getByLabel('Root-cause statement').fill('The eligibility threshold was changed from euros to cents.');
  await main.getByLabel(/Change ids it names/).fill(top);
  await main.getByRole('button', { name: 'Confirm root cause' }).click();
  await expect(main.getByTestId('root-cause')).toContainText(top);
  await expect(header.getByLabel('Status')).toHaveValue('root-cause-confirmed');
  await expectNoSeriousA11yViolations(page, 'Document with the case record');
  await screenshot(page, 'case-2-document');

  // Reload: everything comes back from IndexedDB and the chain verifies.
  await page.reload();
  const sample = page.getByTestId('case-row').filter({ hasNotText: 'Refused loyalty offers' });
  await expect(sample).toContainText('High');
  await expect(sample).toContainText('Tom Berger');
  await expect(sample).toContainText('Root cause confirmed');
  await expect(sample).toContainText('2/7');
  await expect(sample).not.toContainText('not confirmed');
  await screenshot(page, 'case-0-list');
  await sample.getByRole('button').first().click();
  await nav.getByRole('tab', { name: /Document/ }).click();
  await expect(main.getByTestId('root-cause')).toContainText('from euros to cents');
  await expect(main.getByTestId('annotation')).toContainText('read the threshold in cents');
  await expect(main.getByTestId('annotation')).toContainText('suspect');
  await expect(main.getByRole('heading', { name: 'Pinned evidence (1)' })).toBeVisible();
  const activity = main.getByRole('list', { name: 'Activity log, newest first' });
  await expect(activity.getByTestId('activity-entry').first()).toContainText('Confirmed the root cause');
  await expect(activity).toContainText('Skipped Scope: A single customer complained');
  await expect(activity).toContainText(`Annotated node ${nodeId}`);
  await expect(activity).toContainText('Set severity to high');
  await expect(activity).toContainText(': It only touched the README.');
  await expect(activity).toContainText('as a cause');
  await expect(activity).toContainText('Tom Berger');
  await expect(main.getByText(/✓ Chain verified: \d+ entries/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await activity.scrollIntoViewIfNeeded();
  await screenshot(page, 'case-3-activity');

  // The exported report lists both verdicts under the engine's ranking: the verdict, the reason, who gave it.
  const exportPanel = page.getByRole('region', { name: 'Report and evidence bundle' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByRole('button', { name: 'Report (HTML)' }).click(),
  ]);
  const html = readFileSync((await download.path()) as string, 'utf8');
  const suspectsSection = html.slice(html.indexOf('<h2>Suspects</h2>'), html.indexOf('<h2>Governance</h2>'));
  const verdictRows = suspectsSection
    .slice(suspectsSection.indexOf('Investigator’s verdicts'))
    .split('\n')
    .filter((l) => l.startsWith('<tr><td>'));
  expect(verdictRows).toHaveLength(2);
  expect(verdictRows[0]).toMatch(/^<tr><td>1<\/td>.*<td>Confirmed as a cause<\/td><td>—<\/td><td>Maria Keller<\/td>/);
  expect(verdictRows[1]).toMatch(
    /^<tr><td>2<\/td>.*<td>Dismissed<\/td><td>It only touched the README\.<\/td><td>Maria Keller<\/td>/,
  );
  expect(errors).toEqual([]);
});

test('opening a case whose stored activity log was edited names the first broken entry', async ({ page, webApp }) => {
  test.slow(); // imports the sample on a machine shared with other runs
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const header = page.getByRole('form', { name: 'Case record' });
  await expect(header.getByLabel('Severity')).toBeEnabled({ timeout: 60_000 });
  await header.getByLabel('Severity').selectOption('critical');
  await page
    .getByRole('navigation', { name: 'Investigation steps' })
    .getByRole('tab', { name: /Document/ })
    .click();
  await expect(page.getByText(/✓ Chain verified: 2 entries/)).toBeVisible();

  // Someone lowers the recorded severity directly in the browser's database.
  await page.evaluate(async () => {
    // Minimal IndexedDB shapes: this spec is type-checked without the DOM library.
    interface Request<T> {
      result: T;
      error: unknown;
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
    }
    type Entry = { seq: number; payload: unknown };
    interface Tx {
      objectStore(name: string): { getAll(): Request<Entry[]>; put(value: unknown): void };
      oncomplete: (() => void) | null;
    }
    type Db = { transaction(name: string, mode: 'readwrite'): Tx; close(): void };
    const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } }).indexedDB;
    const db = await new Promise<Db>((resolve, reject) => {
      const request = idb.open('lineage-investigator');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('activity', 'readwrite');
    const store = tx.objectStore('activity');
    const entries = await new Promise<Entry[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const edited = entries.find((e) => e.seq === 2)!;
    store.put({ ...edited, payload: { severity: 'low' } });
    await new Promise<void>((resolve) => (tx.oncomplete = resolve));
    db.close();
  });

  await page.reload();
  await page.getByTestId('case-row').first().getByRole('button').first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'activity log has been altered' });
  await expect(alert).toContainText('entry 2');
  await expect(alert).toContainText('activity entry 2 hash expected');
  await expect(page.getByRole('form', { name: 'Case record' }).getByLabel('Severity')).toBeDisabled();
  await screenshot(page, 'case-4-tampered');
});
