/**
 * The IPC channels of saved warehouse connections (docs/warehouses.md): a decision log where it lives — a
 * PostgreSQL table or a Parquet file or folder — kept by name. The main process keeps the secrets: in the desktop app
 * encrypted with Electron's safeStorage, in web mode (or where the OS offers no encryption) in memory until the app
 * quits. No response ever carries a password.
 */
import { z } from 'zod';
import type { ImportMapping } from '../importers/mapping';

/** Where this app keeps connection passwords. */
export type SecretKeeping = 'safeStorage' | 'memory';

export interface SavedConnection {
  readonly id: string;
  readonly name: string;
  /** `postgresql://user@host:port/db?table=NAME` (never a password), or the path of a Parquet file or folder. */
  readonly location: string;
  /** Whether a password is kept for it (where: `ConnectionList.secrets`). */
  readonly hasSecret: boolean;
  /** The column mapping its decisions are read through; absent: the one suggested from the column names. */
  readonly mapping?: ImportMapping;
}

export interface ConnectionList {
  readonly connections: ReadonlyArray<SavedConnection>;
  readonly secrets: SecretKeeping;
}

export interface ConnectionSaveRequest {
  /** Absent: a new connection. */
  readonly id?: string;
  readonly name: string;
  /** A password in the URL is taken out and kept as the secret. */
  readonly location: string;
  /** The password; absent keeps the one already kept, an empty text forgets it. */
  readonly password?: string;
  /**
   * The column mapping as JSON, as `--mapping FILE.json` holds it (docs/warehouses.md); absent keeps the one saved,
   * an empty text goes back to the mapping suggested from the column names.
   */
  readonly mapping?: string;
}

export interface ConnectionTest {
  readonly ok: boolean;
  /** What is wrong (unreachable, refused, not a decision log), naming the location without its password. */
  readonly reason?: string;
  readonly engine?: 'duckdb' | 'postgresql';
  readonly decisions?: number;
  /** The largest models first. */
  readonly models?: ReadonlyArray<{ readonly model: string; readonly decisions: number }>;
  /** The mapping the decisions are read through ("decision ← …"). */
  readonly mapping?: string;
  /** Milliseconds the engine took to count the decisions per model. */
  readonly latencyMs?: number;
  /** The folder's files not read because each repeats the bytes of one that is (an export run again). */
  readonly copies?: ReadonlyArray<{ readonly path: string; readonly duplicateOf: string; readonly reason: string }>;
  /** Rows repeating a decision (model and id) already logged, each decision counted once; absent where none does. */
  readonly repeated?: { readonly rows: number; readonly decisions: number };
}

export interface ConnectionChannels {
  'connections:list': { request: Record<string, never>; response: ConnectionList };
  'connections:save': { request: ConnectionSaveRequest; response: SavedConnection };
  'connections:remove': { request: { readonly id: string }; response: { readonly removed: boolean } };
  'connections:test': { request: { readonly id: string }; response: ConnectionTest };
}

const id = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a connection id');

export const connectionSchemas = {
  'connections:list': z.object({}).strict(),
  'connections:save': z
    .object({
      id: id.optional(),
      name: z.string().trim().min(1, 'a name').max(200),
      location: z.string().trim().min(1, 'a URL or a path').max(4096),
      password: z.string().max(1024).optional(),
      mapping: z.string().max(100_000).optional(),
    })
    .strict(),
  'connections:remove': z.object({ id }).strict(),
  'connections:test': z.object({ id }).strict(),
};
