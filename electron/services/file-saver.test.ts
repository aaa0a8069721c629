import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSaver } from './file-saver.js';

const dir = mkdtempSync(join(tmpdir(), 'li-saver-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createFileSaver', () => {
  it('writes the text where the user chose and returns the path, or null and nothing written when cancelled', async () => {
    const target = join(dir, 'case-7.case.json');
    const answers = [
      { canceled: false, filePath: target },
      { canceled: true, filePath: '' },
    ];
    const asked: Array<{ defaultPath?: string }> = [];
    const dialog = {
      showSaveDialog: async (options: { defaultPath?: string }) => (asked.push(options), answers.shift()!),
    } as unknown as Parameters<typeof createFileSaver>[0];
    const save = createFileSaver(dialog);
    expect(await save('Refused loan.case.json', '{"a":1}\n')).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    expect(asked[0]?.defaultPath).toBe('Refused loan.case.json');
    expect(await save('other.case.json', 'x')).toBeNull();
  });
});
