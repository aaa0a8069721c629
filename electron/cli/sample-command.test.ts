import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../generators/sample/sample.js';
import { runSampleCommand, summaryLine } from './sample-command.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('runSampleCommand', () => {
  it.each([
    [['--seed', 'seven', '--out', 'x'], /--seed must be an integer/],
    [['--seed', '-1', '--out', 'x'], /--seed|argument/],
    [['--seed', '4294967296', '--out', 'x'], /--seed must be an integer/],
    [['--scale', 'huge', '--out', 'x'], /--scale must be small or large/],
    [['--seed', '7'], /--out DIR is required/],
    [['--colour', 'red'], /Unknown option/],
    [['extra'], /positional/],
  ])('rejects %j as a usage error', async (argv, message) => {
    const t = io();
    expect(await runSampleCommand(argv, t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(message);
    expect(t.err.join('\n')).toContain('Usage: lineage-investigator sample');
  });

  it('prints its usage for --help', async () => {
    const t = io();
    expect(await runSampleCommand(['--help'], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('--scale S');
  });

  it('writes the sample and prints one summary line', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sample-cli-'));
    dirs.push(out);
    const t = io();
    expect(await runSampleCommand(['--seed', '3', '--scale', 'small', '--out', out], t.io)).toBe(0);
    expect(t.out).toHaveLength(1);
    expect(t.out[0]).toMatch(
      /^Wrote the small sample \(seed 3\) to .+: [\d,]+ commits, .* decisions, .* MB in [\d.]+ s\.$/,
    );
    expect((await readdir(out)).sort()).toEqual(Object.values(SAMPLE_FILES).sort());
  });
});

describe('summaryLine', () => {
  it('names the counts, the folder, the size and the time', () => {
    expect(
      summaryLine({
        seed: 7,
        scale: 'large',
        outDir: '/tmp/s',
        commits: 20_002,
        pullRequests: 7_672,
        lineageEvents: 103_104,
        decisions: 1_019_532,
        deployments: 4_669,
        auditEntries: 3_486,
        enforcementEntries: 47_947,
        bytes: 1_052_000_000,
        elapsedMs: 38_700,
      }),
    ).toBe(
      'Wrote the large sample (seed 7) to /tmp/s: 20,002 commits, 7,672 pull requests, 103,104 lineage events, ' +
        '1,019,532 decisions, 4,669 deployments, 3,486 audit entries, 47,947 enforcement entries; 1003.3 MB in 38.7 s.',
    );
  });
});
