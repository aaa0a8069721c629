/**
 * Saving a case file: in Electron the main process's save dialog (`caseFile:save`), in web mode a download.
 */
import type { IpcApi } from '../../shared/ipc/contract';
import { downloadText, safeFileName } from '../export/download';

/** `<title>.case.json`, or `<title>.reviewed.case.json` for a reviewed file. */
export function caseFileName(title: string, reviewed = false): string {
  // A title ending in '?' would leave 'offer-': the trailing dashes, dots and spaces go.
  const base = safeFileName(title).replace(/[-.\s]+$/, '') || 'case';
  return `${base}${reviewed ? '.reviewed' : ''}.case.json`;
}

/** Saves the text; resolves what happened in words (where, or that the dialog was cancelled). */
export async function saveCaseFile(
  api: IpcApi,
  mode: 'electron' | 'web',
  fileName: string,
  text: string,
): Promise<string> {
  if (mode === 'web') {
    downloadText(fileName, text, 'application/json');
    return `Downloaded ${fileName}.`;
  }
  const { path } = await api.invoke('caseFile:save', { text, suggestedName: fileName });
  return path ? `Saved to ${path}.` : 'Not saved: the save dialog was cancelled.';
}
