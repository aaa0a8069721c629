/**
 * One import at a time per database, across every window and tab of the app (Web Locks, shared by the windows and
 * workers of one origin): two windows importing into the same case would otherwise stage the same file's rows over
 * each other. Beside the exclusive lock its holder keeps a shared one whose name says who it is (the file, the case,
 * since when), so a window that waits can say who holds it. The browser releases both when the holder's window is
 * closed or crashes, so a stale lock never outlives its holder; the holder's token, saved on its staging row, tells
 * an import running elsewhere from one that was interrupted.
 */

/** Who holds a database's import lock. */
export interface ImportHolder {
  /** Random, per import; saved on the staging row as `staged.holder`. */
  readonly token: string;
  readonly file: string;
  readonly caseId?: string;
  readonly caseTitle?: string;
  /** When the holder took the lock (ISO 8601). */
  readonly since: string;
}

/** The part of the Web Locks API used here (`navigator.locks`; a test gives its own). */
export type Locks = Pick<LockManager, 'request' | 'query'>;

/** How often a waiting window asks again who holds the lock. */
export const HOLDER_POLL_MS = 1000;

const lockName = (dbName: string) => `lineage-investigator:import:${dbName}`;
const holderPrefix = (dbName: string) => `lineage-investigator:import-holder:${dbName}:`;

/** `navigator.locks` where the context has it (every window and worker of the app; not Node). */
export function browserLocks(): Locks | undefined {
  return (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
}

function parseHolder(json: string): ImportHolder | undefined {
  try {
    const value = JSON.parse(json) as Partial<ImportHolder>;
    return typeof value.token === 'string' && typeof value.file === 'string' && typeof value.since === 'string'
      ? (value as ImportHolder)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Who holds `dbName`'s import lock now, in any window or tab. */
export async function importHolders(locks: Locks, dbName: string): Promise<ImportHolder[]> {
  const prefix = holderPrefix(dbName);
  const { held = [] } = await locks.query();
  return held
    .map((lock) => lock.name ?? '')
    .filter((name) => name.startsWith(prefix))
    .map((name) => parseHolder(name.slice(prefix.length)))
    .filter((holder): holder is ImportHolder => holder !== undefined);
}

export interface LockWait {
  /** Called while another holds the lock, with who (undefined in the instant before it names itself). */
  readonly onWait: (holder: ImportHolder | undefined) => void;
  /** Gives up waiting (a cancelled import). */
  readonly signal?: AbortSignal;
}

/**
 * Runs `work` holding `dbName`'s import lock, announced as `holder`. When another window holds it, waits, calling
 * `onWait` with who holds it at once and every HOLDER_POLL_MS while that changes. Rejects with an `AbortError` when
 * `signal` aborts the wait.
 */
export async function withImportLock<T>(
  locks: Locks,
  dbName: string,
  holder: ImportHolder,
  work: () => Promise<T>,
  wait: LockWait,
): Promise<T> {
  const held = () => locks.request(`${holderPrefix(dbName)}${JSON.stringify(holder)}`, { mode: 'shared' }, work);
  const now = await locks.request(lockName(dbName), { ifAvailable: true }, async (lock) =>
    lock ? { value: await held() } : undefined,
  );
  if (now) return now.value;
  let told: string | undefined;
  let granted = false;
  const tell = async () => {
    const [other] = await importHolders(locks, dbName);
    const key = other?.token ?? '';
    if (granted || key === told) return;
    told = key;
    wait.onWait(other);
  };
  await tell();
  const timer = setInterval(() => void tell(), HOLDER_POLL_MS);
  try {
    return await locks.request(lockName(dbName), { ...(wait.signal ? { signal: wait.signal } : {}) }, () => {
      granted = true;
      clearInterval(timer);
      return held();
    });
  } finally {
    clearInterval(timer);
  }
}

/** The tokens of the imports running now (in any window); undefined where Web Locks are missing or refused. */
export async function runningImportTokens(locks: Locks | undefined, dbName: string): Promise<Set<string> | undefined> {
  if (!locks) return undefined;
  const holders = await importHolders(locks, dbName).catch(() => undefined);
  return holders && new Set(holders.map((h) => h.token));
}
