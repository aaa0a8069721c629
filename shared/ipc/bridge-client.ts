/**
 * The renderer's side of web mode: the IPC contract over the loopback bridge (electron/bridge/server.ts).
 * `POST <baseUrl>/api/<channel>` with the request as JSON and the per-run token as a Bearer token.
 */
import type { IpcApi, IpcChannel, IpcRequest, IpcResponse } from './contract.js';

/** The part of `fetch` the client uses (the browser's and Node's both fit). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ readonly ok: boolean; readonly status: number; readonly statusText: string; text(): Promise<string> }>;

/** The message of a bridge error response (`{"error": "..."}`), or the HTTP status when there is none. */
function errorMessage(status: number, statusText: string, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string') {
      return (parsed as { error: string }).error;
    }
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
}

/**
 * An IpcApi over the bridge at `baseUrl` (e.g. `http://127.0.0.1:43123`) with the run's `token`
 * (empty: the bridge's session cookie, set by the first load with `?token=…`, authorizes the calls); `fetchFn` defaults to the global `fetch`. Throws an Error with the server's message on non-2xx.
 */
export function createBridgeClient(
  baseUrl: string,
  token: string,
  fetchFn: FetchLike = (url, init) => globalThis.fetch(url, init),
): IpcApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async invoke<K extends IpcChannel>(channel: K, request: IpcRequest<K>): Promise<IpcResponse<K>> {
      const response = await fetchFn(`${root}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        // Without a token (web mode after the first load) the bridge's session cookie authorizes the call.
        headers: token
          ? { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
          : { 'Content-Type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(errorMessage(response.status, response.statusText, body));
      return JSON.parse(body) as IpcResponse<K>;
    },
  };
}
