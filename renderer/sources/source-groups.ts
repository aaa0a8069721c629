/**
 * How the Sources screen organizes many files: a folder's import lists dozens of sources, named by their path inside
 * the folder (`real/openlineage/x.json`). They are kept to those a filter's words match, sorted by what the user
 * chose, and grouped by folder with each folder's totals. Pure, so that what the table shows is tested apart.
 */
import type { StoredSource } from '../db/lineage-db';

/** What the sources are sorted by: names and kinds A to Z, the newest import first, the most records or warnings. */
export type SourceSort = 'name' | 'kind' | 'imported' | 'records' | 'warnings';

export const SOURCE_SORTS: ReadonlyArray<{ readonly sort: SourceSort; readonly label: string }> = [
  { sort: 'name', label: 'Name (A–Z)' },
  { sort: 'kind', label: 'Kind (A–Z)' },
  { sort: 'imported', label: 'Imported (newest first)' },
  { sort: 'records', label: 'Records (most first)' },
  { sort: 'warnings', label: 'Warnings (most first)' },
];

export const isSourceSort = (value: string): value is SourceSort => SOURCE_SORTS.some((s) => s.sort === value);

/** What of a source the grouping reads. */
export type GroupedSource = Pick<
  StoredSource,
  'name' | 'detected' | 'importer' | 'importedAt' | 'counts' | 'warnings' | 'rejected' | 'derivedAs'
>;

/** A folder's sources with their totals; `folder` is '' for sources whose name has no folder. */
export interface SourceGroup<S extends GroupedSource> {
  readonly folder: string;
  readonly sources: ReadonlyArray<S>;
  readonly records: number;
  readonly warnings: number;
  readonly rejected: number;
}

/** What the Sources table shows of a kind: a repository read by `git log` is a repository, not its text. */
export const kindOf = (source: Pick<StoredSource, 'detected' | 'derivedAs'>): string =>
  source.derivedAs === 'git-log' ? 'git repository' : source.detected;

/** How many records a source gave, of every type. */
export const recordsOf = (source: Pick<StoredSource, 'counts'>): number =>
  Object.values(source.counts).reduce((a, b) => a + b, 0);

/** The directory part of a path (either separator), or '' for a bare name. */
const directoryOf = (path: string): string => {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : '';
};

/**
 * The folder a source is listed under: the directory of its name (a folder import's relative path), else '' (files
 * picked one by one, a repository, a pull named by its server's address, whose slashes are not folders). Not the path it was read from on this machine: the sample's files, read in place,
 * would stand apart from its repository in a group of their own.
 */
export const folderOf = (source: Pick<StoredSource, 'name'>): string =>
  URL_NAME.test(source.name) ? '' : directoryOf(source.name);

/** A source named by the address it was pulled from (a Marquez pull: `http://host/api/v1 lineage events …`). */
const URL_NAME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A source's name under its folder's header: without the folder, when the name starts with it. */
export function nameInFolder(name: string, folder: string): string {
  const rest = folder ? name.slice(folder.length) : '';
  return name.startsWith(folder) && /^[/\\]./.test(rest) ? rest.slice(1) : name;
}

/** The sources every word of the query is found in (name, kind or importer, any case); all for an empty query. */
export function filterSources<S extends GroupedSource>(sources: ReadonlyArray<S>, query: string): S[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sources];
  return sources.filter((source) => {
    const text = [source.name, kindOf(source), source.importer].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

const byName = (a: GroupedSource, b: GroupedSource) =>
  a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });

const COMPARE: Record<SourceSort, (a: GroupedSource, b: GroupedSource) => number> = {
  name: byName,
  kind: (a, b) => kindOf(a).localeCompare(kindOf(b), 'en') || byName(a, b),
  imported: (a, b) => Date.parse(b.importedAt) - Date.parse(a.importedAt) || byName(a, b),
  records: (a, b) => recordsOf(b) - recordsOf(a) || byName(a, b),
  warnings: (a, b) => b.warnings - a.warnings || byName(a, b),
};

/** The sources in the chosen order (ties by name), as a new array. */
export function sortSources<S extends GroupedSource>(sources: ReadonlyArray<S>, sort: SourceSort): S[] {
  return [...sources].sort(COMPARE[sort]);
}

/**
 * The sources grouped by folder, each group's sources in the order given, with its totals. The files of no folder
 * come first, then the folders A to Z.
 */
export function groupByFolder<S extends GroupedSource>(sources: ReadonlyArray<S>): SourceGroup<S>[] {
  const byFolder = new Map<string, S[]>();
  for (const source of sources) {
    const folder = folderOf(source);
    const group = byFolder.get(folder);
    if (group) group.push(source);
    else byFolder.set(folder, [source]);
  }
  return [...byFolder]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en', { numeric: true })))
    .map(([folder, members]) => ({
      folder,
      sources: members,
      records: members.reduce((n, s) => n + recordsOf(s), 0),
      warnings: members.reduce((n, s) => n + s.warnings, 0),
      rejected: members.reduce((n, s) => n + s.rejected, 0),
    }));
}

/** The sources the table shows: filtered, sorted, grouped. */
export function organizeSources<S extends GroupedSource>(
  sources: ReadonlyArray<S>,
  query: string,
  sort: SourceSort,
): SourceGroup<S>[] {
  return groupByFolder(sortSources(filterSources(sources, query), sort));
}
