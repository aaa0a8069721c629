import { describe, expect, it } from 'vitest';
import {
  filterSources,
  folderOf,
  groupByFolder,
  nameInFolder,
  type GroupedSource,
  organizeSources,
  sortSources,
} from './source-groups';

const source = (name: string, extra: Partial<GroupedSource> = {}): GroupedSource => ({
  name,
  detected: 'openlineage',
  importer: 'openlineage-json',
  importedAt: '2026-03-01T10:00:00Z',
  counts: { 'lineage-run': 2 },
  warnings: 0,
  rejected: 0,
  ...extra,
});

describe('folderOf', () => {
  it('reads the folder of a folder import’s relative name, either separator', () => {
    expect(folderOf(source('real/openlineage/a.json'))).toBe('real/openlineage');
    expect(folderOf(source('logs\\audit\\b.jsonl'))).toBe('logs\\audit');
  });

  it('gives no folder for a bare name, wherever the file was read from', () => {
    expect(folderOf(source('a.json'))).toBe('');
    const readInPlace = { name: 'a.json', origin: { path: '/data/evidence/a.json' } };
    expect(folderOf(readInPlace)).toBe('');
  });

  it('gives no folder for a source named by the address it was pulled from: its slashes are not folders', () => {
    expect(folderOf(source('http://127.0.0.1:5000/api/v1 lineage events upstream of ns:job.ndjson'))).toBe('');
    expect(folderOf(source('https://marquez.example/api/v1 lineage events.ndjson'))).toBe('');
    expect(nameInFolder('https://marquez.example/api/v1 lineage events.ndjson', '')).toBe(
      'https://marquez.example/api/v1 lineage events.ndjson',
    );
  });
});

describe('nameInFolder', () => {
  it('drops the folder the header names, only when the name lies in it', () => {
    expect(nameInFolder('real/openlineage/a.json', 'real/openlineage')).toBe('a.json');
    expect(nameInFolder('logs\\audit\\b.jsonl', 'logs\\audit')).toBe('b.jsonl');
    expect(nameInFolder('real/openlineage-2/a.json', 'real/openlineage')).toBe('real/openlineage-2/a.json');
    expect(nameInFolder('a.json', '')).toBe('a.json');
  });
});

describe('filterSources', () => {
  const sources = [
    source('real/dbt/manifest.json', { detected: 'dbt-manifest', importer: 'dbt' }),
    source('real/openlineage/run.json'),
    source('pipelines', { detected: 'text', derivedAs: 'git-log', importer: 'git-cli' }),
  ];

  it('keeps the sources every word is found in, in name, kind or importer, any case', () => {
    expect(filterSources(sources, 'MANIFEST').map((s) => s.name)).toEqual(['real/dbt/manifest.json']);
    expect(filterSources(sources, 'git repository').map((s) => s.name)).toEqual(['pipelines']);
    expect(filterSources(sources, 'real openlineage-json').map((s) => s.name)).toEqual(['real/openlineage/run.json']);
    expect(filterSources(sources, 'dbt nothing-like-this')).toEqual([]);
  });

  it('keeps all for an empty or blank query', () => {
    expect(filterSources(sources, '  ')).toHaveLength(3);
  });
});

describe('sortSources', () => {
  const a = source('b/file-10.json', { importedAt: '2026-03-01T10:00:00Z', counts: { x: 5 }, warnings: 1 });
  const b = source('a/file-9.json', { importedAt: '2026-03-02T10:00:00+02:00', counts: { x: 1, y: 1 }, warnings: 7 });
  const c = source('c.json', { detected: 'audit', importedAt: '2026-03-02T09:00:00Z', counts: {}, warnings: 1 });

  const names = (sort: Parameters<typeof sortSources>[1]) => sortSources([a, b, c], sort).map((s) => s.name);

  it('sorts names and kinds A to Z, numbers within names by value', () => {
    expect(names('name')).toEqual(['a/file-9.json', 'b/file-10.json', 'c.json']);
    expect(sortSources([source('x-10'), source('x-9')], 'name').map((s) => s.name)).toEqual(['x-9', 'x-10']);
    expect(names('kind')).toEqual(['c.json', 'a/file-9.json', 'b/file-10.json']);
  });

  it('puts the newest import, the most records and the most warnings first (ties by name)', () => {
    // 2026-03-02T10:00+02:00 is 08:00 UTC: before c's 09:00 UTC.
    expect(names('imported')).toEqual(['c.json', 'a/file-9.json', 'b/file-10.json']);
    expect(names('records')).toEqual(['b/file-10.json', 'a/file-9.json', 'c.json']);
    expect(names('warnings')).toEqual(['a/file-9.json', 'b/file-10.json', 'c.json']);
  });

  it('leaves the list it was given as it was', () => {
    const list = [c, a, b];
    sortSources(list, 'name');
    expect(list).toEqual([c, a, b]);
  });
});

describe('groupByFolder', () => {
  it('groups by folder with totals, files of no folder first, then folders A to Z', () => {
    const groups = groupByFolder([
      source('real/openlineage/b.json', { counts: { run: 3, dataset: 2 }, warnings: 4 }),
      source('loose.jsonl', { counts: {}, rejected: 1 }),
      source('real/dbt/manifest.json', { counts: { model: 7 } }),
      source('real/openlineage/a.json', { counts: { run: 1 }, warnings: 1, rejected: 2 }),
    ]);
    expect(groups.map((g) => [g.folder, g.sources.length, g.records, g.warnings, g.rejected])).toEqual([
      ['', 1, 0, 0, 1],
      ['real/dbt', 1, 7, 0, 0],
      ['real/openlineage', 2, 6, 5, 2],
    ]);
  });

  it('keeps the order it was given within a folder', () => {
    const [group] = groupByFolder([source('f/z.json'), source('f/a.json')]);
    expect(group?.sources.map((s) => s.name)).toEqual(['f/z.json', 'f/a.json']);
  });

  it('gives no group for no sources', () => {
    expect(groupByFolder([])).toEqual([]);
  });
});

describe('organizeSources', () => {
  it('filters, sorts and groups: one matching file is one group of one', () => {
    const sources = [source('real/a/x.json'), source('real/b/y.json', { counts: { run: 9 } }), source('real/b/z.json')];
    expect(organizeSources(sources, 'y.json', 'name').map((g) => [g.folder, g.sources.map((s) => s.name)])).toEqual([
      ['real/b', ['real/b/y.json']],
    ]);
    expect(organizeSources(sources, '', 'records')[1]?.sources.map((s) => s.name)).toEqual([
      'real/b/y.json',
      'real/b/z.json',
    ]);
  });
});
