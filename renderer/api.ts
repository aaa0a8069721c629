/**
 * How the renderer reaches the main process: `window.api` where Electron's preload exposed it,
 * else (web mode) the loopback bridge client, authorized by the session cookie the first load with `?token=` set.
 */
import { createBridgeClient } from '../shared/ipc/bridge-client';
import type { IpcApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge. */
    readonly api?: IpcApi;
    /** Menu commands from the Electron main process (absent in web mode). */
    readonly appMenu?: AppMenu;
  }
}

/** The renderer's view of electron/preload's `window.appMenu`: subscribe to menu commands. */
export interface AppMenu {
  onCommand(listener: (command: string) => void): () => void;
}

export type ApiResolution =
  | { readonly ok: true; readonly api: IpcApi; readonly mode: 'electron' | 'web' }
  | { readonly ok: false; readonly reason: string };

/** Finds the API for this window, or says why there is none. */
export function resolveApi(win: Window = window): ApiResolution {
  if (win.api && typeof win.api.invoke === 'function') return { ok: true, api: win.api, mode: 'electron' };
  const { protocol, origin, search } = win.location;
  if (protocol !== 'http:' && protocol !== 'https:') {
    return { ok: false, reason: 'This window was opened without the application bridge (no preload API).' };
  }
  // The bridge exchanges `?token=` for a session cookie on the first load; without a token the cookie authorizes.
  const token = new URLSearchParams(search).get('token') ?? '';
  return { ok: true, api: createBridgeClient(origin, token, win.fetch.bind(win)), mode: 'web' };
}

let current: IpcApi | undefined;

/** Sets the API the stores use (once at start-up; tests may set a fake). */
export function setApi(api: IpcApi): void {
  current = api;
}

/** The API the stores use; throws if start-up did not set one. */
export function getApi(): IpcApi {
  if (!current) throw new Error('The application API is not available.');
  return current;
}
