/**
 * The CLI over a decision log read in place (one Parquet file) where two teams' models log under the same ids: the
 * sample's offer model and a payment-fraud model scoring the same customers seven minutes later. As with the logs
 * imported (cli/decision-model.test.ts): without `--model` the id names both models and the command stops; with it,
 * each model's own decision is investigated, and each model's answers are those of its log alone.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { runVerifyCommand } from '../cli/verify-command.js';
import { answers, flatRows, FRAUD_MODEL, fraudModelRows, otherEvidence, truth } from './flat-sample.fixture.js';
import { bagSources, bundleWith, workDir } from './flat-report.fixture.js';
import { writeRowFiles } from './flat-table.fixture.js';

const { dir, mappingFile } = workDir('li-in-place-model-');
const FRAUD = FRAUD_MODEL;
const offers = flatRows();
const offerModel = String(offers[0]?.model_name);
const fraud = fraudModelRows(offers);
const both = join(dir, 'both.parquet');
const alone = join(dir, 'offers.parquet');
const fraudAlone = join(dir, 'fraud.parquet');

beforeAll(async () => {
  await writeRowFiles([...offers, ...fraud], join(dir, 'both.jsonl'), both);
  await writeRowFiles(offers, join(dir, 'offers.jsonl'), alone);
  await writeRowFiles(fraud, join(dir, 'fraud.jsonl'), fraudAlone);
}, 120_000);

async function investigate(source: string, model?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...otherEvidence().flatMap((p) => ['--source', p]), '--source', source, '--mapping', mappingFile];
  const code = await runInvestigateCommand(
    [...args, '--decision', truth.caseDecisionId, ...(model ? ['--model', model] : []), '--json'],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, json: code === 0 ? JSON.parse(out.join('\n')) : undefined, err: err.join('\n') };
}

describe('a decision log read in place where two models share decision ids', () => {
  it('names both models and stops without --model', async () => {
    const r = await investigate(both);
    expect(r.code).toBe(2);
    expect(r.err).toContain(offerModel);
    expect(r.err).toContain(FRAUD);
  }, 120_000);

  it("investigates each model's own decision with --model, as over that model's log alone", async () => {
    const own = await investigate(alone);
    const offer = await investigate(both, offerModel);
    expect(offer.code).toBe(0);
    expect(answers(offer.json)).toEqual(answers(own.json));
    const theirs = await investigate(both, FRAUD);
    expect(theirs.code).toBe(0);
    expect([theirs.json.decision, theirs.json.model]).toEqual([truth.caseDecisionId, FRAUD]);
    expect(answers(theirs.json)).toEqual(answers((await investigate(fraudAlone, FRAUD)).json));
    expect(answers(theirs.json)).not.toEqual(answers(offer.json));
  }, 240_000);

  it("bundles the fraud model's decision by its model and id, and verify re-runs that query", async () => {
    const bag = join(dir, 'fraud-bag');
    const written = await bundleWith(both, mappingFile, bag, { model: FRAUD });
    expect(written.code, written.err).toBe(0);
    const queries = bagSources(bag).find((s) => s.name === both)?.queries ?? [];
    expect(queries.map((q) => [q.params, q.rows])).toEqual([
      [[FRAUD, truth.caseDecisionId], 1],
      [[FRAUD], fraud.length],
    ]);
    const lines: string[] = [];
    expect(await runVerifyCommand([bag], { out: (l) => lines.push(l), err: (l) => lines.push(l) })).toBe(0);
    expect(lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
  }, 300_000);
});
