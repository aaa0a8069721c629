/**
 * What the preload exposes to the renderer, as pure functions over ipcRenderer's `invoke` and `on`
 * (the preload wires them; tests use fakes). Only the contract's channels pass.
 */
import { isIpcChannel, type IpcApi, type IpcChannel, type IpcResponse } from '../shared/ipc/contract.js';
import type { MenuCommand } from './menu.js';

export type RawInvoke = (channel: string, request: unknown) => Promise<unknown>;

/** `window.api`: invoke(channel, request) for the contract's channels only. */
export function createPreloadApi(invoke: RawInvoke): IpcApi {
  return {
    invoke<K extends IpcChannel>(channel: K, request: unknown): Promise<IpcResponse<K>> {
      if (!isIpcChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      return invoke(channel, request) as Promise<IpcResponse<K>>;
    },
  };
}

/** `window.appMenu`: subscribe to menu commands; returns the unsubscribe function. */
export interface AppMenuApi {
  onCommand(listener: (command: MenuCommand) => void): () => void;
}

export type RawSubscribe = (listener: (command: unknown) => void) => () => void;

/** `window.appMenu` over a subscription to the menu channel; unknown commands are dropped. */
export function createAppMenuApi(subscribe: RawSubscribe): AppMenuApi {
  return {
    onCommand(listener) {
      return subscribe((command) => {
        if (command === 'open-sample') listener(command);
      });
    },
  };
}
