/**
 * Pull from Marquez in web mode: a server answering as Marquez's API does (the sample's lineage events, behind an
 * API key) is started by the spec; a new investigation imports the sample's decision log, pulls the feature job's
 * upstream lineage from the server, and the Trace step draws those jobs — and not a job that ran in the window
 * without feeding the feature. The key is never shown, and the source is named by the server and the window.
 */
import { readFileSync } from 'node:fs';
import { startMarquezReplay, storedEvents, type MarquezReplay } from '../electron/marquez/marquez-server.fixture';
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';

const KEY = 'mqz-e2e-key-93b1';
const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8')) as {
  caseDecisionId: string;
  feature: { name: string; job: string };
};
const events = storedEvents();
const jobs = [...new Set(events.map((e) => `${e.job.namespace}:${e.job.name}`))];
const [namespace, job] = truth.feature.job.split(/:(.*)/s) as [string, string];
let server: MarquezReplay;

test.beforeAll(async () => {
  server = await startMarquezReplay(KEY, events);
});
test.afterAll(() => server.close());

test('pulls a window of lineage from a Marquez API and traces the decision through its jobs', async ({
  page,
  webApp,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await newCase(page, 'Lineage from Marquez');
  await page.getByTestId('import-files').setInputFiles(['assets/sample/decisions.jsonl']);
  const rows = page.getByTestId('source-row');
  await expect(rows).toHaveCount(1);

  const form = page.getByRole('form', { name: 'Pull from Marquez' });
  await form.getByLabel('Marquez URL').fill(server.url);
  await form.getByLabel('API key').fill(`${KEY}-old`);
  await form.getByRole('button', { name: 'Pull lineage' }).click();
  const section = page.getByRole('region', { name: 'Pull from Marquez' });
  await expect(section.getByRole('alert')).toContainText('HTTP 401');

  // The key is kept from the first request that gives it; the server's namespaces and jobs are offered.
  await form.getByLabel('API key').fill(KEY);
  await form.getByRole('button', { name: 'List namespaces and jobs' }).click();
  const namespaces = new Set(events.map((e) => e.job.namespace)).size;
  await expect(section.getByRole('status')).toContainText(
    `${namespaces} namespace${namespaces === 1 ? '' : 's'} and ${jobs.length} jobs`,
  );
  await expect(form.getByLabel('API key')).toHaveAttribute('placeholder', 'kept: type to replace it');
  await form.getByLabel('Namespace').fill(namespace);
  const list = await form.getByLabel('Job').getAttribute('list');
  const offeredJobs = await page
    .locator(`datalist[id="${list}"] option`)
    .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
  expect(offeredJobs.sort()).toEqual(
    [...new Set(events.filter((e) => e.job.namespace === namespace).map((e) => e.job.name))].sort(),
  );
  await form.getByLabel('Job').fill(job);
  await form.getByLabel('From').fill(events[0]!.eventTime.slice(0, 10));

  // Caught mid-way (the server holds its second page), the pull shows what it read so far, and Cancel stops it.
  server.holdPages();
  await form.getByRole('button', { name: 'Pull lineage' }).click();
  const progress = section.getByTestId('marquez-pull-progress');
  await expect(progress).toHaveText(`Pulling: 1 page read, 100 events so far of ${events.length.toLocaleString('en')}`);
  await expect(section.getByRole('progressbar', { name: `Pulling lineage from ${server.url}` })).toHaveAttribute(
    'value',
    '100',
  );
  await screenshot(page, 'marquez-pull-progress');
  await section.getByRole('button', { name: 'Cancel the pull' }).click();
  server.release();
  const status = section.getByRole('status');
  await expect(status).toHaveText('Pull cancelled after 1 page (100 events): nothing imported.');
  await expect(progress).toHaveCount(0);
  await expect(rows).toHaveCount(1);

  await form.getByRole('button', { name: 'Pull lineage' }).click();
  await expect(status).toContainText(`Read ${events.length.toLocaleString('en')} lineage events`);
  const pulled = /of \d+ jobs?: (.*)\. Importing/.exec((await status.textContent()) ?? '')?.[1]?.split(', ') ?? [];
  expect(pulled).toContain(truth.feature.job);
  const unrelated = jobs.filter((j) => !pulled.includes(j));
  expect(unrelated.length, 'a job of the window feeds nothing the feature reads').toBeGreaterThan(0);
  await expect(form.getByLabel('API key')).toHaveAttribute('placeholder', 'kept: type to replace it');

  const source = rows.filter({ hasText: `${server.url}/api/v1 lineage events` });
  await expect(source).toContainText(`upstream of ${truth.feature.job}`);
  await expect(source).toContainText('openlineage');
  await expect(page.locator('body')).not.toContainText(KEY);
  await expectNoSeriousA11yViolations(page, 'Sources with a pull from Marquez');
  await screenshot(page, 'marquez-pull');

  await page.getByRole('button', { name: 'Investigate: choose the decision →' }).click();
  await page.getByLabel('Search decisions').fill(truth.caseDecisionId);
  await page.getByRole('option').filter({ hasText: truth.caseDecisionId }).click();
  await page.getByLabel(`Suspect feature ${truth.feature.name}`).check();
  await page.getByRole('navigation', { name: 'Investigation steps' }).getByRole('tab', { name: /Trace/ }).click();
  const graph = page.getByRole('region', { name: 'Lineage graph' });
  await expect(graph.locator(`[data-node-id="${truth.feature.job}"]`)).toBeVisible();
  for (const j of pulled) await expect(graph.locator(`[data-node-id="${j}"]`), j).toHaveCount(1);
  for (const j of unrelated) await expect(graph.locator(`[data-node-id="${j}"]`), j).toHaveCount(0);
  expect(errors).toEqual([]);
});
