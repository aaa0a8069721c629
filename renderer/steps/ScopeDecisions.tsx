import { useRef, useState } from 'react';
import { affectedDecisionsCsv, affectedSubjectsCsv } from '../../shared/analysis/csv';
import type { ImpactScope } from '../../shared/analysis/engine-types';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection';
import { getApi } from '../api';
import { connectionAffectedCsv, connectionAffectedSubjectsCsv } from '../connections/affected-export';
import { downloadBlob, downloadText } from '../export/download';
import { AffectedDecisions, type AffectedPage } from './AffectedDecisions';

/** Where a case read in place finds its affected decisions: its connection and the scope's selection. */
export interface InPlace {
  readonly connectionId: string;
  readonly selection: AffectedSelection;
}

/** Decisions per page of the list of an imported case (a connection's page is the main process's). */
const PAGE_SIZE = 50;
const n = (x: number) => x.toLocaleString('en-US');
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Page `page` of the scope: a slice of the case's own list, or one query where the log lives. */
function pageReader(scope: ImpactScope, inPlace: InPlace | undefined): (page: number) => Promise<AffectedPage> {
  if (!inPlace)
    return async (page) => ({
      decisions: scope.decisions.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
      pageSize: PAGE_SIZE,
    });
  return (page) =>
    getApi().invoke('connections:affected', { id: inPlace.connectionId, selection: inPlace.selection, page });
}

/** What an in-place export writes: its button's words, what it counts and how many, and how it is asked for. */
interface InPlaceCsv {
  readonly label: string;
  readonly noun: 'decisions' | 'subjects';
  readonly total: number;
  readonly fileName: string;
  readonly write: (onProgress: (written: number) => void, signal: AbortSignal) => Promise<Blob>;
}

/** A CSV of a case read in place, written by chunks where the log lives, with its progress and a Cancel. */
function InPlaceExport({ label, noun, total, fileName, write }: InPlaceCsv) {
  const [written, setWritten] = useState<number>();
  const [error, setError] = useState<string>();
  const running = useRef<AbortController | undefined>(undefined);
  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    setError(undefined);
    setWritten(0);
    try {
      downloadBlob(fileName, await write(setWritten, controller.signal));
    } catch (e) {
      if (!controller.signal.aborted) setError(`Could not export the affected ${noun}: ${message(e)}`);
    } finally {
      running.current = undefined;
      setWritten(undefined);
    }
  };
  return (
    <>
      <button type="button" disabled={total === 0 || written !== undefined} onClick={() => void start()}>
        {label}
      </button>
      {written !== undefined && (
        <>
          <span role="status" className="muted small">
            Exporting: {n(written)} of {n(total)} {noun} written
          </span>
          <button type="button" onClick={() => running.current?.abort()}>
            Cancel the export
          </button>
        </>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** The affected decisions' and subjects' exports of a case read in place. */
function InPlaceExports({ scope, inPlace, title }: { scope: ImpactScope; inPlace: InPlace; title: string }) {
  const ask = { connectionId: inPlace.connectionId, selection: inPlace.selection };
  return (
    <>
      <InPlaceExport
        label="Export affected decisions (CSV)"
        noun="decisions"
        total={scope.affected}
        fileName={`${title} - affected decisions.csv`}
        write={async (onProgress, signal) =>
          (await connectionAffectedCsv({ ...ask, featureName: scope.featureName, onProgress, signal })).blob
        }
      />
      <InPlaceExport
        label="Export affected subjects (CSV)"
        noun="subjects"
        total={scope.subjects}
        fileName={`${title} - affected subjects.csv`}
        write={async (onProgress, signal) => (await connectionAffectedSubjectsCsv({ ...ask, onProgress, signal })).blob}
      />
    </>
  );
}

/**
 * The Scope step's affected decisions, listed a page at a time, and their exports: an imported case's from its
 * own list; a case read in place pages and exports them, and their subjects, where the log lives
 * (`connections:affected`, `connections:affectedCsv`, `connections:affectedSubjectsCsv`), never holding more than a
 * page or a chunk. Without a selection to send (the engine did not give one), a case read in place only counts
 * them, and says so.
 */
export function ScopeDecisions({
  scope,
  title,
  inPlace,
  counted,
}: {
  scope: ImpactScope;
  title: string;
  inPlace: InPlace | undefined;
  /** Whether the scope was counted where the log lives (its list is not in the app). */
  counted: boolean;
}) {
  const listed = !counted || inPlace !== undefined;
  // A new scope (another decision, feature or onset) starts at its first page.
  const scopeKey = [scope.featureName, scope.affected, scope.first, scope.last, inPlace?.connectionId].join('\u0000');
  return (
    <>
      {counted && (
        <p className="muted small">
          {inPlace
            ? 'These decisions are read where the decision log lives, a page at a time, and exported from there'
            : 'These decisions were counted where the decision log lives; their list is not read into the app, so it is not exported from here'}{' '}
          (the command line&apos;s <code>investigate --source</code> reads {inPlace ? 'them' : 'it'} there).
        </p>
      )}
      <div className="actions">
        {counted && inPlace ? (
          <InPlaceExports scope={scope} inPlace={inPlace} title={title} />
        ) : (
          <>
            <button
              type="button"
              disabled={scope.affected === 0 || counted}
              onClick={() => downloadText(`${title} - affected decisions.csv`, affectedDecisionsCsv(scope), 'text/csv')}
            >
              Export affected decisions (CSV)
            </button>
            <button
              type="button"
              disabled={scope.subjects === 0 || counted}
              onClick={() => downloadText(`${title} - affected subjects.csv`, affectedSubjectsCsv(scope), 'text/csv')}
            >
              Export affected subjects (CSV)
            </button>
          </>
        )}
      </div>
      {listed && scope.affected > 0 && (
        <AffectedDecisions
          key={scopeKey}
          total={scope.affected}
          featureName={scope.featureName}
          pageOf={pageReader(scope, counted ? inPlace : undefined)}
        />
      )}
    </>
  );
}
