/**
 * "Open a case file…": the browser's file chooser (Electron shows the native one), read as UTF-8 text. Called from a
 * click or a key press, so the chooser opens in both modes.
 */

export interface PickedFile {
  readonly name: string;
  readonly text: string;
}

/** Asks for one file; resolves it, or null when the chooser was dismissed. */
export function pickTextFile(accept = '.json,application/json'): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.text().then(
        (text) => resolve({ name: file.name, text }),
        (error: unknown) => reject(new Error(`${file.name}: could not be read (${String(error)})`)),
      );
    });
    document.body.append(input);
    input.click();
  });
}
