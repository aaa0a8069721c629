/**
 * Registers every channel of the IPC contract with `ipcMain.handle`. Each call checks its sender
 * (the frame must show the app's own index page) and validates its request before a service sees it.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type IpcHandlers } from '../shared/ipc/contract.js';
import { dispatch } from './services/dispatch.js';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Registers the handlers; returns a function that removes them. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown) => {
      if (!isTrustedSender(event)) {
        throw new Error(
          `Refused ${channel}: the sender is not the app's own page (${event.senderFrame?.url ?? 'no frame'}).`,
        );
      }
      return dispatch(handlers, channel, request);
    });
  }
  return () => {
    for (const channel of ipcChannels) ipcMain.removeHandler(channel);
  };
}
