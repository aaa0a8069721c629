/**
 * The app's own files dropped with the evidence: the sample's case file and ground truth, the `--json` results of
 * its commands, an evidence bundle's listing and excerpts — each is skipped saying what it is, none is rejected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAD_SIZE, startImport } from './streaming';

function importText(name: string, text: string) {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: '0'.repeat(64), name });
  job.push(text);
  const summary = job.end();
  return { ...summary, records: job.take().length };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe("the app's own outputs are recognized, not rejected", () => {
  it("skips the sample's case file and ground truth, saying what each is", () => {
    const caseFile = importText('case.json', readFileSync('assets/sample/case.json', 'utf8'));
    expect(caseFile).toMatchObject({ rejectedCount: 0, records: 0 });
    expect(caseFile.skipped).toMatch(/^a case file of this app \(the question about decision d-\d+\)/);
    const truth = importText('ground-truth.json', readFileSync('assets/sample/ground-truth.json', 'utf8'));
    expect(truth).toMatchObject({ rejectedCount: 0, records: 0 });
    expect(truth.skipped).toMatch(/^the ground truth of a world this app generated \(seed \d+/);
  });

  it('skips the --json results of inspect, investigate, trace and metrics', () => {
    const outputs = [
      [{ exitCode: 0, inputs: [{ path: 'a.json', detected: 'openlineage' }], problems: [] }, /"inspect --json"/],
      [
        {
          decision: 'd-1',
          scope: { method: 'x' },
          onset: null,
          versionAtInference: null,
          trace: {},
          suspects: [],
          governance: [],
          remediation: {},
        },
        /"investigate --json" result of this app for decision d-1/,
      ],
      [
        { decision: 'd-1', feature: 'f', asOf: '2026-01-01T00:00:00Z', path: [], answers: {}, gaps: [] },
        /"trace --json"/,
      ],
      [
        { metrics: [{ id: 'time-to-root-cause', name: 'Time', unit: 'hours', definition: 'Hours…' }] },
        /"metrics --json"/,
      ],
    ] as const;
    for (const [value, reason] of outputs) {
      const s = importText('out.json', json(value));
      expect([s.skipped, s.rejectedCount]).toEqual([expect.stringMatching(reason), 0]);
    }
  });

  it("skips an evidence bundle's case, sources listing and excerpts, even an excerpt of a binary source", () => {
    const bundleCase = importText('case.json', json({ case: { id: 'c-1' }, activity: [{ action: 'case.opened' }] }));
    expect(bundleCase.skipped).toMatch(/^a case and its activity log from an evidence bundle/);
    const listing = importText('sources.json', json([{ name: 'a.jsonl', sha256: 'ab', included: 'file' }]));
    expect(listing.skipped).toMatch(/^the sources listing of an evidence bundle/);
    const header = '{"source":"pipeline-config","sha256":"bdea"}\n';
    const excerpt = importText('x.excerpt.jsonl', `${header}{"line":26,"text":"r\uFFFD\uFFFDNER\f\u0001\u0002"}\n`);
    expect([excerpt.skipped, excerpt.rejectedCount]).toEqual([
      expect.stringMatching(/^excerpts of pipeline-config/),
      0,
    ]);
  });
});
