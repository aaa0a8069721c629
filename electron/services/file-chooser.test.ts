import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileChooser, MAX_CASE_FILE_BYTES } from './file-chooser.js';

const dir = mkdtempSync(join(tmpdir(), 'li-chooser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dialogAnswering = (answers: Array<{ canceled: boolean; filePaths: string[] }>) =>
  ({ showOpenDialog: async () => answers.shift()! }) as unknown as Parameters<typeof createFileChooser>[0];

describe('createFileChooser', () => {
  it('reads the chosen file with its name, or returns null when the dialog is cancelled', async () => {
    const path = join(dir, 'refused-loan.reviewed.case.json');
    writeFileSync(path, '{"format":"lineage-investigator.case-file.v1"}\n');
    const choose = createFileChooser(
      dialogAnswering([
        { canceled: false, filePaths: [path] },
        { canceled: true, filePaths: [] },
      ]),
    );
    expect(await choose()).toEqual({
      name: 'refused-loan.reviewed.case.json',
      text: '{"format":"lineage-investigator.case-file.v1"}\n',
    });
    expect(await choose()).toBeNull();
  });

  it('refuses a file over the limit, naming it and its size, without reading it', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_CASE_FILE_BYTES + 1);
    const choose = createFileChooser(dialogAnswering([{ canceled: false, filePaths: [path] }]));
    await expect(choose()).rejects.toThrow(`${path}: ${MAX_CASE_FILE_BYTES + 1} bytes, over the`);
  });

  it('refuses a FIFO, naming it, instead of waiting on it forever', async () => {
    const path = join(dir, 'case.json');
    execFileSync('mkfifo', [path]);
    const choose = createFileChooser(dialogAnswering([{ canceled: false, filePaths: [path] }]));
    await expect(choose()).rejects.toThrow(`${path}: a FIFO (named pipe), not a case file: not read`);
  });
});
