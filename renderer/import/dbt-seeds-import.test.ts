/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
/**
 * The app knows a dropped dbt project's seeds as the CLI does: GitLab's dbt project (fixtures/repository-files/gitlab,
 * MIT), dropped whole, keeps its seeds in `data/` (`seed-paths: ["data"]`); each of its CSVs is sent to the import
 * worker as that project's seed and skipped — not asked for a column mapping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineageDb } from '../db/lineage-db';
import { setImportWorkerFactory, useImports } from './import-store';
import { runImport } from './run-import';
import type { ToWorker } from './worker-protocol';

const root = 'fixtures/repository-files/gitlab';
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name))
  .map((path) => ({ file: new File([readFileSync(path)], path), name: `gitlab/${relative(root, path)}` }));

/** The messages the store sends its worker. */
const sent: ToWorker[] = [];
setImportWorkerFactory(() => ({ postMessage: (m: ToWorker) => sent.push(m) }) as unknown as Worker);

describe("a dropped dbt project's seeds in the app", () => {
  it('are imported as the seeds of the project whose seed-paths hold them, and skipped', async () => {
    useImports.getState().importFiles(files);
    for (let i = 0; i < 200 && sent.length < files.length; i += 1) await new Promise((r) => setTimeout(r, 10));
    const csvs = sent.flatMap((m) =>
      m.type === 'import' && 'file' in m.input && m.input.name.endsWith('.csv') ? [m.input] : [],
    );
    expect(csvs.map((c) => [c.name, c.dbtSeedOf])).toEqual(
      ['department_name_changes.csv', 'snowflake_contract_rates.csv'].map((n) => [
        `gitlab/snowflake-dbt/data/${n}`,
        'gitlab/snowflake-dbt/dbt_project.yml',
      ]),
    );
    const db = new LineageDb('dbt-seeds-import');
    for (const input of csvs) {
      const end = await runImport(db, input, { cancelled: () => false, onProgress: () => undefined });
      expect(end).toEqual({
        status: 'skipped',
        reason: expect.stringMatching(
          /^a dbt seed \(a CSV in the seed-paths of gitlab\/snowflake-dbt\/dbt_project\.yml/,
        ),
      });
    }
  });
});
