/* eslint-disable no-restricted-imports -- a Node-side unit test reads the built-in sample from disk */
/**
 * Attack, in the app: the sample's decision log imported, then the same log re-encoded (CRLF line ends) — another
 * file, another source — must not change how many decisions the case's evidence holds.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineageDb } from '../db/lineage-db';
import { repeatNotes } from '../../shared/model/repeat-notes';
import type { RepeatedRecord } from '../../shared/model/repeated-records';
import { loadEvidence } from '../db/load-evidence';
import { runImport } from './run-import';

const noCancel = { cancelled: () => false, onProgress: () => undefined };
let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`repeated-evidence-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

async function imported(text: string, name: string): Promise<string> {
  const end = await runImport(db, { file: new File([text], name), name }, noCancel);
  if (end.status !== 'imported') throw new Error(`${name}: ${end.status}`);
  return end.source.id;
}

describe('the app counts the same decisions once', () => {
  it('a re-encoded copy of the decision log is a second source but adds no decision', async () => {
    const text = readFileSync('assets/sample/decisions.jsonl', 'utf8');
    const ids = text
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { decision_id: string }).decision_id);
    const first = await imported(text, 'decisions.jsonl');
    const again = await imported(text.replace(/\n/g, '\r\n'), 'decisions-crlf.jsonl');
    expect(again).not.toBe(first);
    const repeats: RepeatedRecord[] = [];
    const set = await loadEvidence(db, [first, again], (r) => repeats.push(r));
    expect(set.decisions).toHaveLength(new Set(ids).size);
    expect(set.decisions.map((d) => d.provenance.sourceId)).toEqual(ids.map(() => first));
    // What the case screen says of it (ReadOnceNote), as the CLI says it on stderr.
    const notes = repeatNotes(repeats, { [first]: 'decisions.jsonl', [again]: 'decisions-crlf.jsonl' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      new RegExp(
        `^decisions-crlf\\.jsonl: ${ids.length.toLocaleString('en-US')} decisions already read from decisions\\.jsonl.*: counted once$`,
      ),
    );
  }, 60_000);
});
