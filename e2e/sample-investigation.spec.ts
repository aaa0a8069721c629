/**
 * A new user's walk through the built-in sample investigation in web mode: the case list, the seven steps
 * (each checked for what a user would look at, for serious accessibility violations, and screenshotted), and the
 * Markdown case file, which must name the planted change recorded in the sample's answer key.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const sampleCase = JSON.parse(readFileSync('assets/sample/case.json', 'utf8'));

type Step = 'Identify' | 'Scope' | 'Trace' | 'Changes' | 'Governance' | 'Remediate' | 'Document';

test('walks the sample investigation through its seven steps and exports the case', async ({ page, webApp }) => {
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

  // 1. Identify: the case's decision is chosen and its inputs are shown.
  await openStep('Identify');
  const main = page.getByRole('main');
  await expect(main.getByText(sampleCase.decisionId).first()).toBeVisible();
  await expect(main.getByText(sampleCase.featureName).first()).toBeVisible();
  await expect(main.getByText(truth.featureVersion.after).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Identify');
  await screenshot(page, '1-identify');

  // 2. Scope: as many decisions as used the suspect feature version.
  await openStep('Scope');
  await expect(main.getByText(String(truth.decisions.affected)).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Scope');
  await screenshot(page, '2-scope');

  // 3. Trace: the graph is painted with the feature job at the commit that ran.
  await openStep('Trace');
  await expect(page.getByRole('region', { name: 'Lineage graph' })).toBeVisible();
  await expect(page.locator('[data-testid="node-job"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="node-decision"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="node-source"]').first()).toBeAttached();
  await expectNoSeriousA11yViolations(page, 'Trace');
  await screenshot(page, '3-trace');

  // 4. Changes: the planted commit is ranked first.
  await openStep('Changes');
  const firstRow = main.getByRole('row').nth(1);
  await expect(firstRow).toContainText(truth.plantedCommit.slice(0, 7));
  await expectNoSeriousA11yViolations(page, 'Changes');
  await screenshot(page, '4-changes');

  // 5. Governance: the planted change has no approval and is a violation.
  await openStep('Governance');
  await expect(main.getByText(`#${truth.pullRequest}`).first()).toBeVisible();
  await expect(main.getByText(/violation/i).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Governance');
  await screenshot(page, '5-governance');

  // 6. Remediate: the last known-good version and the diff of the changed job.
  await openStep('Remediate');
  await expect(main.getByText(truth.lastGoodCommit.slice(0, 7)).first()).toBeVisible();
  await expect(main.locator('pre').first()).toContainText('30000');
  await expectNoSeriousA11yViolations(page, 'Remediate');
  await screenshot(page, '6-remediate');

  // 7. Document: a note, and the Markdown case file names the planted change.
  await openStep('Document');
  await main.getByRole('textbox').first().fill('Threshold changed from euros to cents; PR merged without approval.');
  await main.getByRole('button', { name: /add note/i }).click();
  await expect(main.getByText('Threshold changed from euros to cents').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Document');
  await screenshot(page, '7-document');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('button', { name: 'Export case as Markdown' }).click(),
  ]);
  const markdown = readFileSync((await download.path()) as string, 'utf8');
  expect(markdown).toContain(truth.plantedCommit);
  expect(markdown).toMatch(new RegExp(`Top-ranked change: commit \`${truth.plantedCommit}\``));
  expect(markdown).toContain('Threshold changed from euros to cents');

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
