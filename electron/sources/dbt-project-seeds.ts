/**
 * The dbt seeds among the files the CLI lists (dbt-seeds.ts): each `dbt_project.yml` listed is read for its seed
 * folders, and a CSV in one of them is imported as that project's seed — skipped as reference data, not a table to map.
 */
import { readFile } from 'node:fs/promises';
import { dbtSeedsAmong } from '../../shared/importers/dbt-seeds.js';
import type { ListedInput } from './list-inputs.js';

export type ListedFile = Extract<ListedInput, { readonly type: 'file' }>;

/** A function giving, for a listed file, the listed name of the dbt project whose seed it is (or undefined). */
export function dbtSeedsOfListed(
  inputs: ReadonlyArray<ListedInput>,
): Promise<(file: ListedFile) => string | undefined> {
  return dbtSeedsAmong(
    inputs.filter((i): i is ListedFile => i.type === 'file'),
    (f) => f.path,
    (f) => readFile(f.path, 'utf8').catch(() => undefined),
  );
}
