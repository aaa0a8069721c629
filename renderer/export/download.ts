/** Saves text as a file through a Blob and an `<a download>` (works in Electron and in web mode). */
export function downloadText(fileName: string, text: string, type = 'text/markdown'): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Saves a Blob (text assembled from chunks, say) as a file, the way `downloadText` does. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name without characters file systems reject (keeps letters, digits, spaces, dots, dashes). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return cleaned || 'case';
}
