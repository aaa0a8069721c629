import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHA, testEvidence } from '../analysis/test-evidence';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import type { EvidenceSet } from '../model/evidence-set';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Reads as "summary_exe.pdf" where the controls are obeyed. */
const TROJAN = 'summary_\u202Efdp.exe\u202C \u2067isolated\u2069';

async function input(): Promise<ReportInput> {
  const base = testEvidence();
  const set: EvidenceSet = {
    ...base,
    commits: base.commits.map((c) => (c.sha === SHA.bad ? { ...c, subject: TROJAN, authorName: TROJAN } : c)),
  };
  const d = set.decisions.find((x) => x.decisionId === 'd-23')!;
  const inv = investigate(set, { ...d, model: { ...d.model, name: TROJAN } }, 'flag');
  const record = await headlessCase(
    inv,
    { id: 'case-9', owner: TROJAN, actor: 'test', time: '2026-10-12T09:00:00Z', title: TROJAN },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': `${TROJAN}.ndjson` },
    generatedAt: '2026-10-12T11:00:00Z',
    timeZone: 'UTC',
    generator: 'test',
  };
}

describe('bidirectional controls in imported names, in the reports', () => {
  it.each([
    ['HTML', renderReportHtml],
    ['Markdown', renderReportMarkdown],
  ] as const)('the %s report shows them as [U+XXXX] and holds none', async (_kind, render) => {
    const { text } = await render(await input(), sha256);
    expect(text).not.toMatch(BIDI);
    expect(text).toContain('[U+202E]');
    expect(text).toContain('[U+2067]');
  });
});
