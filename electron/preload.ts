/**
 * The preload (sandboxed, bundled to dist/electron/preload.cjs): exposes `window.api.invoke` for the
 * contract's channels, `window.appMenu.onCommand` for menu commands and `window.fileOrigins.register` for the path
 * of a file the user dropped or picked, and nothing else.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { MENU_COMMAND_CHANNEL } from './menu.js';
import { createAppMenuApi, createFileOriginApi, createPreloadApi } from './preload-api.js';

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

contextBridge.exposeInMainWorld(
  'fileOrigins',
  createFileOriginApi(
    (file) => webUtils.getPathForFile(file),
    (channel, request) => ipcRenderer.invoke(channel, request),
  ),
);
