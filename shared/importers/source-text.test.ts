/**
 * A dbt project's repository dropped whole: its models and macros (SQL with Jinja), its Python, shell, TOML, INI and
 * Markdown files are skipped with what they are — never rejected as JSON that does not parse, never read as a CSV —
 * while a file whose content is evidence is still read whatever its extension. The Jinja is real: the model files of
 * jaffle_shop and the macros of dbt-core as their manifest keeps them (`raw_code` / `macro_sql` are the files' text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { HEAD_SIZE, startImport, type ImportSummary } from './streaming';

function importText(name: string, text: string): ImportSummary & { readonly records: number } {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: '0'.repeat(64), name });
  job.push(text);
  const summary = job.end();
  return { ...summary, records: job.take().length };
}

const manifest = JSON.parse(readFileSync(realFixture('dbt', 'ol_v12_duckdb_1.8.9', 'manifest.json'), 'utf8')) as {
  nodes: Record<string, { resource_type: string; original_file_path: string; raw_code: string }>;
  macros: Record<string, { original_file_path: string; macro_sql: string }>;
};
const models = Object.values(manifest.nodes).filter((n) => n.resource_type === 'model');
const macros = Object.values(manifest.macros).slice(0, 200);

describe('code, configuration and documentation in a repository are skipped with what they are', () => {
  it('skips every real dbt model and macro as SQL with Jinja, including those that open with {% or {#', () => {
    const files = [
      ...models.map((m) => [m.original_file_path, m.raw_code] as const),
      ...macros.map((m) => [m.original_file_path, m.macro_sql] as const),
    ];
    expect(files.some(([, text]) => text.trimStart().startsWith('{%'))).toBe(true);
    for (const [path, text] of files) {
      const s = importText(path, text);
      expect([path, s.rejectedCount, s.records]).toEqual([path, 0, 0]);
      expect(s.skipped).toMatch(/^SQL with Jinja .*a dbt model, macro, test or analysis/);
    }
  });

  it('does not take a one-line SQL file for a CSV', () => {
    const s = importText('tests/fixtures/single.sql', 'SELECT a, b FROM table;');
    expect(s.skipped).toMatch(/^SQL code, not evidence/);
    expect(s.detected).not.toBe('csv');
    expect(s.rejectedCount).toBe(0);
  });

  it('names TOML, INI, Python, shell and Markdown files, and content-only templates and configs', () => {
    const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
      ['pyproject.toml', '[tool.poetry]\nname = "warehouse"\nversion = "0.1.0"\n', /^TOML configuration/],
      ['setup.cfg', '[flake8]\nmax-line-length = 120\n', /^INI configuration/],
      ['.sqlfluff', '[sqlfluff]\ntemplater = dbt\ndialect = snowflake\n', /^TOML or INI configuration/],
      ['extract/run.py', 'import os\n\n\ndef main():\n    return os.environ["A"], 1\n', /^Python source code/],
      ['build/entry.sh', '#!/bin/bash\nset -e\ndbt run --select a,b\n', /^a shell script/],
      ['bin/entrypoint', '#!/usr/bin/env python3\nprint("a, b")\n', /^a script \(#!\/usr\/bin\/env python3\)/],
      [
        'docs/overview.md',
        '# Overview\n\nModels, seeds and tests.\n',
        /^Markdown documentation \(first line: "# Overview"\), not evidence$/,
      ],
      ['templates/config', "{{ config(materialized='table') }}\nselect 1 as a, 2 as b\n", /^a Jinja template/],
    ];
    for (const [name, text, reason] of cases) {
      const s = importText(name, text);
      expect([name, s.skipped, s.rejectedCount]).toEqual([name, expect.stringMatching(reason), 0]);
    }
  });

  it('skips a real INI file without an extension as configuration whatever its lines end with (LF, CRLF, CR)', () => {
    // elementary-data/dbt-data-reliability's .flake8 (fixtures/repository-files/SOURCES.md); opening with `[`, it was
    // rejected as JSON that does not parse once its lines ended with a bare CR.
    const flake8 = readFileSync(new URL('../../fixtures/repository-files/elementary/flake8', import.meta.url), 'utf8');
    for (const end of ['\n', '\r\n', '\r']) {
      const s = importText('.flake8', flake8.replaceAll('\n', end));
      expect([JSON.stringify(end), s.skipped, s.rejectedCount]).toEqual([
        JSON.stringify(end),
        'TOML or INI configuration, not evidence',
        0,
      ]);
    }
  });

  it('names a script and a document by their first line, ended by a bare CR too', () => {
    expect(importText('bin/entrypoint', '#!/usr/bin/env python3\rprint("a, b")\r').skipped).toBe(
      'a script (#!/usr/bin/env python3), not evidence',
    );
    expect(importText('NOTES.md', '# Overview\r\rModels, seeds and tests.\r').skipped).toBe(
      'Markdown documentation (first line: "# Overview"), not evidence',
    );
  });

  it('still reads evidence whatever the extension: JSON in a .sql file, and a broken JSON file is still rejected', () => {
    const decision = '{"decision_id":"d-1","timestamp":"2026-01-01T00:00:00Z","model":{"name":"m"},"features":[]}';
    expect(importText('misnamed.sql', `${decision}\n`)).toMatchObject({ detected: 'decision-log', records: 1 });
    const broken = importText('events.json', '{"eventTime": "2026-01-01T00:00:00Z", "run": {');
    expect(broken.skipped).toBeUndefined();
    expect(broken.rejectedCount).toBe(1);
  });
});
