import { useId, useMemo, useState } from 'react';
import { visibleText } from '../../shared/model/visible-text';
import { PathText } from '../components/PathText';
import type { SourceIssues, StoredSource } from '../db/lineage-db';
import { plural } from '../import/format-progress';
import type { RequestMapping } from './MapColumnsButton';
import { SourceRow } from './SourceRow';
import { isSourceSort, organizeSources, SOURCE_SORTS, type SourceGroup, type SourceSort } from './source-groups';

interface SourcesTableProps {
  readonly sources: ReadonlyArray<StoredSource>;
  readonly issues: Readonly<Record<string, SourceIssues | undefined>>;
  readonly onExpand: (id: string) => void;
  readonly onRemove: (id: string) => void;
  readonly onRequestMapping?: RequestMapping;
}

/** The columns before the actions; SourceRow labels its cells with the same names (its cards in a narrow window). */
const COLUMN_NAMES = ['File', 'Kind', 'Size', 'SHA-256', 'Importer', 'Records', 'Warnings', 'Rejected', 'Imported'];
const COLUMNS = COLUMN_NAMES.length + 1;

/** What a folder's header says beside its name: "12 files · 3,456 records · 10 warnings · 1 rejected". */
function GroupTotals({ group }: { readonly group: SourceGroup<StoredSource> }) {
  return (
    <span className="source-group-totals">
      {plural(group.sources.length, 'file')} · {plural(group.records, 'record')} ·{' '}
      <span className={group.warnings ? 'warn' : undefined}>{plural(group.warnings, 'warning')}</span> ·{' '}
      <span className={group.rejected ? 'error' : undefined}>{group.rejected.toLocaleString('en')} rejected</span>
    </span>
  );
}

/**
 * The sources, one row each: kind, size, SHA-256, importer, counts by record type, warnings, rejected, time. A filter
 * and a sort above; under a header per folder (with its totals, collapsible) when the sources lie in more than one
 * (source-groups.ts). In a window narrower than its ten columns each row is a card of labelled cells (sources.css);
 * the roles are explicit so that it is still read as a table.
 */
export function SourcesTable({ sources, issues, onExpand, onRemove, onRequestMapping }: SourcesTableProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SourceSort>('name');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const filterId = useId();
  const sortId = useId();
  const groups = useMemo(() => organizeSources(sources, query, sort), [sources, query, sort]);
  const shown = groups.reduce((n, g) => n + g.sources.length, 0);
  const headed = groups.length > 1;

  const toggle = (folder: string) => {
    const next = new Set(collapsed);
    if (!next.delete(folder)) next.add(folder);
    setCollapsed(next);
  };
  const rows = (group: SourceGroup<StoredSource>, folder?: string) =>
    group.sources.map((source) => (
      <SourceRow
        key={source.id}
        source={source}
        issues={issues[source.id]}
        onExpand={onExpand}
        onRemove={onRemove}
        onRequestMapping={onRequestMapping}
        {...(folder !== undefined && { folder })}
      />
    ));

  return (
    <>
      {sources.length > 1 && (
        <div className="sources-toolbar" role="search" aria-label="Filter and sort the sources">
          <label htmlFor={filterId}>Filter</label>
          <input
            id={filterId}
            type="search"
            value={query}
            placeholder="name, kind, importer…"
            onChange={(e) => setQuery(e.target.value)}
          />
          <label htmlFor={sortId}>Sort by</label>
          <select id={sortId} value={sort} onChange={(e) => isSourceSort(e.target.value) && setSort(e.target.value)}>
            {SOURCE_SORTS.map(({ sort, label }) => (
              <option key={sort} value={sort}>
                {label}
              </option>
            ))}
          </select>
          <span className="muted sources-shown" role="status">
            {shown === sources.length
              ? plural(sources.length, 'source')
              : `${shown.toLocaleString('en')} of ${plural(sources.length, 'source')}`}
          </span>
        </div>
      )}
      {shown === 0 && sources.length > 0 ? (
        <p className="empty">
          No source matches “{query.trim()}”.{' '}
          <button type="button" className="link" onClick={() => setQuery('')}>
            Clear the filter
          </button>
        </p>
      ) : (
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
            {headed ? (
              groups.map((group) => {
                const open = !collapsed.has(group.folder);
                return (
                  <tbody key={group.folder} role="rowgroup" className="source-group">
                    <tr role="row" className="source-group-header" data-testid="source-group">
                      <th colSpan={COLUMNS} scope="rowgroup" role="rowheader">
                        <button
                          type="button"
                          className="ghost"
                          aria-expanded={open}
                          onClick={() => toggle(group.folder)}
                        >
                          <span aria-hidden="true" className="source-group-chevron">
                            {open ? '▾' : '▸'}
                          </span>{' '}
                          {group.folder ? (
                            <span className="mono">
                              <PathText text={visibleText(group.folder)} />
                            </span>
                          ) : (
                            'Files of no folder'
                          )}
                        </button>{' '}
                        <GroupTotals group={group} />
                      </th>
                    </tr>
                    {open && rows(group, group.folder)}
                  </tbody>
                );
              })
            ) : (
              <tbody role="rowgroup">{groups.flatMap((group) => rows(group))}</tbody>
            )}
          </table>
        </div>
      )}
    </>
  );
}
