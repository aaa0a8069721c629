import { describe, expect, it } from 'vitest';
import { inputsFromFileList } from './picked-inputs';

/** A FileList as `<input webkitdirectory>` gives it: each File with its path inside the picked folder. */
function folder(paths: ReadonlyArray<string>): FileList {
  const files = paths.map((path) => {
    const file = new File(['{}'], path.split('/').at(-1)!);
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    return file;
  });
  return files as unknown as FileList;
}

describe('inputsFromFileList', () => {
  it('keeps evidence files with their folder path, skipping hidden files and node_modules', () => {
    const picked = inputsFromFileList(
      folder([
        'exports/lineage/events.ndjson',
        'exports/.DS_Store',
        'exports/node_modules/x/a.json',
        'exports/d.jsonl',
      ]),
    );
    expect(picked.files.map((f) => f.name)).toEqual(['exports/lineage/events.ndjson', 'exports/d.jsonl']);
    expect(picked.repositories).toEqual([]);
  });

  it('names a Git repository inside the folder instead of importing its work tree', () => {
    const picked = inputsFromFileList(
      folder(['case/pipelines/.git/HEAD', 'case/pipelines/models/flag.sql', 'case/decisions.jsonl']),
    );
    expect(picked.repositories).toEqual(['case/pipelines']);
    expect(picked.files.map((f) => f.name)).toEqual(['case/decisions.jsonl']);
  });
});
