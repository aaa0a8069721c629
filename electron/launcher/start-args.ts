/**
 * The launcher's flags: `--no-open`, `--port N`, `--web`, `--help`.
 */
export interface StartOptions {
  readonly open: boolean;
  readonly port: number;
  readonly forceWeb: boolean;
  readonly help: boolean;
}

/**
 * The default web-mode port. A stable port keeps the page's origin stable, and with it the browser's
 * IndexedDB: cases survive restarts. Where it is taken, web mode falls back to a free port.
 */
export const DEFAULT_WEB_PORT = 47631;

export const START_USAGE = `Usage: node dist/electron/start.cjs [--web] [--no-open] [--port N]
  --web      serve web mode even where an Electron binary is present
  --no-open  only serve; do not open Chromium
  --port N   port of the web-mode server on 127.0.0.1 (default ${DEFAULT_WEB_PORT}, else a free one; 0: a free port)`;

/** Parses the flags; throws an Error naming a bad one. */
export function parseStartArgs(argv: ReadonlyArray<string>): StartOptions {
  let open = true;
  let port = DEFAULT_WEB_PORT;
  let forceWeb = false;
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--no-open') open = false;
    else if (arg === '--web') forceWeb = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[(i += 1)] : arg.slice('--port='.length);
      const parsed = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || parsed > 65535) {
        throw new Error(`--port needs a number from 0 to 65535, got ${value ?? 'nothing'}.`);
      }
      port = parsed;
    } else throw new Error(`Unknown option: ${arg}\n${START_USAGE}`);
  }
  return { open, port, forceWeb, help };
}
