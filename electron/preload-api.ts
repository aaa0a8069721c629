/**
 * What the preload exposes to the renderer, as pure functions over ipcRenderer's `invoke` and `on`
 * (the preload wires them; tests use fakes). Only the contract's channels pass.
 */
import { isIpcChannel, type IpcApi, type IpcChannel, type IpcResponse } from '../shared/ipc/contract.js';
import { MENU_COMMANDS, type MenuCommand } from './menu.js';

export type RawInvoke = (channel: string, request: unknown) => Promise<unknown>;

/**
 * Channels only the preload itself sends, never the page through `window.api`: `origin:register` takes a path, and
 * a path must come from a File the user dropped or picked (`window.fileOrigins`), not from the page's own text.
 */
export const PRELOAD_ONLY_CHANNELS: ReadonlyArray<IpcChannel> = ['origin:register'];

/** `window.api`: invoke(channel, request) for the contract's channels only (not the preload's own). */
export function createPreloadApi(invoke: RawInvoke): IpcApi {
  return {
    invoke<K extends IpcChannel>(channel: K, request: unknown): Promise<IpcResponse<K>> {
      if (!isIpcChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      if (PRELOAD_ONLY_CHANNELS.includes(channel))
        return Promise.reject(new Error(`${channel} is sent by the preload only (window.fileOrigins).`));
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
        if ((MENU_COMMANDS as ReadonlyArray<unknown>).includes(command)) listener(command as MenuCommand);
      });
    },
  };
}

/** `window.fileOrigins`: where a file the user dropped or picked lies on disk (the desktop app only). */
export interface FileOriginApi {
  /**
   * The file's absolute path, registered with the main process so that a case citing it can be re-checked when
   * reopened; null for a File with no path on disk (made in memory) or a path the main process refused.
   */
  register(file: File): Promise<string | null>;
}

/** Electron's `webUtils.getPathForFile`: '' for a File not backed by a file on disk. */
export type PathForFile = (file: File) => string;

/** `window.fileOrigins` over `webUtils.getPathForFile` and the `origin:register` channel. */
export function createFileOriginApi(pathForFile: PathForFile, invoke: RawInvoke): FileOriginApi {
  return {
    async register(file) {
      let path: string;
      try {
        path = pathForFile(file);
      } catch {
        return null;
      }
      if (!path) return null;
      const answer = (await invoke('origin:register', { path, size: file.size })) as IpcResponse<'origin:register'>;
      return answer.registered ? path : null;
    },
  };
}
