/**
 * The decision logs of real-dbt-investigation.test.ts, WRITTEN BY THE TEST (FORMATS.md's decision log): a loyalty
 * offer model that reads `customer_lifetime_value` of the `customers` table the real dbt run wrote, every 30 minutes
 * from the evening before the real run to the evening after it. Before the real run about one decision in ten is a
 * refusal; after it, three in five (the customers whose lifetime value the changed model left empty).
 *
 * The same decisions in three shapes: with `feature_version` (v1 before the real run, v2 after), with only
 * `dataset_version` (the id of the run that wrote the data read: the earlier run's, else the real run's id exactly as
 * the real events carry it), and with neither (the data read is known only from the time).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type LogShape = 'feature-version' | 'dataset-version' | 'neither';

export interface WrittenDecision {
  readonly id: string;
  readonly timestamp: string;
  readonly subject: string;
  readonly refused: boolean;
  /** Whether it read the data the real run (the changed code) wrote. */
  readonly afterChange: boolean;
}

export interface DecisionLog {
  readonly path: string;
  readonly decisions: ReadonlyArray<WrittenDecision>;
  /** The decision an investigator starts from: a refusal after the change, before the later deployment. */
  readonly investigated: WrittenDecision;
}

export type DecisionLogs = Readonly<Record<LogShape, DecisionLog>>;

export interface DecisionTimes {
  readonly dataset: { readonly namespace: string; readonly name: string };
  readonly earlierRunTime: string;
  readonly earlierRunId: string;
  readonly realRunTime: string;
  readonly realRunId: string;
}

const FIRST = Date.parse('2022-12-13T22:00:00Z');
const COUNT = 92; // until 2022-12-15T19:30Z
const STEP = 30 * 60_000;
export const FEATURE = 'customer_lifetime_value';
const INVESTIGATED_AT = '2022-12-15T09:00:00.000Z';
const PREFIX: Record<LogShape, string> = { 'feature-version': 'fv', 'dataset-version': 'dv', neither: 'nv' };

/** Writes the three logs under `dir`. */
export function writeDecisionLogs(dir: string, times: DecisionTimes): DecisionLogs {
  mkdirSync(dir, { recursive: true });
  const realRun = Date.parse(times.realRunTime);
  if (FIRST <= Date.parse(times.earlierRunTime) || FIRST + COUNT * STEP <= realRun)
    throw new Error('the decisions must start after the earlier run and straddle the real run');
  const write = (shape: LogShape): DecisionLog => {
    const decisions: WrittenDecision[] = [];
    const lines: string[] = [];
    for (let i = 0; i < COUNT; i += 1) {
      const t = FIRST + i * STEP;
      const afterChange = t > realRun;
      const refused = afterChange ? i % 5 < 3 : i % 10 === 0;
      const subject = `customer-${((i * 37) % 100) + 1}`;
      const id = `${PREFIX[shape]}-${String(i + 1).padStart(4, '0')}`;
      const timestamp = new Date(t).toISOString();
      decisions.push({ id, timestamp, subject, refused, afterChange });
      const feature = {
        name: FEATURE,
        value: refused && afterChange ? null : refused ? 0 : 20 + ((i * 13) % 90),
        dataset: times.dataset,
        field: FEATURE,
        ...(shape === 'feature-version' && { feature_version: afterChange ? 'v2' : 'v1' }),
        ...(shape === 'dataset-version' && { dataset_version: afterChange ? times.realRunId : times.earlierRunId }),
      };
      lines.push(
        JSON.stringify({
          decision_id: id,
          timestamp,
          subject_id: subject,
          model: { name: 'loyalty-offer', version: '2.0.1' },
          environment: 'production',
          output: { label: refused ? 'refuse' : 'offer', score: refused ? 0.21 : 0.78 },
          action: refused ? 'offer_refused' : 'offer_sent',
          features: [feature],
        }),
      );
    }
    const path = join(dir, `decisions-${shape}.jsonl`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const investigated = decisions.find((d) => d.timestamp === INVESTIGATED_AT);
    if (!investigated?.refused || !investigated.afterChange)
      throw new Error('the investigated decision must be refused');
    return { path, decisions, investigated };
  };
  return {
    'feature-version': write('feature-version'),
    'dataset-version': write('dataset-version'),
    neither: write('neither'),
  };
}
