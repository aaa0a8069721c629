/**
 * What the user dropped or picked, as files to import: folders are walked (hidden entries and node_modules
 * skipped, like the CLI). A folder holding `.git` is a Git repository, which the browser cannot read: it is
 * returned by name, for the user to give its path to the main process (git:readRepository).
 */

export interface PickedFile {
  readonly file: File;
  /** The path inside what was dropped, e.g. `exports/lineage/events.ndjson`. */
  readonly name: string;
}

export interface PickedInputs {
  readonly files: ReadonlyArray<PickedFile>;
  /** Dropped folders that are Git repositories (their path inside the drop). */
  readonly repositories: ReadonlyArray<string>;
}

const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

const readEntries = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function listDirectory(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns a batch at a time (100 in Chromium) until an empty batch.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) all.push(...batch);
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

async function walk(entry: FileSystemEntry, path: string, out: { files: PickedFile[]; repositories: string[] }) {
  if (entry.isFile) {
    out.files.push({ file: await fileOf(entry as FileSystemFileEntry), name: path });
    return;
  }
  const children = await listDirectory(entry as FileSystemDirectoryEntry);
  if (children.some((c) => c.name === '.git')) {
    out.repositories.push(path);
    return;
  }
  for (const child of children) if (!skipped(child.name)) await walk(child, `${path}/${child.name}`, out);
}

/**
 * The entries of a drop. Call it inside the drop event handler: DataTransfer items can only be read there
 * (the walk itself continues after).
 */
export function inputsFromDrop(transfer: DataTransfer): Promise<PickedInputs> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  return (async () => {
    const out = { files: loose.map((file) => ({ file, name: file.name })), repositories: [] as string[] };
    for (const entry of entries) await walk(entry, entry.name, out);
    return out;
  })();
}

/** The files of an `<input type=file>` (with `webkitdirectory`, a whole folder). */
export function inputsFromFileList(list: FileList): PickedInputs {
  const files: PickedFile[] = [];
  const repositories = new Set<string>();
  for (const file of Array.from(list)) {
    const path = file.webkitRelativePath || file.name;
    const parts = path.split('/');
    const git = parts.indexOf('.git');
    if (git > 0) {
      repositories.add(parts.slice(0, git).join('/'));
      continue;
    }
    if (parts.some(skipped)) continue;
    files.push({ file, name: path });
  }
  // Files of a repository's work tree are not evidence: its history is (through git:readRepository).
  const inRepository = (name: string) => [...repositories].some((r) => name.startsWith(`${r}/`));
  return { files: files.filter((f) => !inRepository(f.name)), repositories: [...repositories] };
}
