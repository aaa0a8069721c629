/**
 * The dbt seeds among the files the CLI lists (dbt-seeds.ts): each `dbt_project.yml` listed is read for its seed
 * folders, and a CSV in one of them is imported as that project's seed — skipped as reference data, not a table to map.
 */
import { readFile } from 'node:fs/promises';
import { dbtSeedsAmong } from '../../shared/importers/dbt-seeds.js';
import type { ListedInput } from './list-inputs.js';

/** A function giving, for a listed file's path, the listed name of the dbt project whose seed it is (or undefined). */
export async function dbtSeedsOfListed(
  inputs: ReadonlyArray<ListedInput>,
): Promise<(path: string) => string | undefined> {
  const files = inputs.filter((i) => i.type === 'file');
  const seedOf = await dbtSeedsAmong(
    files,
    (f) => f.path,
    (f) => readFile(f.path, 'utf8').catch(() => undefined),
  );
  return (path) => seedOf({ type: 'file', path, name: path });
}
