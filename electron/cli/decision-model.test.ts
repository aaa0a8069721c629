/**
 * Two teams' models log their decisions in the same folder of evidence, each numbering its own decisions from the
 * same scheme: the offer model's log (the sample's) and a payment-fraud model scoring the same customers a few minutes
 * later. An id alone names two decisions. The commands name both models and stop without `--model`; with it, each
 * investigates its own model's decision, and the fraud log changes nothing of the offer model's investigation.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from './investigate-command.js';
import { runTraceCommand } from './trace-command.js';
import type { CliIo } from './run-cli.js';

const SAMPLE = 'assets/sample';
const truth = JSON.parse(readFileSync(join(SAMPLE, 'ground-truth.json'), 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'li-decision-model-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
const evidence = mkdtempSync(join(tmpdir(), 'li-two-models-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(evidence, { recursive: true, force: true });
});

interface LoggedDecision {
  decision_id: string;
  timestamp: string;
  subject_id: string;
  model: { name: string; version: string };
}
const offerLog = readFileSync(join(SAMPLE, 'decisions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as LoggedDecision);
const offerModel = (offerLog[0] as LoggedDecision).model.name;
const FRAUD = 'payment-fraud';

// The fraud team's log: the same customers, seven minutes after each offer, ids from the same scheme.
const fraudLog = offerLog.map((d, i) => ({
  decision_id: d.decision_id,
  timestamp: new Date(Date.parse(d.timestamp) + 7 * 60_000).toISOString(),
  subject_id: d.subject_id,
  model: { name: FRAUD, version: '1.4.2' },
  environment: 'production',
  output: { label: i % 17 === 0 ? 'hold' : 'approve', score: (i % 100) / 100 },
  action: i % 17 === 0 ? 'payment_held' : 'payment_approved',
  features: [
    {
      name: 'txn_velocity_24h',
      value: i % 9,
      dataset: { namespace: 'warehouse', name: 'payments.velocity_features' },
      field: 'txn_velocity_24h',
      feature_version: 'v2',
    },
  ],
}));

for (const f of readdirSync(SAMPLE)) if (f !== 'ground-truth.json') copyFileSync(join(SAMPLE, f), join(evidence, f));
writeFileSync(join(evidence, 'fraud-decisions.jsonl'), fraudLog.map((d) => JSON.stringify(d)).join('\n') + '\n');

async function run(command: (argv: string[], io: CliIo) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const investigate = (source: string, ...more: string[]) =>
  run(runInvestigateCommand, ['--source', source, '--decision', truth.caseDecisionId, '--json', ...more]);

describe('a decision id two models use', () => {
  it('is named ambiguous, with both models, by investigate and trace without --model (exit 2)', async () => {
    const inv = await investigate(evidence);
    expect(inv.code).toBe(2);
    expect(inv.err).toContain(
      `Ambiguous decision: ${truth.caseDecisionId} is a decision of 2 models (${offerModel}, ${FRAUD}); say which with --model NAME.`,
    );
    expect(inv.out).toBe('');
    const trace = await run(runTraceCommand, ['--source', evidence, '--decision', truth.caseDecisionId]);
    expect(trace.code).toBe(2);
    expect(trace.err).toContain(`is a decision of 2 models (${offerModel}, ${FRAUD})`);
  });

  it("investigates the offer model's decision with --model as if the fraud log were not there", async () => {
    const alone = await investigate(SAMPLE);
    const both = await investigate(evidence, '--model', offerModel);
    expect([alone.code, both.code]).toEqual([0, 0]);
    const [a, b] = [JSON.parse(alone.out), JSON.parse(both.out)];
    expect(b.model).toBe(offerModel);
    expect(b.scope).toEqual(a.scope);
    expect(b.onset).toEqual(a.onset);
    expect(b.versionAtInference).toEqual(a.versionAtInference);
    expect(b.suspects.map((s: { changeId: string }) => s.changeId)).toEqual(
      a.suspects.map((s: { changeId: string }) => s.changeId),
    );
    expect(b.suspects[0].changeId).toBe(truth.plantedCommit);
  });

  it("investigates and traces the fraud model's decision of that id with --model", async () => {
    const inv = await investigate(evidence, '--model', FRAUD);
    expect(inv.code).toBe(0);
    const r = JSON.parse(inv.out);
    expect([r.decision, r.model, r.trace.feature]).toEqual([truth.caseDecisionId, FRAUD, 'txn_velocity_24h']);
    expect(r.scope.affectedDecisions).toBeLessThanOrEqual(fraudLog.length);
    const trace = await run(runTraceCommand, [
      '--source',
      evidence,
      '--decision',
      truth.caseDecisionId,
      '--model',
      FRAUD,
      '--json',
    ]);
    expect(trace.code).toBe(0);
    expect(JSON.parse(trace.out).feature).toBe('txn_velocity_24h');
  });

  it('says which models hold the id when --model names another', async () => {
    const inv = await investigate(evidence, '--model', 'churn');
    expect(inv.code).toBe(2);
    expect(inv.err).toContain(
      `Unknown decision: ${truth.caseDecisionId} of model churn is in none of the decision logs read`,
    );
    expect(inv.err).toContain(`(it is a decision of ${offerModel}, ${FRAUD})`);
  });
});
