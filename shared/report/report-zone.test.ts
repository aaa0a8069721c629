import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import { importDecisionLog } from '../importers/decision-log-importer';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { formatTime } from '../time/format-time';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';

// A zone half an hour off UTC: a time printed in UTC cannot pass for one printed in it.
const zoneBefore = process.env.TZ;
process.env.TZ = 'Asia/Kolkata';
afterAll(() => {
  process.env.TZ = zoneBefore;
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** A decision log as a monitoring export writes one: ids, times and features, no subjects and no model version. */
function decisionLog(): Decision[] {
  const lines = [0, 0, 1, 3].map((hour, i) => ({
    decision_id: `r-${i}`,
    timestamp: `2022-05-09T2${hour}:15:00Z`,
    model: { name: 'housing' },
    output: { label: i % 2 },
    features: [{ name: 'income', dataset: { namespace: 'n', name: 'd' }, dataset_version: 'v1' }],
  }));
  const result = importDecisionLog(lines.map((l) => JSON.stringify(l)).join('\n'), {
    id: 'b'.repeat(64),
    name: 'decisions.jsonl',
  });
  return result.records.filter((r): r is Decision => r.kind === 'decision');
}

async function reportInput(set = toEvidenceSet(decisionLog())): Promise<ReportInput> {
  const decision = set.decisions[set.decisions.length - 1]!;
  const inv = investigate(set, decision, decision.features[0]!.name);
  const record = await headlessCase(
    inv,
    { id: 'case-1', owner: 'ana', actor: 'test', time: '2022-05-10T08:00:00Z', title: 'A housing estimate' },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { ['b'.repeat(64)]: 'decisions.jsonl' },
    generatedAt: '2022-05-10T09:00:00Z',
    timeZone: 'local',
    generator: 'test',
  };
}

/** The report's text a reader reads: without the anchors block (JSON), hashes and citations. */
function readable(text: string): string {
  return text.slice(0, text.indexOf('Signature and evidence anchors')).replace(/<code class="hash">[^<]*<\/code>/g, '');
}

describe('the report in a zone other than UTC', () => {
  it('prints every time in that zone, the chart labels and the time of use included', async () => {
    const input = await reportInput();
    const local = (iso: string) => formatTime(iso, 'local');
    const bins = input.investigation.scope.histogram.filter((b) => b.count > 0);
    expect(bins.length).toBeGreaterThan(1);
    for (const render of [renderReportHtml, renderReportMarkdown]) {
      const { text } = await render(input, sha256);
      expect(readable(text)).not.toMatch(ISO);
      const scope = text.slice(text.indexOf('Scope'), text.indexOf('Suspects'));
      for (const b of bins) expect(scope).toContain(local(b.start));
      expect(local(bins[0]!.start)).toContain('+05:30');
      const kept = text.slice(text.indexOf('Record keeping'));
      const timeOfUse = kept.split('\n').find((l) => l.includes('time of use'));
      // Markdown escapes the `+` of the offset; read it as the reader sees it.
      expect(timeOfUse?.replace(/\\(.)/g, '$1')).toContain(local(input.investigation.decision.timestamp));
    }
  });

  it("prints the times inside the engine's sentences in that zone too: scores, gaps and governance findings", async () => {
    const input = await reportInput(testEvidence());
    expect(input.investigation.governance.length).toBeGreaterThan(0);
    for (const render of [renderReportHtml, renderReportMarkdown]) {
      const { text } = await render(input, sha256);
      expect(readable(text)).not.toMatch(ISO);
      const suspects = text.slice(text.indexOf('Suspects'), text.indexOf('Record keeping'));
      expect(suspects).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \\?\+05:30/);
    }
  });
});
