/**
 * dbt seeds are told by the project that loads them: GitLab's dbt project (fixtures/repository-files/gitlab, MIT) keeps
 * its seeds in `data/` (`seed-paths: ["data"]`), so its seed CSVs — dated tables that could otherwise be a log to map
 * — are skipped as that project's reference data when `inspect` reads the project's tree, never rejected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbtProjectSeeds } from '../../shared/importers/dbt-seeds.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-dbt-seeds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };
const gitlab = 'fixtures/repository-files/gitlab';

describe("a dbt project's seeds", () => {
  it('are skipped as the seeds of the project whose seed-paths hold them', async () => {
    const { imported, problems } = await importInputs([gitlab], options);
    expect(problems).toEqual([]);
    const csvs = imported.filter((i) => i.name.endsWith('.csv'));
    expect(csvs.map((i) => [i.name, i.summary.rejectedCount, i.summary.skipped])).toEqual(
      ['snowflake-dbt/data/department_name_changes.csv', 'snowflake-dbt/data/snowflake_contract_rates.csv'].map(
        (name) => [
          name,
          0,
          expect.stringMatching(/^a dbt seed \(a CSV in the seed-paths of snowflake-dbt\/dbt_project\.yml/),
        ],
      ),
    );
  });

  it('are tables to map when read without their project', async () => {
    const { imported } = await importInputs([`${gitlab}/snowflake-dbt/data/snowflake_contract_rates.csv`], options);
    expect(imported.map((i) => i.summary.rejectionGroups?.[0]?.message)).toEqual([
      expect.stringMatching(/^needs a column mapping: a CSV of 2 rows with the columns effective_date, rate/),
    ]);
  });

  it("are in the folders dbt's versions default to when the project names none", () => {
    expect(dbtProjectSeeds('p/dbt_project.yml', 'name: shop\nmodel-paths: ["models"]\n').folders).toEqual(['p/seeds']);
    expect(dbtProjectSeeds('p/dbt_project.yml', 'name: shop\nsource-paths: ["models"]\n').folders).toEqual(['p/data']);
    expect(dbtProjectSeeds('dbt_project.yml', 'data-paths: ["./ref/", "more"]\n').folders).toEqual(['ref', 'more']);
  });
});
