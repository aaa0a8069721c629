/**
 * A case sent to a reviewer on another machine and back, in web mode: the investigator exports the sample case's
 * signed case file; a second copy of the app (its own data folder and key) opens it read-only in a fresh browser
 * context, with its provenance; the reviewer annotates, disputes the root cause, signs and exports; the
 * investigator, whose log advanced meanwhile, sees the conflict with the reviewer's entries, merges after their own
 * entries, and finds the reviewer's verdict in the activity log and the report. A file altered after
 * signing is named as altered, in the reviewer's view and by the merge.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, SCREENSHOT_DIR, test } from './fixtures';
import { startWebApp, type WebApp } from './web-app';

async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, 'utf8') };
}

async function chooseFile(page: Page, button: Locator, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

interface CaseFileJson {
  content: {
    caseId: string;
    evidence: unknown[];
    subgraph: { nodes: Array<{ label: string }> };
    case: { rootCause?: { statement: string } };
  };
  activity: Array<{ seq: number; actor: string; action: string; payload: { text?: string; verdict?: string } }>;
  signatures: Array<{ role: string; signer: string; fingerprint: string; entries: number }>;
}

let reviewerApp: WebApp | undefined;
test.afterAll(async () => reviewerApp?.stop());

test('a reviewer elsewhere opens the case file read-only, disputes the root cause, and the investigator merges it', async ({
  page,
  browser,
  webApp,
}) => {
  test.setTimeout(240_000);
  reviewerApp = await startWebApp();

  // The investigator: the sample case, its root cause confirmed, exported for review.
  await page.goto(webApp.url);
  await page.getByLabel('Your name (recorded on every action)').fill('Ines Investigator');
  await page.getByLabel('Your name (recorded on every action)').press('Enter');
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  await nav.getByRole('tab', { name: /Changes/ }).click();
  const changeId = (await page.getByTestId('suspect').first().getAttribute('data-change-id')) as string;
  await nav.getByRole('tab', { name: /Document/ }).click();
  const statement = `Change ${changeId.slice(0, 7)} shipped the threshold in the wrong unit`;
  await page.getByLabel('Root-cause statement').fill(statement);
  await page.getByLabel(/Change ids it names/).fill(changeId);
  await page.getByRole('button', { name: 'Confirm root cause' }).click();
  const panel = page.getByRole('region', { name: 'Portable case file (for a reviewer)' });
  // Pseudonymized, the sample case cannot go: its title (in the log's first entry, which the chain fixes) names the
  // subject. The export says so, naming the entry and the subject, and writes nothing.
  const subject = /customer (u-\d+)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1];
  expect(subject).toBeTruthy();
  await panel.getByLabel('Pseudonymize subject ids in the evidence and the subgraph').check();
  await panel.getByLabel('Case file pseudonymization key').fill('reviewer-kept key 7');
  await panel.getByRole('button', { name: 'Export case file…' }).click();
  await expect(panel.getByRole('alert')).toContainText(`Activity entry 1 (case.opened) names the subject ${subject}`);
  await panel.getByLabel('Pseudonymize subject ids in the evidence and the subgraph').uncheck();
  const exported = await downloaded(page, panel.getByRole('button', { name: 'Export case file…' }));
  const file = JSON.parse(exported.text) as CaseFileJson;
  const investigatorFp = file.signatures[0]?.fingerprint as string;
  expect(exported.name).toMatch(/\.case\.json$/);
  await expect(panel.getByTestId('case-file-exported')).toContainText(`Signed by ${investigatorFp}`);
  expect(file.signatures.map((s) => [s.role, s.signer, s.entries])).toEqual([
    ['investigator', 'Ines Investigator', file.activity.length],
  ]);
  expect(file.content.case.rootCause?.statement).toBe(statement);
  await expectNoSeriousA11yViolations(page, 'the case file panel');
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/case-file-panel.png` });

  // The reviewer: another app, another browser context; the file opens read-only with its provenance.
  // The reviewer's machine runs in the dark theme (from the system setting).
  const context = await browser.newContext({ colorScheme: 'dark' });
  const reviewer = await context.newPage();
  await reviewer.goto(reviewerApp.url);
  await reviewer.getByLabel('Your name (recorded on every action)').fill('Tomás Reviewer');
  await reviewer.getByLabel('Your name (recorded on every action)').press('Enter');
  await chooseFile(reviewer, reviewer.getByRole('button', { name: 'Open a case file…' }), exported.name, exported.text);
  await expect(reviewer.getByRole('heading', { level: 1 })).toBeVisible();
  const verdict = reviewer.getByTestId('case-file-verdict');
  await expect(verdict).toHaveAttribute('data-state', 'unknown-key');
  await expect(verdict).toContainText(investigatorFp);
  const rows = reviewer.getByTestId('case-file-signature');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ines Investigator');
  await expect(rows.first()).toContainText(`1–${file.activity.length}`);
  await expect(rows.first()).toContainText('Intact, but signed by a key this app does not know');
  await expect(reviewer.getByTestId('case-file-evidence')).toHaveCount(file.content.evidence.length);
  await expect(reviewer.getByTestId('case-file-node')).toHaveCount(file.content.subgraph.nodes.length);
  await expect(reviewer.getByTestId('case-file-root-cause')).toContainText(statement);
  // The fingerprint the investigator read out on the phone: pinned, the file is intact under a known key.
  await reviewer.getByLabel(/Fingerprint the signer gave you/).fill(investigatorFp.toUpperCase());
  await reviewer.getByRole('button', { name: 'Pin key' }).click();
  await expect(verdict).toHaveAttribute('data-state', 'intact');
  await expectNoSeriousA11yViolations(reviewer, 'the read-only case file (dark theme)');
  await reviewer.screenshot({ path: `${SCREENSHOT_DIR}/case-file-review.png` });

  // The review: an annotation on the change, a disputed root cause with reasons, signed and exported.
  await reviewer.getByLabel('On', { exact: true }).selectOption({ label: `Change ${changeId}` });
  await reviewer
    .getByLabel('Annotation', { exact: true })
    .fill('The unit was right; the cap moved in the same change.');
  await reviewer.getByRole('button', { name: 'Add annotation' }).click();
  await reviewer.getByLabel('Dispute the root cause').check();
  const reasons = 'The threshold unit matches the training data; the cap change explains the refusals.';
  await reviewer.getByLabel('Reasons').fill(reasons);
  const reviewed = await downloaded(
    reviewer,
    reviewer.getByRole('button', { name: 'Sign and export the reviewed file…' }),
  );
  expect(reviewed.name).toMatch(/\.reviewed\.case\.json$/);
  const reviewedFile = JSON.parse(reviewed.text) as CaseFileJson;
  const reviewerFp = reviewedFile.signatures[1]?.fingerprint as string;
  expect(reviewerFp).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(reviewerFp).not.toBe(investigatorFp);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'own-key');
  await expect(rows.nth(1)).toContainText('Tomás Reviewer');
  await expect(reviewer.getByTestId('case-file-review-entry')).toHaveCount(2);
  await reviewer.screenshot({ path: `${SCREENSHOT_DIR}/case-file-reviewed.png` });

  // Back home, where the investigator added a preventive action meanwhile: the log advanced since the export, a
  // conflict that lists the reviewer's entries and merges only when asked, chained after the investigator's.
  await page.getByLabel('What would have caught it').fill('A unit test on the threshold’s unit');
  await page.getByRole('button', { name: 'Add preventive action' }).click();
  await chooseFile(page, panel.getByRole('button', { name: 'Merge reviewer’s file…' }), reviewed.name, reviewed.text);
  const result = panel.getByTestId('merge-result');
  await expect(result).toHaveAttribute('data-kind', 'conflict');
  await expect(result.getByTestId('merge-conflicts').locator('li')).toHaveCount(1);
  await expect(result.getByTestId('merge-conflicts').locator('li').first()).toHaveAttribute('data-kind', 'advanced');
  await expect(result.getByTestId('merge-reviewer-entry')).toHaveCount(2);
  await expect(result.getByTestId('merge-reviewer-entry').nth(1)).toContainText(reasons);
  await expect(page.getByTestId('activity-entry').first()).toContainText('Added a preventive action');
  await result.getByRole('button', { name: 'Merge after my entries' }).click();
  await expect(result).toHaveAttribute('data-kind', 'merged');
  await expect(result).toContainText('chained anew');
  await expect(result).toContainText(`reviewer Tomás Reviewer (${reviewerFp}) verifies`);
  const activity = page.getByTestId('activity-entry');
  await expect(activity.filter({ hasText: `Review verdict: disagree — “${reasons}”` })).toContainText('Tomás Reviewer');
  await expect(activity.first()).toContainText(
    `Merged the review of Tomás Reviewer (${reviewerFp}): 2 entries, chained anew after entries added meanwhile`,
  );
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/case-file-merged.png` });
  const report = page.getByRole('region', { name: 'Report and evidence bundle' });
  const html = (await downloaded(page, report.getByRole('button', { name: 'Report (HTML)' }))).text;
  expect(html).toContain('The unit was right; the cap moved in the same change.');
  const reviews = html.slice(
    html.indexOf('<h2>Reviews</h2>'),
    html.indexOf('</section>', html.indexOf('<h2>Reviews</h2>')),
  );
  expect(reviews).toContain('<td>Disputes the root cause</td>');
  expect(reviews).toContain(reasons);
  expect(reviews).toContain(reviewerFp);

  // Merging it again adds nothing.
  await chooseFile(page, panel.getByRole('button', { name: 'Merge reviewer’s file…' }), reviewed.name, reviewed.text);
  await expect(result).toHaveAttribute('data-kind', 'already-merged');

  // Altered after signing: the verdict flipped to agree. The reviewer's view and the merge both name it.
  const forged = reviewed.text.replace('"verdict": "disagree"', '"verdict": "agree"');
  expect(forged).not.toBe(reviewed.text);
  await reviewer.getByRole('button', { name: '← Close the case file' }).click();
  // This time through the command palette's registered action.
  // Listening for the chooser first: Playwright starts intercepting it asynchronously, and Enter runs at once.
  const forgedChooser = reviewer.waitForEvent('filechooser');
  await reviewer.keyboard.press('Control+k');
  await reviewer.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('open a case file');
  await expect(
    reviewer.getByRole('dialog', { name: 'Command palette' }).getByRole('option', { selected: true }),
  ).toContainText('Open a case file…');
  await reviewer.keyboard.press('Enter');
  await (
    await forgedChooser
  ).setFiles({ name: 'forged.case.json', mimeType: 'application/json', buffer: Buffer.from(forged) });
  await expect(verdict).toHaveAttribute('data-state', 'altered');
  await expect(verdict).toContainText('Altered');
  const problems = reviewer.getByTestId('case-file-problems');
  const verdictSeq = reviewedFile.activity.find((e) => e.action === 'review.verdict')?.seq;
  await expect(problems).toContainText(`activity entry ${verdictSeq} hash expected`);
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'altered');
  await expect(reviewer.getByRole('button', { name: 'Sign and export the reviewed file…' })).toBeDisabled();
  await expectNoSeriousA11yViolations(reviewer, 'an altered case file (dark theme)');
  await reviewer.screenshot({ path: `${SCREENSHOT_DIR}/case-file-altered.png` });
  const mergeChooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('merge reviewer');
  await page.keyboard.press('Enter');
  await (
    await mergeChooser
  ).setFiles({ name: 'forged.case.json', mimeType: 'application/json', buffer: Buffer.from(forged) });
  await expect(result).toHaveAttribute('data-kind', 'conflict');
  await expect(result.getByTestId('merge-conflicts').locator('li').first()).toHaveAttribute(
    'data-kind',
    'file-unverified',
  );
  await expect(result.getByTestId('merge-reviewer-entry')).toHaveCount(2);
  await context.close();
});
