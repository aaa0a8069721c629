import { useRef, useState } from 'react';
import { visibleText } from '../../shared/model/visible-text';
import { getApi } from '../api';
import { Time } from '../components/Time';
import type { InterruptedImport } from '../db/interrupted-imports';
import { describeInterrupted, formatBytes } from './format-progress';
import { selectImportFiles, selectImportText, useImports } from './import-store';
import { discardInterrupted } from './interrupted-actions';
import { useInterruptedImports } from './useInterruptedImports';
import './interrupted-imports.css';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Row({ item, onChanged }: { readonly item: InterruptedImport; readonly onChanged: () => void }) {
  const importFiles = useImports(selectImportFiles);
  const importText = useImports(selectImportText);
  const pick = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string>();
  const name = visibleText(item.name);

  const retryWith = async (file: File) => {
    if (file.size !== item.size) {
      setRefusal(`${visibleText(file.name)} is ${formatBytes(file.size)}; ${name} was ${formatBytes(item.size)}.`);
      return;
    }
    await discardInterrupted(item.sourceId);
    importFiles([{ file, name: item.name }], item.caseId);
    onChanged();
  };
  const rereadRepository = async (path: string) => {
    try {
      const { file } = await getApi().invoke('git:readRepository', { path });
      await discardInterrupted(item.sourceId);
      importText(file, item.caseId);
      onChanged();
    } catch (error) {
      setRefusal(`Could not read ${visibleText(path)}: ${message(error)}`);
    }
  };
  const discard = async () => {
    await discardInterrupted(item.sourceId);
    onChanged();
  };

  return (
    <li className="import-job interrupted">
      <span className="import-name mono">{name}</span>
      <span className="import-summary" role="status">
        {describeInterrupted(item)}; started <Time value={item.startedAt} />, last saved <Time value={item.updatedAt} />
        . None of it counts in the investigation.
      </span>
      {item.repository ? (
        <button type="button" onClick={() => void rereadRepository(item.repository!)}>
          Read the repository again
        </button>
      ) : (
        <>
          <input
            ref={pick}
            type="file"
            hidden
            aria-label={`Pick ${name} again to retry its import`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void retryWith(file);
            }}
          />
          <button type="button" onClick={() => pick.current?.click()}>
            Retry: pick the file again
          </button>
        </>
      )}
      <button
        type="button"
        className="ghost"
        onClick={() => void discard()}
        aria-label={`Discard the import of ${name}`}
      >
        Discard
      </button>
      {refusal && (
        <span className="notice error" role="alert">
          {refusal}
        </span>
      )}
    </li>
  );
}

/**
 * The imports into this case (or, without a case, into any) that did not complete — the app or its window ended
 * mid-way, or the import failed: what each had read, and retry or discard. Their rows are never evidence.
 */
export function InterruptedImports({ caseId }: { readonly caseId?: string }) {
  const { items, error, reload } = useInterruptedImports(caseId);

  if (error)
    return (
      <p className="notice error" role="alert">
        {error}
      </p>
    );
  if (items.length === 0) return null;
  return (
    <section className="import-progress" aria-labelledby="interrupted-imports-heading">
      <h2 id="interrupted-imports-heading">
        {items.length === 1 ? 'An import did not complete' : `${items.length} imports did not complete`}
      </h2>
      <ul className="import-jobs">
        {items.map((item) => (
          <Row key={item.sourceId} item={item} onChanged={reload} />
        ))}
      </ul>
    </section>
  );
}
