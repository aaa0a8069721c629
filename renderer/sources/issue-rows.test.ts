/** The Sources screen's issue rows: a lone rejection as before, repeated warnings as one counted row. */
import { describe, expect, it } from 'vitest';
import { issueRows } from './issue-rows';

const NAME = 'ol_dbt_structlogs_postgres_failed_run_events.json';
const warn = (i: number, message: string) => ({ sourceName: NAME, pointer: `/${i}`, message });

describe('issue rows', () => {
  it('shows one row per kind of warning, with its count and first places', () => {
    const warnings = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => [
      warn(i, 'no "producer" (required by the OpenLineage spec)'),
      warn(i, 'run.runId "{{ any(result) }}" is not a UUID'),
    ]);
    expect(issueRows(warnings)).toEqual([
      { where: `${NAME} at /0, /1, /2, …`, text: '8 × no "producer" (required by the OpenLineage spec)' },
      { where: `${NAME} at /0, /1, /2, …`, text: '8 × run.runId "{{ any(result) }}" is not a UUID' },
    ]);
  });

  it('keeps a lone rejection as file, line and reason, and names a whole document by its empty pointer', () => {
    const rows = issueRows([
      { sourceName: 'deployments.jsonl', line: 5, reason: 'missing required field "timestamp"' },
      { sourceName: 'event.json', pointer: '', reason: 'not a JSON object' },
    ]);
    expect(rows).toEqual([
      { where: 'deployments.jsonl, line 5', text: 'missing required field "timestamp"' },
      { where: 'event.json, JSON pointer "" (the whole document)', text: 'not a JSON object' },
    ]);
  });
});
