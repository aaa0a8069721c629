/**
 * The open dialog behind `caseFile:choose` in Electron: the File menu's "Open a case file…" runs in the main
 * process, where a page's file chooser cannot open without a click in the page. Web mode has none (the case list's
 * button opens the browser's chooser).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dialog } from 'electron';
import { specialKind } from '../sources/list-inputs.js';

/** The largest case file read (the contract's limit on a case file's text). */
export const MAX_CASE_FILE_BYTES = 64 * 1024 * 1024;

/** Asks for a case file; resolves its name and text, or null when cancelled. */
export type ChooseFile = () => Promise<{ name: string; text: string } | null>;

/**
 * A `chooseFile` for the services over Electron's dialog; throws naming the file when it is too large, or no regular
 * file (a FIFO chosen would be waited on forever).
 */
export function createFileChooser(dialog: Pick<Dialog, 'showOpenDialog'>): ChooseFile {
  return async () => {
    const result = await dialog.showOpenDialog({
      title: 'Open a case file',
      filters: [{ name: 'Case file (JSON)', extensions: ['json'] }],
      properties: ['openFile'],
    });
    const path = result.canceled ? undefined : result.filePaths[0];
    if (!path) return null;
    const stats = await stat(path);
    const special = specialKind(stats);
    if (special) throw new Error(`${path}: ${special}, not a case file: not read`);
    const { size } = stats;
    if (size > MAX_CASE_FILE_BYTES)
      throw new Error(`${path}: ${size} bytes, over the ${MAX_CASE_FILE_BYTES} a case file may have.`);
    return { name: basename(path), text: await readFile(path, 'utf8') };
  };
}
