import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_PORT, parseStartArgs } from './start-args.js';

describe('parseStartArgs', () => {
  it('defaults to opening, a free port, Electron when available', () => {
    expect(parseStartArgs([])).toEqual({ open: true, port: DEFAULT_WEB_PORT, forceWeb: false, help: false });
    expect(parseStartArgs(['--port', '0']).port).toBe(0);
  });

  it('reads --web, --no-open and --port in both spellings', () => {
    expect(parseStartArgs(['--web', '--no-open', '--port', '43123'])).toEqual({
      open: false,
      port: 43123,
      forceWeb: true,
      help: false,
    });
    expect(parseStartArgs(['--port=8080']).port).toBe(8080);
  });

  it('rejects a bad port and unknown options', () => {
    expect(() => parseStartArgs(['--port'])).toThrow(/--port needs a number/);
    expect(() => parseStartArgs(['--port', '70000'])).toThrow(/--port needs a number/);
    expect(() => parseStartArgs(['--port', 'abc'])).toThrow(/--port needs a number/);
    expect(() => parseStartArgs(['--open-all'])).toThrow(/Unknown option: --open-all/);
  });
});
