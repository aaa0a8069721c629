/**
 * A real file holding one OpenLineage event (Marquez's full-event example) is cited by the file and its JSON
 * pointer — the empty pointer of the whole document, written out — never as a bare `marquez_event_full.json:`.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { runTraceCommand } from './trace-command.js';

const work = mkdtempSync(join(tmpdir(), 'li-cite-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const EVENT = 'marquez_event_full.json';
copyFileSync(realFixture('openlineage', EVENT), join(work, EVENT));
const feature = { name: 'column1', dataset: { namespace: 'my-datasource-namespace', name: 'instance.schema.table' } };
const decision = { decision_id: 'd-1', timestamp: '2021-01-01T00:00:00Z', model: { name: 'm' }, features: [feature] };
writeFileSync(join(work, 'decisions.jsonl'), `${JSON.stringify(decision)}\n`);

async function trace(...extra: string[]) {
  const out: string[] = [];
  const code = await runTraceCommand(['--source', work, '--decision', 'd-1', ...extra], {
    out: (l) => out.push(l),
    err: () => undefined,
  });
  return { code, out: out.join('\n') };
}

describe('citing a whole single-event file', () => {
  it('prints the file and its JSON pointer in the card, and never "file.json:" with nothing after it', async () => {
    const { code, out } = await trace();
    expect(code).toBe(0);
    expect(out).toContain(`job      my-scheduler-namespace:myjob.mytask @ `);
    expect(out).toContain(`[${EVENT}, JSON pointer "" (the whole document)]`);
    expect(out).not.toMatch(/\.json:(\]|\s|$)/m);
  });

  it('gives the pointer as "pointer" in --json, not an empty "line"', async () => {
    const card = JSON.parse((await trace('--json')).out) as { path: Array<{ node: string; evidence: unknown }> };
    const job = card.path.find((p) => p.node === 'my-scheduler-namespace:myjob.mytask');
    expect(job?.evidence).toEqual({ source: EVENT, pointer: '' });
  });
});
