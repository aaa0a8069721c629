import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import { recordAction } from '../case/case-actions';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tomasKey = `sha256:${'7a'.repeat(32)}`;

/** The hand-written pipeline's case, with a reviewer's verdict merged from a case file (and one hostile reason). */
async function reviewedInput(reasons: string): Promise<ReportInput> {
  const set = testEvidence();
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const inv = investigate(set, decision, 'flag');
  let record = await headlessCase(
    inv,
    { id: 'case-9', owner: 'maria', actor: 'maria', time: '2026-10-12T09:00:00Z', title: 'Flagged' },
    sha256,
  );
  record = await recordAction(
    record,
    {
      time: '2026-10-13T08:00:00Z',
      actor: 'tomas',
      action: 'review.verdict',
      payload: { verdict: 'disagree', text: reasons },
    },
    sha256,
  );
  record = await recordAction(
    record,
    {
      time: '2026-10-13T09:00:00Z',
      actor: 'maria',
      action: 'review.merged',
      payload: {
        reviews: [{ reviewer: 'tomas', fingerprint: tomasKey, signature: 'c2ln' }],
        entryHashes: [record.activity[record.activity.length - 1]!.hash],
        rechained: false,
      },
    },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': 'pipeline.ndjson' },
    generatedAt: '2026-10-13T11:00:00Z',
    timeZone: 'UTC',
    generator: 'test',
  };
}

const section = (text: string, heading: string, next: string) =>
  text.slice(text.indexOf(heading), text.indexOf(next, text.indexOf(heading)));

describe('a reviewer’s verdict in the report', () => {
  it('lists the verdict, reviewer, time, reasons and the key the merge recorded, in Markdown and HTML', async () => {
    const input = await reviewedInput('The cap moved in the same change <b>x</b> | y');
    const md = section((await renderReportMarkdown(input, sha256)).text, '## Reviews', '## Annotations');
    const row = md.split('\n').find((l) => l.startsWith('| Disputes'));
    expect(row).toContain('tomas');
    expect(row).toContain('2026-10-13 08:00');
    expect(row).toContain(tomasKey);
    expect(row).toContain('y |');
    expect(row).not.toContain('<b>');
    const html = section((await renderReportHtml(input, sha256)).text, '<h2>Reviews</h2>', '</section>');
    expect(html).toContain('<td>Disputes the root cause</td>');
    expect(html).toContain('The cap moved in the same change &lt;b&gt;x&lt;/b&gt; | y');
    expect(html).toContain(tomasKey);
  });

  it('has no Reviews section while the case has no review', async () => {
    const input = await reviewedInput('r');
    const none = { ...input, case: { ...input.case, reviews: undefined } };
    expect((await renderReportMarkdown(none, sha256)).text).not.toContain('## Reviews');
    expect((await renderReportHtml(none, sha256)).text).not.toContain('<h2>Reviews</h2>');
  });
});
