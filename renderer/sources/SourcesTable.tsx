import type { SourceIssues, StoredSource } from '../db/lineage-db';
import type { RequestMapping } from './MapColumnsButton';
import { SourceRow } from './SourceRow';

interface SourcesTableProps {
  readonly sources: ReadonlyArray<StoredSource>;
  readonly issues: Readonly<Record<string, SourceIssues | undefined>>;
  readonly onExpand: (id: string) => void;
  readonly onRemove: (id: string) => void;
  readonly onRequestMapping?: RequestMapping;
}

/** The sources, one row each: kind, size, SHA-256, importer, counts by record type, warnings, rejected, time. */
export function SourcesTable({ sources, issues, onExpand, onRemove, onRequestMapping }: SourcesTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table sources-table">
        <caption className="visually-hidden">Imported sources</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Importer</th>
            <th scope="col">Records</th>
            <th scope="col">Warnings</th>
            <th scope="col">Rejected</th>
            <th scope="col">Imported</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <SourceRow
              key={source.id}
              source={source}
              issues={issues[source.id]}
              onExpand={onExpand}
              onRemove={onRemove}
              onRequestMapping={onRequestMapping}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
