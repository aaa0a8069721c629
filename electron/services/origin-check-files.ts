/**
 * The files the user themselves dropped or picked in the desktop app, by path: the second allow-list of
 * `origin:sha256` beside its input folders. A path enters only through `origin:register`, which the preload alone
 * sends, with the path Electron gives for a File the user provided (`webUtils.getPathForFile`); the page cannot
 * name a path of its own. The list is kept in `<dataDir>/origin-files.json`, so a case reopened after a restart
 * is re-checked against the same files. Paths are stored resolved (`realpath`), exactly: a registered file does not
 * open its folder.
 */
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OriginRegisterRequest, OriginRegisterResponse } from '../../shared/ipc/contract.js';

/** How many files the list keeps; the oldest registered are dropped past it. */
export const MAX_USER_FILES = 100_000;

export interface UserFileList {
  /** True when `realPath` (already resolved) was registered. */
  has(realPath: string): Promise<boolean>;
  /** Registers a dropped or picked file: it must be a regular file of the dropped file's size. */
  register(request: OriginRegisterRequest): Promise<OriginRegisterResponse>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The list persisted in `file` (created on the first registration); an unreadable list starts empty. */
export function createUserFileList(file: string): UserFileList {
  let loaded: Promise<Set<string>> | undefined;

  const load = () =>
    (loaded ??= readFile(file, 'utf8')
      .then((text) => {
        const parsed: unknown = JSON.parse(text);
        const paths = Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
        return new Set(paths);
      })
      .catch(() => new Set<string>()));

  let dirty = false;
  let writing: Promise<void> | undefined;
  /** Writes the list whole (a temporary file renamed over it); registrations during a write share the next one. */
  const save = (paths: Set<string>): Promise<void> => {
    dirty = true;
    writing ??= (async () => {
      try {
        while (dirty) {
          dirty = false;
          await mkdir(dirname(file), { recursive: true });
          const temporary = `${file}.${process.pid}.tmp`;
          await writeFile(temporary, JSON.stringify([...paths]));
          await rename(temporary, file);
        }
      } finally {
        writing = undefined;
      }
    })();
    return writing;
  };

  return {
    async has(realPath) {
      return (await load()).has(realPath);
    },
    async register({ path, size }) {
      const real = await realpath(path).catch(() => undefined);
      if (!real) return { registered: false, reason: `${path}: no such file.` };
      const info = await stat(real).catch(() => undefined);
      if (!info?.isFile()) return { registered: false, reason: `${path}: not a regular file.` };
      if (info.size !== size)
        return {
          registered: false,
          reason: `${path}: ${info.size} bytes on disk, not the ${size} bytes of the file provided.`,
        };
      const paths = await load();
      if (paths.has(real)) return { registered: true };
      paths.add(real);
      while (paths.size > MAX_USER_FILES) paths.delete(paths.values().next().value as string);
      try {
        await save(paths);
      } catch (error) {
        // Still allowed in this run; only the next start forgets it.
        return { registered: true, reason: `${path}: registered for this run only (${reasonOf(error)}).` };
      }
      return { registered: true };
    },
  };
}
