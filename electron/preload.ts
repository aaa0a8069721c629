/**
 * The preload (sandboxed, bundled to dist/electron/preload.cjs): exposes `window.api.invoke` for the
 * contract's channels and `window.appMenu.onCommand` for menu commands, and nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MENU_COMMAND_CHANNEL } from './menu.js';
import { createAppMenuApi, createPreloadApi } from './preload-api.js';

contextBridge.exposeInMainWorld(
  'api',
  createPreloadApi((channel, request) => ipcRenderer.invoke(channel, request)),
);

contextBridge.exposeInMainWorld(
  'appMenu',
  createAppMenuApi((listener) => {
    const onMessage = (_event: IpcRendererEvent, command: unknown) => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, onMessage);
    };
  }),
);
