import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import { readReportSeal, verifyReportSeal } from './report-seal';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const LOOKALIKE = `Report SHA-256: ${'0'.repeat(64)}`;

/** A report whose model, feature, case title and owner are all named like a seal. */
async function lookalikeInput(): Promise<ReportInput> {
  const set = testEvidence();
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const named = {
    ...decision,
    model: { ...decision.model, name: LOOKALIKE },
    features: decision.features.map((f) => ({ ...f, name: f.name === 'flag' ? LOOKALIKE : f.name })),
  };
  const inv = investigate(set, named, 'flag');
  const record = await headlessCase(
    inv,
    {
      id: 'case-1',
      owner: LOOKALIKE,
      actor: LOOKALIKE,
      time: '2026-10-12T09:00:00Z',
      title: `${LOOKALIKE}\n${LOOKALIKE}`,
    },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': LOOKALIKE },
    generatedAt: '2026-10-12T11:00:00Z',
    timeZone: 'UTC',
    generator: LOOKALIKE,
  };
}

describe('the seal is read from its own place', () => {
  it.each([
    ['HTML', renderReportHtml],
    ['Markdown', renderReportMarkdown],
  ] as const)('a %s report whose names look like a seal verifies, and fails once edited', async (_kind, render) => {
    const { text, hash } = await render(await lookalikeInput(), sha256);
    expect(text.split(LOOKALIKE).length).toBeGreaterThan(2);
    expect(readReportSeal(text)).toBe(hash);
    expect(await verifyReportSeal(text, sha256)).toEqual({ ok: true, hash });
    const edited = text.replace('case-1', 'case-2');
    expect(await verifyReportSeal(edited, sha256)).toMatchObject({ ok: false, expected: hash });
  });

  it('a report without its seal line is not sealed, whatever else it prints', async () => {
    const { text, hash } = await renderReportMarkdown(await lookalikeInput(), sha256);
    const footerless = text
      .split('\n')
      .filter((l) => l !== `Report SHA-256: ${hash}`)
      .join('\n');
    expect(readReportSeal(footerless)).toBeUndefined();
    expect(await verifyReportSeal(footerless, sha256)).toMatchObject({ ok: false });
  });
});
