/**
 * dbt seeds: the CSV files in a dbt project's seed folders, reference data `dbt seed` loads into the warehouse — not
 * evidence. The folders are the ones its `dbt_project.yml` names: `seed-paths` (dbt 1.0 on), or `data-paths` (before
 * 1.0); without either, `seeds` — or `data` for a project written for dbt before 1.0 (it names its models' folders
 * `source-paths`, the name 1.0 changed to `model-paths`), as each version's default was
 * (https://docs.getdbt.com/reference/project-configs/seed-paths). A CSV under a `seeds/` folder is taken for a seed
 * by its path alone (record-table.ts); the other folders are known only with the project file read beside it.
 */
import { readYaml } from './yaml-document';

/** A dbt project's seed folders, as paths (`/`-separated) beside its `dbt_project.yml`. */
export interface DbtProjectSeeds {
  /** The path of the project's `dbt_project.yml`. */
  readonly project: string;
  readonly folders: ReadonlyArray<string>;
}

/** True for the path of a dbt project file. */
export const isDbtProjectFile = (path: string): boolean => /(^|[\\/])dbt_project\.ya?ml$/.test(path);

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;

/** The seed folders the project file at `project` (its text) names, or gives by default. */
export function dbtProjectSeeds(project: string, text: string): DbtProjectSeeds {
  const read = readYaml(text);
  const config = read.ok && typeof read.value === 'object' && read.value !== null ? read.value : {};
  const key = (name: string) => (config as Record<string, unknown>)[name];
  const named = strings(key('seed-paths')) ?? strings(key('data-paths'));
  const paths = named ?? [key('source-paths') === undefined ? 'seeds' : 'data'];
  const dir = project.replace(/\\/g, '/').replace(/[^/]*$/, '');
  const folders = paths.map((p) => dir + p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''));
  return { project, folders };
}

/** The project file whose seed folders hold the CSV at `path`, or undefined. */
export function dbtSeedProject(path: string, projects: ReadonlyArray<DbtProjectSeeds>): string | undefined {
  if (!/\.csv$/i.test(path)) return undefined;
  const at = path.replace(/\\/g, '/');
  return projects.find((p) => p.folders.some((folder) => at.startsWith(`${folder}/`)))?.project;
}

/**
 * Among listed files, each CSV's dbt project: every `dbt_project.yml` among them is read (`read`: its text, or
 * undefined when it cannot be read) for its seed folders, matched against `pathOf` each file. Gives, for a file, the
 * `name` of the project file whose seed it is, or undefined — as the CLI's listing and the app's drop both list.
 */
export async function dbtSeedsAmong<F extends { readonly name: string }>(
  files: ReadonlyArray<F>,
  pathOf: (file: F) => string,
  read: (file: F) => Promise<string | undefined>,
): Promise<(file: F) => string | undefined> {
  const names = new Map<string, string>();
  const projects: DbtProjectSeeds[] = [];
  for (const file of files) {
    if (!isDbtProjectFile(pathOf(file))) continue;
    const text = await read(file);
    if (text === undefined) continue;
    projects.push(dbtProjectSeeds(pathOf(file), text));
    names.set(pathOf(file), file.name);
  }
  return (file) => {
    const project = projects.length > 0 ? dbtSeedProject(pathOf(file), projects) : undefined;
    return project === undefined ? undefined : names.get(project);
  };
}
