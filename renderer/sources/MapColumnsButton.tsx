import { type ChangeEvent, useRef, useState } from 'react';
import type { StoredSource } from '../db/lineage-db';

/** Opens the mapping dialog for `source` with its file picked again; resolves to why not, when refused. */
export type RequestMapping = (source: StoredSource, file: File) => Promise<string | undefined>;

/** True for a source a column mapping reads: a CSV stored without one, or a file imported through one. */
export const isMappable = (source: StoredSource) =>
  source.mapping !== undefined || (source.detected === 'csv' && source.derivedAs === undefined);

/**
 * "Map columns…" (or "Change the mapping…") on a source, in any session: the store keeps the source's records,
 * not its file, so the user picks the same file again; one with another SHA-256 is refused with the reason.
 */
export function MapColumnsButton({
  source,
  onRequest,
  onRefusal,
}: {
  readonly source: StoredSource;
  readonly onRequest: RequestMapping;
  /** Why the file picked was refused (undefined: none, or accepted); the row shows it. */
  readonly onRefusal: (reason: string | undefined) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const label = source.mapping ? 'Change the mapping…' : 'Map columns…';

  const picked = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setChecking(true);
    onRefusal(undefined);
    try {
      onRefusal(await onRequest(source, file));
    } catch (error) {
      onRefusal(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <button
        type="button"
        disabled={checking}
        onClick={() => input.current?.click()}
        aria-label={`${label} ${source.name}: pick the file again`}
        title="The app keeps the records, not the file: pick the same file again"
      >
        {checking ? 'Checking the file…' : label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid={`map-file-${source.id.slice(0, 12)}`}
        onChange={(e) => void picked(e)}
      />
    </>
  );
}
