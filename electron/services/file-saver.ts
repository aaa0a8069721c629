/**
 * The save dialog behind `caseFile:save` in Electron: the native "save as" dialog, then the text written where the
 * user chose. Wired in electron/main.ts as `saveFile: createFileSaver(dialog)`; web mode has none (the browser
 * downloads the file instead).
 */
import { writeFile } from 'node:fs/promises';
import type { Dialog } from 'electron';

/** Asks where to save `text` (suggesting `defaultName`), writes it there; resolves the path, or null when cancelled. */
export type SaveFile = (defaultName: string, text: string) => Promise<string | null>;

/** A `saveFile` for the services over Electron's dialog. */
export function createFileSaver(dialog: Pick<Dialog, 'showSaveDialog'>): SaveFile {
  return async (defaultName, text) => {
    const result = await dialog.showSaveDialog({
      title: 'Save the case file',
      defaultPath: defaultName,
      filters: [{ name: 'Case file (JSON)', extensions: ['json'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, text, 'utf8');
    return result.filePath;
  };
}
