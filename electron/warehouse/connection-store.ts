/**
 * Saved warehouse connections: a name and a location (a PostgreSQL URL without its password, or a path) in
 * `<data dir>/connections.json`, readable by its owner only. A password is kept apart from the location: encrypted
 * by Electron's safeStorage in that file where the OS offers it, else (web mode, a desktop without a keyring) in
 * this process's memory until the app quits — never written in clear.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConnectionSaveRequest, SavedConnection, SecretKeeping } from '../../shared/ipc/connection-channels.js';
import { readMappingJson } from '../../shared/importers/column-mapping.js';
import type { ImportMapping } from '../../shared/importers/mapping.js';
import type { SafeStorageLike } from '../services/signing-key.js';
import { isPostgresUrl } from './decision-source.js';

interface StoredConnection {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  /** The password encrypted by safeStorage, base64. */
  readonly secret?: string;
  readonly mapping?: ImportMapping;
}

/** A saved connection as this process opens it: the location with its password, and its column mapping. */
export interface Openable {
  readonly spec: string;
  readonly mapping?: ImportMapping;
}

export interface ConnectionStore {
  readonly secrets: SecretKeeping;
  list(): Promise<SavedConnection[]>;
  save(request: ConnectionSaveRequest): Promise<SavedConnection>;
  remove(id: string): Promise<boolean>;
  /** The location with its password put back, to open it in this process (never sent to the renderer). */
  openable(id: string): Promise<Openable | undefined>;
}

/** A PostgreSQL URL without its password, and the password it held. */
function withoutPassword(location: string): { location: string; password?: string } {
  if (!isPostgresUrl(location)) return { location };
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new Error('a PostgreSQL connection is postgresql://user@host:port/database?table=NAME: not a URL');
  }
  if (!url.searchParams.get('table')) throw new Error('a PostgreSQL connection names its table: add ?table=NAME');
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { location: url.toString(), ...(password !== undefined && { password }) };
}

/** The mapping in `text` (none for an empty text); throws saying what is wrong with it. */
function mappingOf(text: string): ImportMapping | undefined {
  if (text.trim() === '') return undefined;
  const read = readMappingJson(text);
  if (!read.ok) throw new Error(`the column mapping is not one: ${read.reason}`);
  return read.mapping;
}

export function connectionStore(dataDir: string, safeStorage?: SafeStorageLike): ConnectionStore {
  const file = join(dataDir, 'connections.json');
  const encrypted = safeStorage?.isEncryptionAvailable() ? safeStorage : undefined;
  const inMemory = new Map<string, string>();

  const read = async (): Promise<StoredConnection[]> => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '[]';
      throw error;
    });
    try {
      const list = JSON.parse(text) as unknown;
      if (!Array.isArray(list)) throw new Error('not a JSON array');
      return list as StoredConnection[];
    } catch (error) {
      throw new Error(`${file}: the saved connections cannot be read: ${(error as Error).message}`);
    }
  };
  const write = async (list: ReadonlyArray<StoredConnection>) => {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(`${file}.new`, `${JSON.stringify(list, null, 2)}\n`, { mode: 0o600 });
    await rename(`${file}.new`, file);
  };
  const hasSecret = (c: StoredConnection) => (encrypted ? c.secret !== undefined : inMemory.has(c.id));
  const shown = (c: StoredConnection): SavedConnection => ({
    id: c.id,
    name: c.name,
    location: c.location,
    hasSecret: hasSecret(c),
    ...(c.mapping && { mapping: c.mapping }),
  });

  return {
    secrets: encrypted ? 'safeStorage' : 'memory',
    list: async () => (await read()).map(shown),
    async save(request) {
      const list = await read();
      const split = withoutPassword(request.location.trim());
      const given = split.password ?? request.password;
      const id = request.id ?? randomUUID();
      const before = list.find((c) => c.id === id);
      if (request.id !== undefined && !before) throw new Error(`No saved connection ${request.id}.`);
      let secret = before?.secret;
      if (given !== undefined) {
        if (given === '') {
          secret = undefined;
          inMemory.delete(id);
        } else if (encrypted) secret = encrypted.encryptString(given).toString('base64');
        else inMemory.set(id, given);
      }
      const mapping = request.mapping === undefined ? before?.mapping : mappingOf(request.mapping);
      const saved: StoredConnection = {
        id,
        name: request.name.trim(),
        location: split.location,
        ...(encrypted && secret !== undefined && { secret }),
        ...(mapping && { mapping }),
      };
      await write([...list.filter((c) => c.id !== id), saved]);
      return shown(saved);
    },
    async remove(id) {
      const list = await read();
      inMemory.delete(id);
      if (!list.some((c) => c.id === id)) return false;
      await write(list.filter((c) => c.id !== id));
      return true;
    },
    async openable(id) {
      const c = (await read()).find((x) => x.id === id);
      if (!c) return undefined;
      const password =
        encrypted && c.secret !== undefined
          ? encrypted.decryptString(Buffer.from(c.secret, 'base64'))
          : inMemory.get(id);
      const mapping = c.mapping && { mapping: c.mapping };
      if (password === undefined || !isPostgresUrl(c.location)) return { spec: c.location, ...mapping };
      const url = new URL(c.location);
      url.password = password;
      return { spec: url.toString(), ...mapping };
    },
  };
}
