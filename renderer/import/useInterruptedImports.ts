import { useEffect, useState } from 'react';
import type { InterruptedImport } from '../db/interrupted-imports';
import { selectFinished, useImports } from './import-store';
import { loadInterrupted } from './interrupted-actions';

export interface InterruptedImportsState {
  readonly items: ReadonlyArray<InterruptedImport>;
  readonly error?: string;
  /** Reads the list again (after a retry or a discard). */
  readonly reload: () => void;
}

/** The interrupted imports into `caseId` (or into any case), read again whenever an import of this window ends. */
export function useInterruptedImports(caseId?: string): InterruptedImportsState {
  const finished = useImports(selectFinished);
  const [items, setItems] = useState<ReadonlyArray<InterruptedImport>>([]);
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    loadInterrupted(caseId).then(
      (list) => current && (setItems(list), setError(undefined)),
      (e: unknown) =>
        current && setError(`Could not read the interrupted imports: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      current = false;
    };
  }, [caseId, finished, version]);

  return { items, ...(error ? { error } : {}), reload: () => setVersion((v) => v + 1) };
}
