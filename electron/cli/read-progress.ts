/**
 * How far the CLI has read its inputs, on stderr: `hashing NAME: 45.0 of 200.0 MB (22 %)` and `reading …` lines, at
 * most one every PROGRESS_LINE_MS, and only for an input whose pass has taken that long already (small inputs print
 * nothing). Printed where stderr is a terminal, or anywhere with `--progress`; never on stdout, which carries the
 * command's answer.
 */
import { basename } from 'node:path';
import type { ReadProgress } from '../sources/decode-stream.js';
import { consoleIo } from './command-args.js';
import type { CliIo } from './run-cli.js';

export type { ReadProgress } from '../sources/decode-stream.js';

/** The shortest time between two progress lines. */
export const PROGRESS_LINE_MS = 500;

/** Whether to print progress: asked for with `--progress`, or stderr is a terminal someone watches. */
export function wantsProgress(flag: boolean | undefined, stderr: { readonly isTTY?: boolean }): boolean {
  return flag === true || stderr.isTTY === true;
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/** A listener printing progress lines with `err` (the clock is for tests). */
export function progressPrinter(
  err: (line: string) => void,
  now: () => number = () => performance.now(),
): (progress: ReadProgress) => void {
  let current = '';
  let passStart = 0;
  let lastLine = -Infinity;
  let printed = false;
  let ended = false;
  return ({ path, pass, bytes, totalBytes }) => {
    const t = now();
    const key = `${pass}\0${path}`;
    if (key !== current) {
      current = key;
      passStart = t;
      printed = false;
      ended = false;
    }
    const done = bytes >= totalBytes;
    if (ended) return;
    ended = done;
    // the end of a pass that printed is always told; otherwise a line when the pass and the last line are old enough
    if (!(done && printed) && (t - passStart < PROGRESS_LINE_MS || t - lastLine < PROGRESS_LINE_MS)) return;
    lastLine = t;
    printed = true;
    const percent = totalBytes > 0 ? Math.floor((100 * bytes) / totalBytes) : 100;
    err(`${pass} ${basename(path)}: ${megabytes(bytes)} of ${megabytes(totalBytes)} MB (${percent} %)`);
  };
}

/** The `--progress` flag, among a command's options. */
export const PROGRESS_OPTION = { progress: { type: 'boolean' } } as const;

/** The flag's line in a command's usage. */
export const PROGRESS_USAGE = [
  '  --progress   print how much of each large input is read, on stderr (without it: only where stderr is a terminal)',
];

/**
 * `{ onProgress }` for a command's loader, run with `--progress` (`flag`) or on the console where stderr is a
 * terminal; nothing otherwise (a test's `io` is no terminal).
 */
export function progressOption(
  flag: boolean | undefined,
  io: CliIo,
): { readonly onProgress?: (progress: ReadProgress) => void } {
  return wantsProgress(flag, io === consoleIo ? process.stderr : {}) ? { onProgress: progressPrinter(io.err) } : {};
}
