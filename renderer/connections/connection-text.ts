/** What the connections panel says: where passwords are kept, and a test's answer. */
import type { ConnectionTest, SecretKeeping } from '../../shared/ipc/connection-channels';
import { repeatedRowsSentence } from '../../shared/warehouse/repeated-decisions';

/** Where this app keeps connection passwords, plainly. */
export function secretsSentence(secrets: SecretKeeping, web: boolean): string {
  if (secrets === 'safeStorage')
    return 'Passwords are stored encrypted by the operating system (Electron safeStorage), never in clear.';
  return web
    ? 'Web mode: passwords are not stored. Each is kept in memory until the app stops, and must be typed again after.'
    : 'This computer offers no encryption to the app: passwords are not stored, only kept in memory until it quits.';
}

const n = (x: number) => x.toLocaleString('en-US');

/** A test's answer in a line: the decisions per model and the time taken, or why the log cannot be read. */
export function testSentence(test: ConnectionTest): string {
  if (!test.ok) return `Not reachable: ${test.reason ?? 'no reason given'}`;
  const models = (test.models ?? [])
    .slice(0, 3)
    .map((m) => `${m.model} ${n(m.decisions)}`)
    .join(', ');
  const more = (test.models?.length ?? 0) > 3 ? ', …' : '';
  return `${n(test.decisions ?? 0)} decisions (${models}${more}), answered in ${n(test.latencyMs ?? 0)} ms by ${
    test.engine === 'postgresql' ? 'PostgreSQL' : 'DuckDB'
  }; read through ${test.mapping ?? 'the suggested mapping'}${copiesClause(test)}${repeatedClause(test)}`;
}

/** "; 1,000 rows repeat a decision … already logged (…)" when rows of the log repeat a decision. */
function repeatedClause(test: ConnectionTest): string {
  const sentence = test.repeated && repeatedRowsSentence(test.repeated);
  return sentence ? `; ${sentence}` : '';
}

/** "; 1 file read once: …/rerun-part-0.parquet repeats …/part-0.parquet" when the folder holds copies. */
function copiesClause(test: ConnectionTest): string {
  const copies = test.copies ?? [];
  if (copies.length === 0) return '';
  const shown = copies.slice(0, 3).map((c) => `${c.path} repeats ${c.duplicateOf}`);
  const more = copies.length > 3 ? `, and ${n(copies.length - 3)} more` : '';
  return `; ${n(copies.length)} file${copies.length === 1 ? '' : 's'} not read again (the same bytes as another): ${shown.join(', ')}${more}`;
}
