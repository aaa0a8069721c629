/**
 * A new user's walk through the built-in sample investigation in web mode: the case list, the seven steps
 * (each checked for what a user would look at, for serious accessibility violations, and screenshotted), and the
 * Markdown case file, which must name the planted change recorded in the sample's answer key.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, SCREENSHOT_DIR, screenshot, test } from './fixtures';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const sampleCase = JSON.parse(readFileSync('assets/sample/case.json', 'utf8'));

type Step = 'Identify' | 'Scope' | 'Trace' | 'Changes' | 'Governance' | 'Remediate' | 'Document';

test('walks the sample investigation through its seven steps and exports the case', async ({ page, webApp }) => {
  // Seven steps, each checked with axe, on a machine shared with other work: more than the default 90 s.
  test.setTimeout(420_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(webApp.url);
  await expect(page.getByRole('button', { name: 'Open the sample investigation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New investigation' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the case list');
  await screenshot(page, '0-cases');

  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  await expect(nav).toBeVisible();
  await expect(page.getByRole('heading', { name: sampleCase.title })).toBeVisible();

  const openStep = async (name: Step) => {
    await nav
      .getByRole('tab', { name: new RegExp(name) })
      .or(nav.getByRole('link', { name: new RegExp(name) }))
      .first()
      .click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  };
  /** Scrolls the step's panel (and the window) back to the top and saves a screenshot. */
  const shoot = async (name: Step, file: string) => {
    await page.getByRole('heading', { name, exact: true }).evaluate((h) => {
      for (let el = h.parentElement; el; el = el.parentElement) if (el.scrollTop > 0) el.scrollTo(0, 0);
      h.ownerDocument.defaultView?.scrollTo(0, 0);
    });
    await screenshot(page, file);
  };

  // 1. Identify: the case's decision is chosen and its inputs are shown.
  await openStep('Identify');
  const main = page.getByRole('main');
  await expect(main.getByText(sampleCase.decisionId).first()).toBeVisible();
  await expect(main.getByText(sampleCase.featureName).first()).toBeVisible();
  await expect(main.getByText(truth.featureVersion.after).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Identify');
  await screenshot(page, '1-identify');

  // 2. Scope: the blast radius of the top cause (as investigate --json gives it), the notification check, the CSV
  // exports.
  await openStep('Scope');
  await expect(main.getByText(String(truth.decisions.affected)).first()).toBeVisible();
  await expect(main.getByText(/The blast radius of the top cause/)).toContainText(/still ongoing|removed it/);
  await expect(main.getByText('Up to this decision')).toBeVisible();
  await expect(main.getByTestId('notification-sentence')).toContainText(/distinct subjects? received an affected/);
  await expect(main.getByRole('table', { name: /by model version/ })).toBeVisible();
  await expect(main.getByRole('table', { name: /by action/ })).toBeVisible();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('button', { name: 'Export affected decisions (CSV)' }).click(),
  ]);
  const rows = readFileSync((await csv.path()) as string, 'utf8')
    .trim()
    .split('\r\n');
  expect(rows[0]).toMatch(/^decision_id,timestamp,subject_id/);
  expect(rows).toHaveLength(truth.decisions.affected + 1);
  await expectNoSeriousA11yViolations(page, 'Scope');
  await shoot('Scope', '2-scope');
  await main.getByRole('spinbutton', { name: /Notification threshold/ }).fill('1');
  await main.getByRole('button', { name: 'Apply threshold' }).click();
  await expect(main.getByTestId('notification-sentence')).toContainText('must be notified');
  await main.getByRole('button', { name: 'Export affected subjects (CSV)' }).scrollIntoViewIfNeeded();
  await screenshot(page, '2-scope-tables');
  await main.getByRole('spinbutton', { name: /Notification threshold/ }).fill('500');
  await main.getByRole('button', { name: 'Apply threshold' }).click();
  await expect(main.getByTestId('notification-sentence')).toContainText('no notification');

  // 3. Trace: the graph is painted with the feature job at the commit that ran.
  await openStep('Trace');
  await expect(page.getByRole('region', { name: 'Lineage graph' })).toBeVisible();
  await expect(page.locator('[data-testid="node-job"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="node-decision"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="node-source"]').first()).toBeAttached();
  await expectNoSeriousA11yViolations(page, 'Trace');
  await screenshot(page, '3-trace');
  // With the local zone chosen, no instant on the Trace screen is printed raw (an ISO string ending in Z).
  await page.getByRole('button', { name: 'Local', exact: true }).click();
  expect(await main.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[\d:.]*Z/);

  // 4. Changes: the onset chart, and the planted commit ranked first with every score term.
  await openStep('Changes');
  await expect(main.getByRole('img', { name: /Rate of .* onset at/ })).toBeVisible();
  const first = main.getByTestId('suspect').first();
  await expect(first).toHaveAttribute('data-change-id', truth.plantedCommit);
  for (const term of ['timing', 'distance', 'kind', 'in running version', 'touched field', 'outside workflow'])
    await expect(first.getByRole('rowheader', { name: term, exact: true })).toBeVisible();
  await expect(first.getByText('Took effect (deployed)')).toBeVisible();
  await expect(main.getByTestId('top-suspect')).toContainText(truth.plantedCommit.slice(0, 10));
  // The diffs are read from Git after the first ranking; then the "touched field" term looks at the changed lines.
  await expect(first.getByRole('row', { name: /touched field/ })).toContainText('changed words name a traced field');
  await expect(first.locator('pre.diff')).toContainText('30000');
  await expectNoSeriousA11yViolations(page, 'Changes');
  await shoot('Changes', '4-changes');
  await first.screenshot({ path: `${SCREENSHOT_DIR}/4-changes-top-suspect.png` });
  // Correcting the onset re-ranks; "Use estimate" restores the estimate and the ranking.
  await main.getByRole('combobox', { name: 'Onset bin' }).selectOption({ index: 0 });
  await main.getByRole('button', { name: 'Set onset to this bin' }).click();
  await expect(main.getByText('set by the investigator').first()).toBeVisible();
  await main.getByRole('button', { name: 'Use estimate' }).click();
  await expect(main.getByText(/estimated from a change-point/)).toBeVisible();
  await expect(main.getByTestId('suspect').first()).toHaveAttribute('data-change-id', truth.plantedCommit);

  // 5. Governance: the planted change was merged without an approving review and deployed without staging.
  await openStep('Governance');
  await expect(main.getByText('The verdict is not the ranking.')).toBeVisible();
  const planted = main.locator(`[data-testid="governance"][data-change-id="${truth.plantedCommit}"]`);
  await expect(planted.getByText('Violation', { exact: true })).toBeVisible();
  await expect(planted).toContainText(`#${truth.pullRequest}`);
  await expect(planted.getByText(/merged without a valid approving review/)).toBeVisible();
  await expect(planted.getByText(/production without a prior staging deployment/)).toBeVisible();
  await expect(planted.getByText(/deployments\.jsonl:\d+/).first()).toBeVisible();
  // One row per control with one verdict: the failing controls say Fail, and no row passes a sentence that fails.
  await expect(
    planted
      .getByRole('row', { name: /^Approving review/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('Fail');
  await expect(
    planted
      .getByRole('row', { name: /^Staging before production/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('Fail');
  await expect(main.getByTestId('governance').getByText(/Passed|✓/)).toHaveCount(0);
  for (const row of await main.locator('[data-testid="governance-control"][data-verdict="pass"]').all())
    await expect(row).not.toContainText(/broken|without a|not in parity|cannot be/);
  await expectNoSeriousA11yViolations(page, 'Governance');
  await shoot('Governance', '5-governance');

  // 6. Remediate: the last known-good version, the rollback with its duration, the diff, and the replay plan.
  await openStep('Remediate');
  await expect(main.getByText(truth.lastGoodCommit).first()).toBeVisible();
  await expect(main.getByTestId('rollback-command')).toContainText(`git revert -m 1 ${truth.mergeCommit}`);
  await expect(main.getByText(/A rollback takes about/)).toBeVisible();
  await expect(main.locator('pre').first()).toContainText('30000');
  await expect(main.getByRole('heading', { name: 'Replay plan' })).toBeVisible();
  await expect(main.getByText(/Hazards?:/).first()).toBeVisible();
  await expect(main.getByRole('table', { name: /Runs to replay/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Remediate');
  await shoot('Remediate', '6-remediate');
  await main
    .getByRole('region', { name: 'Replay plan' })
    .screenshot({ path: `${SCREENSHOT_DIR}/6-remediate-replay.png` });

  // 7. Document: the Markdown case file names the planted change as the top-ranked one (annotations, root cause
  // and the other exports are checked in case-record.spec.ts and report-export.spec.ts).
  await openStep('Document');
  await expectNoSeriousA11yViolations(page, 'Document');
  await screenshot(page, '7-document');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('button', { name: 'Export case as Markdown' }).click(),
  ]);
  const markdown = readFileSync((await download.path()) as string, 'utf8');
  expect(markdown).toContain(truth.plantedCommit);
  expect(markdown).toMatch(new RegExp(`Top-ranked change: commit \`${truth.plantedCommit}\``));

  // Times carry their zone, and the switch flips it.
  await page
    .getByRole('button', { name: /UTC|local/i })
    .or(page.getByRole('radio', { name: /UTC/i }))
    .first()
    .click();
  expect(errors).toEqual([]);
});

test('the case survives a reload: reopening the sample does not import it twice', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();
  await page.goto(webApp.url);
  await expect(page.getByRole('row', { name: new RegExp(sampleCase.decisionId) })).toHaveCount(1);
});
