import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './command-args.js';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};
const options = { source: { type: 'string', multiple: true }, json: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it('returns typed values', () => {
    const { io: sink } = io();
    const parsed = parseCommandArgs(['--source', 'a', '--source', 'b', '--json'], options, 'USAGE', sink);
    expect(parsed).toEqual({ values: { source: ['a', 'b'], json: true }, positionals: [] });
  });

  it('answers --help with the usage and exit 0', () => {
    const s = io();
    expect(parseCommandArgs(['-h'], options, 'USAGE', s.io)).toBe(0);
    expect(s.out).toEqual(['USAGE']);
  });

  it('names an unknown flag or a stray argument, with the usage, and exits 2', () => {
    const s = io();
    expect(parseCommandArgs(['--nope'], options, 'USAGE', s.io)).toBe(2);
    expect(s.err[0]).toMatch(/--nope[\s\S]*USAGE/);
    expect(parseCommandArgs(['stray'], options, 'USAGE', s.io)).toBe(2);
    expect(s.err[1]).toMatch(/Unexpected argument 'stray'/);
    expect(parseCommandArgs(['stray'], options, 'USAGE', s.io, { allowPositionals: true })).toEqual({
      values: {},
      positionals: ['stray'],
    });
  });
});
