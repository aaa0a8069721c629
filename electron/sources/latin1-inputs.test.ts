/**
 * A Windows-1252 (Latin-1) export through the CLI's reader: a CSV of a deployment log as Excel saves it on a Western
 * Windows, with a column mapping, and JSON lines. Each is decoded as Windows-1252 with one warning naming the line
 * that shows it; a file whose invalid UTF-8 is not such text keeps its U+FFFD warning.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-latin1-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };
const latin1 = (text: string) => Buffer.from(text, 'latin1');

async function read(name: string, bytes: Buffer) {
  const path = join(mkdtempSync(join(work, 'in-')), name);
  writeFileSync(path, bytes);
  const records: EvidenceRecord[] = [];
  const { imported } = await importInputs([path], { ...options, onRecords: (r) => records.push(...r) });
  const actors = records.map((r) => (r.kind === 'deployment' ? r.actor : r.kind));
  return { summary: imported[0]?.summary, actors };
}

describe('a Windows-1252 file read by the CLI', () => {
  it('decodes JSON lines as Windows-1252 and says so once, at the first line that shows it', async () => {
    const { summary, actors } = await read(
      'deployments.jsonl',
      latin1(
        '{"id":"dep-1","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1","actor":"ada"}\n' +
          '{"id":"dep-2","timestamp":"2026-01-02T00:00:00Z","environment":"prod","commit":"abcdef2","actor":"Zoë Müller \x96 \x93Z\x94"}\n',
      ),
    );
    expect(actors).toEqual(['ada', 'Zoë Müller – “Z”']);
    expect(summary).toMatchObject({ detected: 'deployments', rejectedCount: 0, warningCount: 1 });
    expect(summary?.warnings).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^not UTF-8: read as Windows-1252/) }),
    ]);
  });

  it('keeps invalid UTF-8 that is no Latin-1 text as UTF-8, warned of with its line', async () => {
    const { summary } = await read(
      'deployments.jsonl',
      Buffer.concat([
        Buffer.from(
          '{"id":"dep-1","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1","actor":"Zoë"}\n',
        ),
        latin1(
          '{"id":"dep-2","timestamp":"2026-01-02T00:00:00Z","environment":"prod","commit":"abcdef2","actor":"Ren\xe9"}\n',
        ),
      ]),
    );
    expect(summary?.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'invalid UTF-8: 1 byte sequence replaced with U+FFFD (line 2)'],
    ]);
  });
});
