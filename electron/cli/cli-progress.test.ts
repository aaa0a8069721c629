import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { createGitRunner } from '../services/git-runner.js';
import { runInspectCommand } from './inspect-command.js';

const work = mkdtempSync(join(tmpdir(), 'li-cli-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const deps = { git: createGitRunner(), cacheDir: join(work, 'cache') };

/** Marquez's real seed events, with a new run id per copy, as one JSON array on one line of about 20 MB. */
function largeExport(): { path: string; size: number } {
  const events = (
    JSON.parse(readFileSync(realFixture('openlineage/marquez_docker_metadata.json'), 'utf8')) as Array<{
      run?: { runId?: string };
    }>
  ).filter((e) => e.run?.runId);
  const parts: string[] = [];
  for (let copy = 0, size = 0; size < 20e6; copy++) {
    const suffix = copy.toString(16).padStart(12, '0');
    for (const e of events) {
      const text = JSON.stringify({ ...e, run: { ...e.run, runId: `${e.run?.runId?.slice(0, 24)}${suffix}` } });
      parts.push(text);
      size += text.length + 1;
    }
  }
  const text = `[${parts.join(',')}]`;
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
