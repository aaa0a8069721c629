import { memo, useState } from 'react';
import { describeMapping } from '../../shared/importers/column-mapping';
import { visibleText } from '../../shared/model/visible-text';
import { Time } from '../components/Time';
import type { SourceIssues, StoredSource } from '../db/lineage-db';
import { formatBytes, formatDuration } from '../import/format-progress';
import { SourceIssuesList } from './SourceIssuesList';
import { isMappable, MapColumnsButton, type RequestMapping } from './MapColumnsButton';
import { PathText } from '../components/PathText';
import { kindOf, nameInFolder } from './source-groups';

const COLUMNS = 10;

interface SourceRowProps {
  readonly source: StoredSource;
  readonly issues?: SourceIssues;
  readonly onExpand: (id: string) => void;
  readonly onRemove: (id: string) => void;
  /** Opens the column-mapping dialog for the source with its file picked again. */
  readonly onRequestMapping?: RequestMapping;
  /** The folder whose header the row is under: its name is shown without it (whole in its tooltip). */
  readonly folder?: string;
}

/** One source in the Sources table, expandable to its rejections and warnings, removable. */
export const SourceRow = memo(function SourceRow({
  source,
  issues,
  onExpand,
  onRemove,
  onRequestMapping,
  folder,
}: SourceRowProps) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const detailsId = `source-details-${source.id.slice(0, 16)}`;
  const counts = Object.entries(source.counts).filter(([, n]) => n > 0);

  const toggle = () => {
    if (!open) onExpand(source.id);
    setOpen(!open);
  };
  const copy = () => {
    navigator.clipboard?.writeText(source.sha256).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <>
      <tr data-testid="source-row" role="row">
        <th scope="row" role="rowheader" className="mono" title={folder ? visibleText(source.name) : undefined}>
          <PathText text={visibleText(folder ? nameInFolder(source.name, folder) : source.name)} />
          {source.origin && (
            <div className="muted small" title="Re-hashed when a case citing it is reopened">
              read from <PathText text={source.origin.path} />
            </div>
          )}
        </th>
        <td role="cell" data-label="Kind">
          {kindOf(source)}
          {source.mapping && <div className="muted small">mapped: {describeMapping(source.mapping)}</div>}
          {source.detected === 'csv' && !source.mapping && (
            <div className="muted small">needs a column mapping: pick its file again to map its columns</div>
          )}
        </td>
        <td role="cell" data-label="Size">
          {formatBytes(source.size)}
        </td>
        <td role="cell" data-label="SHA-256" className="mono">
          <span title={source.sha256}>{source.sha256.slice(0, 12)}</span>{' '}
          <button
            type="button"
            className="ghost small"
            onClick={copy}
            aria-label={`Copy the SHA-256 of ${source.name}`}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </td>
        <td role="cell" data-label="Importer">
          {source.importer} <span className="muted">{source.importerVersion}</span>
        </td>
        <td role="cell" data-label="Records">
          <ul className="counts">
            {counts.length === 0 ? (
              <li className="muted">no records</li>
            ) : (
              counts.map(([kind, n]) => (
                <li key={kind}>
                  <span className="mono">{kind}</span> {n.toLocaleString('en')}
                </li>
              ))
            )}
          </ul>
        </td>
        <td role="cell" data-label="Warnings" className={source.warnings ? 'warn' : ''}>
          {source.warnings.toLocaleString('en')}
        </td>
        <td role="cell" data-label="Rejected" className={source.rejected ? 'error' : ''}>
          {source.rejected.toLocaleString('en')}
        </td>
        <td role="cell" data-label="Imported" className="imported">
          <Time value={source.importedAt} />
          {source.durationMs !== undefined && <div className="muted small">in {formatDuration(source.durationMs)}</div>}
        </td>
        <td role="cell" data-label="Actions">
          <div className="source-actions">
            <button type="button" aria-expanded={open} aria-controls={detailsId} onClick={toggle}>
              {open ? 'Hide details' : 'Details'}
            </button>
            {onRequestMapping && isMappable(source) && (
              <MapColumnsButton source={source} onRequest={onRequestMapping} onRefusal={setRefusal} />
            )}
            {confirming ? (
              <>
                <button type="button" className="danger" onClick={() => onRemove(source.id)}>
                  Remove {source.name}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${source.name}…`}>
                Remove…
              </button>
            )}
          </div>
        </td>
      </tr>
      {refusal && (
        <tr className="source-details" role="row">
          <td colSpan={COLUMNS} role="cell">
            <p className="notice error" role="alert">
              {refusal}
            </p>
          </td>
        </tr>
      )}
      {open && (
        <tr id={detailsId} className="source-details" role="row">
          <td colSpan={COLUMNS} role="cell">
            <SourceIssuesList source={source} issues={issues} />
          </td>
        </tr>
      )}
    </>
  );
});
