import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { singleLineExport } from '../../fixtures/single-line-export';
import { createGitRunner } from '../services/git-runner.js';
import { runInspectCommand } from './inspect-command.js';

const work = mkdtempSync(join(tmpdir(), 'li-cli-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const deps = { git: createGitRunner(), cacheDir: join(work, 'cache') };

/** A real OpenLineage export of about 20 MB on one line, written to a file. */
function largeExport(): { path: string; size: number } {
  const { text } = singleLineExport(20e6);
  const path = join(work, 'lineage-export.json');
  writeFileSync(path, text);
  return { path, size: Buffer.byteLength(text) };
}

async function inspect(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInspectCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, deps);
  return { code, out, err };
}

const LINE = /^(hashing|reading) lineage-export\.json: (\d+\.\d) of (\d+\.\d) MB \((\d+) %\)$/;

describe('progress of the CLI reading a large input', () => {
  const file = largeExport();

  it('with --progress: bytes read of the total on stderr, a few lines a second, ending at 100 %', async () => {
    const started = performance.now();
    const { code, out, err } = await inspect([file.path, '--progress']);
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('records: lineage-run');
    expect(out.join('\n')).not.toMatch(/hashing|reading lineage-export/);
    const lines = err.filter((l) => LINE.test(l));
    expect(lines).toEqual(err); // nothing else on stderr
    const reading = lines.map((l) => LINE.exec(l)!).filter((m) => m[1] === 'reading');
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.every((m) => m[3] === (file.size / 1e6).toFixed(1))).toBe(true);
    expect(reading.at(-1)?.[4]).toBe('100');
    const percents = reading.map((m) => Number(m[4]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(seconds * 2) + 2);
  }, 120_000);

  it('without --progress, where stderr is not a terminal: no progress', async () => {
    const { code, err } = await inspect([file.path]);
    expect(code).toBe(0);
    expect(err.filter((l) => LINE.test(l))).toEqual([]);
  }, 120_000);
});
