/**
 * An onset the investigator gives (`investigate --onset`) over a decision log read in place: the engine that holds
 * the log answers as the in-memory engine does over the same decisions imported — for a time and for a bin of the
 * series — without reading the model's decisions. On the sample's decisions as a warehouse keeps them (flat rows).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { answers, flatRows, otherEvidence, truth, writeFlatFiles } from './flat-sample.fixture.js';
import { workDir } from './flat-report.fixture.js';

const { dir, mappingFile } = workDir('li-onset-override-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');

const jsonl = join(dir, 'decisions-flat.jsonl');
const parquet = join(dir, 'decisions.parquet');

beforeAll(() => writeFlatFiles(jsonl, parquet), 60_000);

async function investigate(source: string, onset: string) {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...otherEvidence().flatMap((p) => ['--source', p]), '--source', source, '--mapping', mappingFile];
  const code = await runInvestigateCommand([...args, '--decision', truth.caseDecisionId, '--onset', onset, '--json'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, json: code === 0 ? JSON.parse(out.join('\n')) : undefined, err: err.join('\n') };
}

const ms = (ts: unknown) => Date.parse(String(ts));

describe('an onset given to investigate over a Parquet log', () => {
  // Two days before the sample's true onset: a time no bin starts at.
  const early = new Date(ms(truth.onset.timestamp) - 2 * 86_400_000 + 12_345).toISOString();

  it('a time: the onset is that time, its first and last decisions those of the rows, as imported', async () => {
    const imported = await investigate(jsonl, early);
    expect(imported.code).toBe(0);
    const pushed = await investigate(parquet, early);
    expect(pushed.err).not.toContain("reading the model's decisions");
    expect(pushed.code).toBe(0);
    expect(answers(pushed.json)).toEqual(answers(imported.json));
    const { onset } = pushed.json;
    expect(onset.method).toBe('override');
    expect(onset.onset).toBe(early);
    // What a reader of the rows finds either side of the time.
    const rows = [...flatRows()].sort((a, b) => ms(a.ts) - ms(b.ts));
    const first = rows.find((r) => ms(r.ts) >= ms(early));
    const last = rows.filter((r) => ms(r.ts) < ms(early)).pop();
    expect(onset.firstBad.decisionId).toBe(first?.id);
    expect(onset.lastGood.decisionId).toBe(last?.id);
  }, 180_000);

  it('a feature version: the onset is its first decision, as imported', async () => {
    const version = truth.featureVersion.before as string;
    const imported = await investigate(jsonl, version);
    const pushed = await investigate(parquet, version);
    expect(pushed.err).not.toContain("reading the model's decisions");
    expect(pushed.code).toBe(0);
    expect(answers(pushed.json)).toEqual(answers(imported.json));
    expect(pushed.json.onset.method).toBe('override');
    expect(pushed.json.onset.key).toBe(version);
    const first = flatRows()
      .filter((r) => r.feat_version === version)
      .sort((a, b) => ms(a.ts) - ms(b.ts))[0];
    expect(pushed.json.onset.firstBad.decisionId).toBe(first?.id);
  }, 180_000);
});
