/**
 * Where a dropped or picked file lies on disk, so that a case citing it is re-checked when reopened. Only the
 * desktop app knows: its preload exposes `window.fileOrigins` (electron/preload-api.ts), which asks Electron for the
 * File's path and registers it with the main process. A browser (web mode) gives no path; such sources keep none.
 */
import type { LineageDb } from '../db/lineage-db';

/** The renderer's view of electron/preload's `window.fileOrigins`. */
export interface FileOrigins {
  register(file: File): Promise<string | null>;
}

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app only. */
    readonly fileOrigins?: FileOrigins;
  }
}

/** The path of a file the user provided, registered with the main process; undefined in web mode or on refusal. */
export async function originPathOf(
  file: File,
  origins: FileOrigins | undefined = globalThis.window?.fileOrigins,
): Promise<string | undefined> {
  if (!origins) return undefined;
  try {
    return (await origins.register(file)) ?? undefined;
  } catch {
    // Not knowing the path only means the source is not re-checked later; the import goes on.
    return undefined;
  }
}

/** Records on the stored source where its file was read (kept when it is already that path). */
export async function rememberOrigin(db: LineageDb, sourceId: string, path: string): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const stored = await db.sources.get(sourceId);
    if (stored && stored.status !== 'staging' && stored.origin?.path !== path)
      await db.sources.update(sourceId, { origin: { path } });
  });
}
