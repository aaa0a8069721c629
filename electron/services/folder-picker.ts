/**
 * The folder picker behind `dialog:openRepository` in Electron: the native "choose a folder" dialog.
 * Wired in electron/main.ts as `chooseDirectory: createFolderPicker(dialog)`; web mode has none.
 */
import type { Dialog } from 'electron';

/** A `chooseDirectory` for the services over Electron's dialog; resolves null when the user cancels. */
export function createFolderPicker(dialog: Pick<Dialog, 'showOpenDialog'>): () => Promise<string | null> {
  return async () => {
    const result = await dialog.showOpenDialog({
      title: 'Choose a Git repository folder',
      properties: ['openDirectory', 'showHiddenFiles'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
