import { describe, expect, it } from 'vitest';
import { runCli, USAGE_ERROR, type CliCommand } from './run-cli.js';

function harness(run: CliCommand['run'] = async () => 0) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[][] = [];
  const commands: CliCommand[] = [
    { name: 'sample', summary: 'generate the sample', run: async (argv) => (calls.push(argv), run(argv)) },
  ];
  const cli = (...argv: string[]) =>
    runCli(argv, { version: '9.8.7', commands }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { cli, out, err, calls };
}

describe('lineage-investigator', () => {
  it('--help lists the commands', async () => {
    const h = harness();
    expect(await h.cli('--help')).toBe(0);
    expect(h.out.join('\n')).toMatch(/Usage: lineage-investigator <command>/);
    expect(h.out.join('\n')).toMatch(/^ {2}sample\s+generate the sample$/m);
  });

  it('--version prints the version', async () => {
    const h = harness();
    expect(await h.cli('--version')).toBe(0);
    expect(h.out).toEqual(['9.8.7']);
  });

  it('dispatches a command with its arguments and returns its exit code', async () => {
    const h = harness(async () => 3);
    expect(await h.cli('sample', '--seed', '7', '--out', 'x')).toBe(3);
    expect(h.calls).toEqual([['--seed', '7', '--out', 'x']]);
  });

  it('refuses an unknown command with exit 2 and says where the list is', async () => {
    const h = harness();
    expect(await h.cli('frobnicate')).toBe(USAGE_ERROR);
    expect(h.err.join('\n')).toMatch(/Unknown command: frobnicate.*--help/);
    expect(h.calls).toEqual([]);
  });

  it('reports a failing command with exit 1', async () => {
    const h = harness(async () => {
      throw new Error('disk full');
    });
    expect(await h.cli('sample')).toBe(1);
    expect(h.err).toEqual(['sample failed: disk full']);
  });
});
