import { describe, expect, it } from 'vitest';
import { createFolderPicker } from './folder-picker.js';

describe('createFolderPicker', () => {
  it('returns the chosen folder, or null when the dialog is cancelled', async () => {
    const answers = [
      { canceled: false, filePaths: ['/home/ana/pipelines'] },
      { canceled: true, filePaths: [] },
    ];
    const asked: unknown[] = [];
    const dialog = {
      showOpenDialog: async (options: unknown) => (asked.push(options), answers.shift()!),
    } as unknown as Parameters<typeof createFolderPicker>[0];
    const pick = createFolderPicker(dialog);
    expect(await pick()).toBe('/home/ana/pipelines');
    expect(await pick()).toBeNull();
    expect(asked[0]).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
  });
});
