import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import { createServer } from 'node:http';
import { DEFAULT_WEB_PORT } from './start-args.js';
import { runWebMode, WEB_MODE_LINE, type Spawn } from './web-mode.js';

const dataDir = mkdtempSync(join(tmpdir(), 'li-web-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const handlers = {
  'app:info': async () => ({ name: 'n', version: '1', mode: 'web', platform: 'linux', git: { available: true } }),
} as unknown as IpcHandlers;

function fakeSpawn() {
  const calls: { command: string; args: ReadonlyArray<string> }[] = [];
  const children: { killed: number }[] = [];
  const spawn: Spawn = (command, args) => {
    calls.push({ command, args });
    const child = Object.assign(new EventEmitter(), { exitCode: null, signalCode: null, killed: 0 });
    const record = { killed: 0 };
    children.push(record);
    return Object.assign(child, { kill: () => ((record.killed += 1), true) }) as unknown as ChildProcess;
  };
  return { spawn, calls, children };
}

async function run(open: boolean, env: Record<string, string>, port = 0) {
  const lines: string[] = [];
  const warnings: string[] = [];
  const fake = fakeSpawn();
  const web = await runWebMode({
    appRoot: process.cwd(),
    dataDir,
    handlers,
    port,
    open,
    env,
    spawn: fake.spawn,
    print: (line) => lines.push(line),
    warn: (line) => warnings.push(line),
    exists: (path) => path === '/usr/bin/chromium' || existsSync(path),
  });
  return { web, lines, warnings, ...fake };
}

describe('runWebMode', () => {
  it('falls back to a free port, and says so, when the default port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve, reject) => {
      blocker.once('error', reject);
      blocker.listen(DEFAULT_WEB_PORT, '127.0.0.1', () => resolve());
    }).catch(() => undefined); // already taken by a running app: the same situation
    try {
      const { web, warnings } = await run(false, {}, DEFAULT_WEB_PORT);
      expect(web.bridge.port).not.toBe(DEFAULT_WEB_PORT);
      expect(warnings.join('\n')).toMatch(new RegExp(`Port ${DEFAULT_WEB_PORT} is in use`));
      await web.stop();
    } finally {
      blocker.close();
    }
  });

  it('prints the URL line with the token and serves the API behind it', async () => {
    const { web, lines } = await run(false, {});
    const url = WEB_MODE_LINE.exec(lines.join('\n'))?.[1];
    expect(url).toBe(web.bridge.url);
    const response = await fetch(`${web.bridge.origin}/api/app:info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${new URL(url as string).searchParams.get('token')}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
    await web.stop();
    await expect(fetch(web.bridge.origin)).rejects.toThrow();
  });

  it('opens Chromium as an app window with a lasting profile when a display exists, and stops it', async () => {
    const { web, calls, children } = await run(true, { DISPLAY: ':0', PATH: '' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.command).toBe('/usr/bin/chromium');
    // The command line (any user's `ps`) names a launch page, never the token.
    expect(calls[0]?.args.join(' ')).not.toContain(web.bridge.token);
    const app = calls[0]?.args.find((a) => a.startsWith('--app='))?.slice('--app='.length) ?? '';
    expect(app).toMatch(/^file:\/\//);
    const page = fileURLToPath(app);
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(page)).mode & 0o777).toBe(0o700);
    expect(readFileSync(page, 'utf8')).toContain(`location.replace(${JSON.stringify(web.bridge.url)})`);
    const profile = calls[0]?.args.find((a) => a.startsWith('--user-data-dir='))?.split('=')[1] ?? '';
    expect(profile).toBe(join(dataDir, 'web-profile'));
    expect(existsSync(profile)).toBe(true);
    await web.stop();
    expect(children[0]?.killed).toBe(1);
    expect(existsSync(profile)).toBe(true);
  });

  it('deletes the launch page once the browser has traded the token for its session cookie', async () => {
    const { web, calls } = await run(true, { DISPLAY: ':0', PATH: '' });
    const page = fileURLToPath(calls[0]?.args.find((a) => a.startsWith('--app='))?.slice('--app='.length) ?? '');
    expect(existsSync(page)).toBe(true);
    const first = await fetch(web.bridge.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(existsSync(page)).toBe(false);
    await web.stop();
  });

  it('deletes a launch page never opened when web mode stops', async () => {
    const { web, calls } = await run(true, { DISPLAY: ':0', PATH: '' });
    const page = fileURLToPath(calls[0]?.args.find((a) => a.startsWith('--app='))?.slice('--app='.length) ?? '');
    await web.stop();
    expect(existsSync(page)).toBe(false);
  });

  it('does not open a browser with --no-open or without a display', async () => {
    for (const [open, env] of [
      [false, { DISPLAY: ':0' }],
      [true, {}],
    ] as const) {
      const { web, calls } = await run(open, env);
      expect(calls).toEqual([]);
      await web.stop();
    }
  });
});
