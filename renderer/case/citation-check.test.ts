/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures (and a real git log) */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { citedSources } from '../../shared/case/citations';
import { importInput } from '../../shared/importers';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format';
import type { InputFile, IpcApi, IpcRequest } from '../../shared/ipc/contract';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import type { StoredSource } from '../db/lineage-db';
import { citedCommits, recheckCitations } from './citation-check';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function realFile(path: string, name = path.split('/').pop()!): InputFile {
  const text = readFileSync(realFixture(path), 'utf8');
  return { name, sha256: sha(text), size: text.length, text };
}

/** A real history: this repository's own `git log`, imported as a repository read by path. */
const logText = execFileSync('git', [...GIT_LOG_ARGS], { encoding: 'utf8', maxBuffer: 1 << 28 });
const log: InputFile = {
  name: 'main',
  sha256: sha(logText),
  size: logText.length,
  text: logText,
  derivedAs: 'git-log',
  repository: 'local:/work/repo',
};
const trail = realFile('audit/aws_cloudtrail/elastic_test-delete-bucket-json.ndjson', 'trail.ndjson');
const event = realFile('openlineage/marquez_event_full.json', 'event.json');
const browser = realFile('openlineage/ol_dbt_postgres_run_events.json', 'dbt-run.json');
const files = [log, trail, event, browser];
const evidence = toEvidenceSet(files.flatMap((f) => importInput(f).records));

const stored = (file: InputFile, path?: string): StoredSource => ({
  id: file.sha256,
  name: file.name,
  sha256: file.sha256,
  size: file.size,
  detected: '',
  importer: '',
  importerVersion: '',
  importedAt: '',
  counts: {},
  rejected: 0,
  warnings: 0,
  ...(file.repository ? { repository: file.repository } : {}),
  ...(path ? { origin: { path } } : {}),
});
const sources = [stored(log), stored(trail, '/in/trail.ndjson'), stored(event, '/in/event.json'), stored(browser)];

/** The main process as the renderer sees it: `now` maps each path to its hash today. */
function fakeApi(now: Record<string, string | null>, goneCommits: ReadonlyArray<string>) {
  const asked: Array<IpcRequest<'origin:commits'>> = [];
  const api = {
    invoke: async (channel: string, request: { path?: string; repository?: string; commits?: string[] }) => {
      if (channel === 'origin:sha256') {
        const hash = now[request.path!];
        if (hash === undefined) throw new Error(`${request.path}: not a file this app read its inputs from`);
        return hash === null ? { sha256: null, reason: `${request.path}: no such file.` } : { sha256: hash };
      }
      asked.push(request as IpcRequest<'origin:commits'>);
      return { missing: request.commits!.filter((c) => goneCommits.includes(c)) };
    },
  } as unknown as IpcApi;
  return { api, asked };
}

const commit = evidence.commits[0]!;
const audit = evidence.audit[0]!;
const provenances = [
  commit.provenance,
  { sourceId: log.sha256, line: commit.provenance.line! + 2 },
  audit.provenance,
  { sourceId: event.sha256, pointer: '/run' },
  { sourceId: browser.sha256, pointer: '/0' },
];
const names = Object.fromEntries(files.map((f) => [f.sha256, f.name]));
const paths = { [trail.sha256]: '/in/trail.ndjson', [event.sha256]: '/in/event.json' };
const cited = citedSources(provenances, names, paths);

describe('recheckCitations', () => {
  it('flags a changed file with both hashes and its cited lines, and lists a browser import as not re-checked', async () => {
    const changed = sha('edited');
    const { api } = fakeApi({ '/in/trail.ndjson': changed, '/in/event.json': event.sha256 }, []);
    const report = await recheckCitations(api, cited, sources, evidence, 'no path known (imported in the browser)');
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'changed', expected: trail.sha256, actual: changed }),
    ]);
    expect(report.problems[0]?.source).toMatchObject({ name: 'trail.ndjson', lines: [audit.provenance.line] });
    expect(report.unchanged.map((s) => s.name).sort()).toEqual(['event.json', 'main']);
    expect(report.notChecked).toEqual([
      { source: expect.objectContaining({ name: 'dbt-run.json' }), reason: 'no path known (imported in the browser)' },
    ]);
  });

  it('flags a file that is gone, and keeps a path the main process refuses apart from a mismatch', async () => {
    const { api } = fakeApi({ '/in/trail.ndjson': null }, []);
    const report = await recheckCitations(api, cited, sources, evidence, 'no path known');
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        expected: trail.sha256,
        reason: '/in/trail.ndjson: no such file.',
      }),
    ]);
    expect(report.notChecked.map((n) => [n.source.name, n.reason])).toEqual([
      ['dbt-run.json', 'no path known'],
      ['event.json', '/in/event.json: not a file this app read its inputs from'],
    ]);
  });

  it('asks the repository for the cited commits, not its log hash, and names the commits it lost', async () => {
    expect(
      citedCommits(
        cited.find((s) => s.name === 'main')!,
        evidence,
      ),
    ).toEqual([commit.sha]);
    const { api, asked } = fakeApi({ '/in/trail.ndjson': trail.sha256, '/in/event.json': event.sha256 }, [commit.sha]);
    const report = await recheckCitations(api, cited, sources, evidence, 'no path known');
    expect(asked).toEqual([{ repository: 'local:/work/repo', commits: [commit.sha] }]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'commits-missing',
        commits: [commit.sha],
        source: expect.objectContaining({ name: 'main' }),
      }),
    ]);
  });
});
