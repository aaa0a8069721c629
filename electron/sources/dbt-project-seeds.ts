/**
 * The dbt seeds among listed files: each `dbt_project.yml` listed is read for its seed folders (dbt-seeds.ts), and a
 * CSV in one of them is imported as that project's seed — skipped as reference data, not a table to map.
 */
import { readFile } from 'node:fs/promises';
import {
  dbtProjectSeeds,
  dbtSeedProject,
  isDbtProjectFile,
  type DbtProjectSeeds,
} from '../../shared/importers/dbt-seeds.js';
import type { ListedInput } from './list-inputs.js';

/** A function giving, for a listed file's path, the listed name of the dbt project whose seed it is (or undefined). */
export async function dbtSeedsAmong(inputs: ReadonlyArray<ListedInput>): Promise<(path: string) => string | undefined> {
  const names = new Map<string, string>();
  const projects: DbtProjectSeeds[] = [];
  for (const input of inputs) {
    if (input.type !== 'file' || !isDbtProjectFile(input.path)) continue;
    const text = await readFile(input.path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    projects.push(dbtProjectSeeds(input.path, text));
    names.set(input.path, input.name);
  }
  return (path) => {
    const project = projects.length > 0 ? dbtSeedProject(path, projects) : undefined;
    return project === undefined ? undefined : names.get(project);
  };
}
