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

/** The columns before the actions; SourceRow labels its cells with the same names (its cards in a narrow window). */
const COLUMN_NAMES = ['File', 'Kind', 'Size', 'SHA-256', 'Importer', 'Records', 'Warnings', 'Rejected', 'Imported'];

/**
 * The sources, one row each: kind, size, SHA-256, importer, counts by record type, warnings, rejected, time. In a
 * window narrower than its ten columns each row is a card of labelled cells (sources.css); the roles are explicit so
 * that it is still read as a table.
 */
export function SourcesTable({ sources, issues, onExpand, onRemove, onRequestMapping }: SourcesTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table sources-table" role="table">
        <caption className="visually-hidden">Imported sources</caption>
        <thead role="rowgroup">
          <tr role="row">
            {COLUMN_NAMES.map((name) => (
              <th key={name} scope="col" role="columnheader">
                {name}
              </th>
            ))}
            <th scope="col" role="columnheader">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
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
