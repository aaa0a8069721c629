/**
 * The loopback bridge of web mode: serves the built renderer and the IPC contract over HTTP on 127.0.0.1.
 * `POST /api/<channel>` with a JSON body and `Authorization: Bearer <token>` calls the same services as
 * Electron's ipcMain. The first page load carries the token as `?token=`: it is exchanged for an HttpOnly,
 * SameSite=Strict session cookie and a redirect to the same address without the token, so the token does not stay
 * in the browser's history; later API calls are authorized by that cookie (or the Bearer token). Requests for another Host (DNS rebinding) or from another Origin are refused, and no
 * CORS header is ever sent, so no other web page can read or drive it.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIpcChannel, type IpcHandlers } from '../../shared/ipc/contract.js';
import { CONTENT_SECURITY_POLICY } from '../security.js';
import { dispatch, InvalidRequestError } from '../services/dispatch.js';
import {
  createToken,
  hasValidSession,
  hasValidToken,
  isAllowedHost,
  isAllowedOrigin,
  SESSION_COOKIE,
} from './guards.js';
import { mimeType, resolveStaticFile } from './static-files.js';

export interface BridgeOptions {
  readonly handlers: IpcHandlers;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to a fresh random token. */
  readonly token?: string;
  /** Largest request body in bytes (default 256 MiB: an evidence bundle's report, log and cited excerpts). */
  readonly bodyLimit?: number;
  /** Called each time a page load trades the token for the session cookie (web mode then deletes its launch page). */
  readonly onTokenExchanged?: () => void;
}

export interface Bridge {
  readonly port: number;
  readonly token: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The page to open: `http://127.0.0.1:<port>/?token=<token>` */
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

const sendError = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
  sendJson(res, status, { error: message }, extra);

/** The request body as text, or null once it passes `limit` bytes (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  options: Required<BridgeOptions>,
  session: string,
) {
  if (req.method !== 'POST') return sendError(res, 405, 'Use POST for the API.', { Allow: 'POST' });
  if (!hasValidToken(req.headers.authorization, options.token) && !hasValidSession(req.headers.cookie, session)) {
    return sendError(
      res,
      401,
      'Missing or wrong token: open the exact URL the app printed when it started (it ends in ?token=…).',
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
  if (!isIpcChannel(channel)) return sendError(res, 404, `Unknown channel: ${channel}`);
  const body = await readBody(req, options.bodyLimit);
  if (body === null) {
    return sendError(res, 413, `Request body over ${options.bodyLimit} bytes.`, { Connection: 'close' });
  }
  let request: unknown;
  try {
    request = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    return sendError(res, 400, `Request body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    sendJson(res, 200, await dispatch(options.handlers, channel, request));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sendError(res, error instanceof InvalidRequestError ? 400 : 500, message);
  }
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string, rendererDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  const file = await resolveStaticFile(rendererDir, pathname);
  if (!file) return sendError(res, 404, `Not found: ${pathname}`);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Starts the bridge on 127.0.0.1; resolves once it listens. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const settings: Required<BridgeOptions> = {
    port: 0,
    token: createToken(),
    bodyLimit: 256 * 1024 * 1024,
    onTokenExchanged: () => undefined,
    ...options,
  };
  let port = settings.port;
  // The session cookie's value: random, apart from the token, so the cookie never shows the token.
  const session = createToken();
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) return sendError(res, 403, 'Forbidden: unexpected Host header.');
    if (!isAllowedOrigin(req.headers.origin, port)) return sendError(res, 403, 'Forbidden: cross-origin request.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendError(res, 400, 'Malformed URL.');
    }
    const pathname = url.pathname;
    const token = url.searchParams.get('token');
    if (req.method === 'GET' && token !== null && hasValidToken(`Bearer ${token}`, settings.token)) {
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}${url.hash}`,
      });
      settings.onTokenExchanged();
      return res.end();
    }
    const work = pathname.startsWith('/api/')
      ? handleApi(req, res, safeDecode(pathname.slice('/api/'.length)), settings, session)
      : handleStatic(req, res, pathname, settings.rendererDir);
    work.catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    token: settings.token,
    origin,
    url: `${origin}/?token=${settings.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
