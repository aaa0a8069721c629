import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeClient } from '../../shared/ipc/bridge-client.js';
import { fakeHandlers } from '../fake-handlers.js';
import { CONTENT_SECURITY_POLICY } from '../security.js';
import { startBridge, type Bridge } from './server.js';

const root = mkdtempSync(join(tmpdir(), 'li-bridge-'));
const rendererDir = join(root, 'renderer');
const seen: unknown[] = [];
const handlers = fakeHandlers({
  'git:show': async (request: unknown) => {
    seen.push(request);
    return { text: 'select 1' };
  },
});
let bridge: Bridge;

/** A raw HTTP request, so Host and Origin can be anything. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lineage Investigator</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  bridge = await startBridge({ handlers, rendererDir, bodyLimit: 2048 });
});
afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 with a 32-byte hex token in its URL', () => {
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
  });

  it('serves the renderer with MIME types, the CSP and nosniff, and no CORS headers', async () => {
    const index = await send('/?token=abc');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Lineage Investigator</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const withOrigin = await api('app:info', {}, { Origin: bridge.origin });
    expect(withOrigin.status).toBe(200);
    for (const response of [index, withOrigin]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/assets/']) {
      const response = await send(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403', async () => {
    expect((await send('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await send('/', { headers: { Host: `evil.example:${bridge.port}` } })).status).toBe(403);
    expect((await send('/', { headers: { Host: `localhost:${bridge.port}` } })).status).toBe(200);
    expect((await api('app:info', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('app:info', {}, { Origin: 'null' })).status).toBe(403);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const none = await send('/api/app:info', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await api('app:info', {}, { Authorization: `Bearer ${'0'.repeat(64)}` });
    expect(wrong.status).toBe(401);
    expect((await api('app:info', {}, { Authorization: bridge.token })).status).toBe(401);
  });

  it('exchanges the token in the URL for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const first = await send(`/?token=${bridge.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(bridge.token);
    const pair = cookie.split(';')[0]!;
    // The cookie alone authorizes the API; without the token or the cookie the API is refused.
    const withCookie = await send('/api/app:info', { method: 'POST', headers: { Cookie: pair }, body: '{}' });
    expect(withCookie.status).toBe(200);
    const forged = await send('/api/app:info', {
      method: 'POST',
      headers: { Cookie: `${pair.split('=')[0]}=${'0'.repeat(64)}` },
      body: '{}',
    });
    expect(forged.status).toBe(401);
    expect((await send('/api/app:info', { method: 'POST', body: '{}' })).status).toBe(401);
    // The Origin and Host checks still hold with the cookie.
    const foreign = { method: 'POST', headers: { Cookie: pair, Origin: 'https://evil.example' }, body: '{}' };
    expect((await send('/api/app:info', foreign)).status).toBe(403);
    // A wrong token in the URL sets nothing.
    const wrong = await send(`/?token=${'0'.repeat(64)}`);
    expect(wrong.status).toBe(200);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('answers 404 for an unknown channel, 400 naming the problem, 413 over the body limit', async () => {
    expect((await api('fs:read', {})).status).toBe(404);
    const invalid = await api('git:show', { repository: 'sample:x', commit: 'not-a-sha', path: 'a' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatch(/Invalid request for git:show at commit/);
    const traversal = await api('git:show', { repository: 'sample:x', commit: 'abcdef1', path: '../etc/passwd' });
    expect(traversal.status).toBe(400);
    const notJson = await api('app:info', '{oops');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error).toMatch(/not JSON/);
    expect((await api('app:info', { pad: 'x'.repeat(5000) })).status).toBe(413);
    const chunked = await api('app:info', { pad: 'x'.repeat(5000) }, { 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('serves the contract to the bridge client with the global fetch', async () => {
    const client = createBridgeClient(bridge.origin, bridge.token);
    const request = { repository: 'sample:x', commit: 'abcdef1', path: 'models/a.sql' };
    await expect(client.invoke('git:show', request)).resolves.toEqual({ text: 'select 1' });
    expect(seen).toEqual([request]);
    await expect(client.invoke('app:info', {})).resolves.toMatchObject({ mode: 'web' });
    await expect(createBridgeClient(bridge.origin, 'wrong').invoke('app:info', {})).rejects.toThrow(/token/);
  });
});
