import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import { importDecisionLog } from '../importers/decision-log-importer';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import { renderCaseMarkdown } from './case-markdown';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A decision log of `count` decisions on one dataset version (or none recorded), each with a subject id or none. */
function decisions(count: number, subjects: boolean, version = true): Decision[] {
  const lines = Array.from({ length: count }, (_, i) => ({
    decision_id: `r-${i}`,
    timestamp: `2022-05-09T1${i}:15:00Z`,
    model: { name: 'housing' },
    ...(subjects && { subject_id: `s-${i}` }),
    features: [{ name: 'income', dataset: { namespace: 'n', name: 'd' }, ...(version && { dataset_version: 'v1' }) }],
  }));
  const result = importDecisionLog(lines.map((l) => JSON.stringify(l)).join('\n'), {
    id: 'c'.repeat(64),
    name: 'decisions.jsonl',
  });
  return result.records.filter((r): r is Decision => r.kind === 'decision');
}

async function reports(log: Decision[], set = toEvidenceSet(log), feature = 'income'): Promise<string[]> {
  const inv = investigate(set, log[log.length - 1]!, feature);
  const record = await headlessCase(
    inv,
    { id: 'case-1', owner: 'ana', actor: 'test', time: '2022-05-10T08:00:00Z', title: 'An estimate' },
    sha256,
  );
  const input: ReportInput = {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: {},
    generatedAt: '2022-05-10T09:00:00Z',
    timeZone: 'UTC',
    generator: 'test',
  };
  const html = (await renderReportHtml(input, sha256)).text;
  const md = (await renderReportMarkdown(input, sha256)).text;
  const caseMd = renderCaseMarkdown({
    title: 'An estimate',
    generatedAt: input.generatedAt,
    timeZone: 'UTC',
    decision: inv.decision,
    featureName: inv.featureName,
    scope: inv.scope,
    trace: inv.trace,
    changes: inv.changes,
    governance: inv.governance,
    remediation: inv.remediation,
    notes: [],
  });
  return [html, md, caseMd];
}

/** The text a reader reads: tags dropped and Markdown's escapes undone. */
const words = (text: string) => text.replace(/<[^>]*>/g, '').replace(/\\(.)/g, '$1');

describe('the scope in words', () => {
  it('counts one decision in the singular and never writes "(s)"', async () => {
    for (const text of await reports(decisions(1, true))) {
      expect(words(text)).not.toContain('(s)');
      expect(words(text)).toMatch(/\b1 decision of 1 subject\b|\b1 decision and 1 subject\b/);
    }
    for (const text of await reports(decisions(3, true))) {
      expect(words(text)).toMatch(/\b3 decisions (of|and) 3 subjects\b/);
    }
  });

  it('says the log does not record subjects where no decision carries one, never "0 subjects"', async () => {
    for (const text of await reports(decisions(2, false))) {
      expect(words(text)).not.toMatch(/\b0 subjects?\b/);
      expect(words(text)).toContain('the decision log does not record their subjects');
    }
  });

  it('counts in words in the governance findings too, where a deployment shipped other changes', async () => {
    const set = testEvidence();
    const decision = set.decisions[set.decisions.length - 1]!;
    const texts = await reports([decision], set, decision.features[0]!.name);
    expect(texts[0]).toMatch(/shipped \d+ changes?\b/);
    for (const text of texts) expect(words(text)).not.toContain('(s)');
  });
});

/** The report's sentence on the scope (in the HTML the paragraph's end runs into the next heading's text). */
const scopeLine = (text: string) => words(text).match(/\b\d[\d,]* decisions? (of|and|\().*?\.(?=\s|$|[A-Z])/)?.[0];

describe('what the scope counted, in words', () => {
  it('a log with one dataset version: the decisions on it, the version named', async () => {
    const [html, md] = await reports(decisions(3, true));
    expect(scopeLine(html!)).toBe(scopeLine(md!));
    expect(words(md!)).toContain('3 decisions of 3 subjects used the same dataset version of income (v1).');
  });

  it('a log that records no version: only the decision is counted, and the report says why, never "the same version"', async () => {
    for (const text of await reports(decisions(3, true, false))) {
      expect(words(text)).not.toContain('the same version');
      expect(words(text)).toContain(
        '1 decision of 1 subject was counted: the decision log records no feature or dataset version of income',
      );
    }
  });

  it('a blast radius: the decisions that read the data the top cause reached, whatever their version', async () => {
    const set = testEvidence();
    const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
    const [html, md] = await reports([decision], set, 'flag');
    const inv = investigate(set, decision, 'flag');
    expect(inv.engine?.scope.method).toBe('blast-radius');
    expect(scopeLine(html!)).toBe(scopeLine(md!));
    expect(words(md!)).not.toContain('used the same version');
    expect(words(md!)).toMatch(
      /\d+ decisions? of \d+ subjects? read flag from data the top cause reached: written from /,
    );
  });
});
