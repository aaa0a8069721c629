/**
 * `trailer.<token>.*` settings change what git prints as a commit's trailers: a configured token counts like
 * `Signed-off-by` (a block needs only 25 % of its lines as trailers), and `trailer.<token>.key` renames it. A
 * repository built in the test with such settings: isomorphic-git must print the trailers git prints.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import { importInput } from '../../shared/importers/index.js';
import type { Commit } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { configEntries, trailerItems } from './git-trailer-config.js';

const root = mkdtempSync(join(tmpdir(), 'li-trailer-config-'));
const repo = join(root, 'warehouse');
let minute = 0;
function git(...args: string[]): string {
  minute += 1;
  const date = `${1_790_000_000 + minute * 60} +0000`;
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ana Lyst',
      GIT_AUTHOR_EMAIL: 'ana@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: 'Ana Lyst',
      GIT_COMMITTER_EMAIL: 'ana@example.com',
      GIT_COMMITTER_DATE: date,
    },
  }).trim();
}
const commit = (message: string) => git('commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', message);

const MESSAGES = [
  // A configured token with a key: renamed, and it makes a mostly-prose block a trailer block.
  'Raise the limit\n\nThe limit was too low for\nthe largest customers, so\nit goes up.\nsign: Ana <ana@example.com>\n',
  // A prefix of a configured token (git matches prefixes) and a token configured without a key.
  'Fix the join\n\nRev: Bo <bo@example.com>\nacked: Cy <cy@example.com>\n',
  // A configured token in another case, and an ordinary trailer beside it.
  'Drop a column\n\nSIGN: Dee <dee@example.com>\nReviewed-by: Eve <eve@example.com>\n',
  // The same prose block with an unconfigured token: no trailers.
  'Tidy\n\nProse that goes on\nand on over\nthree lines.\nnote: not a trailer here\n',
];

beforeAll(() => {
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  MESSAGES.forEach(commit);
  git('config', 'trailer.sign.key', 'Signed-off-by');
  git('config', 'trailer.review.key', 'Reviewed-by');
  git('config', 'trailer.acked.where', 'end');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = async (reader: 'git-cli' | 'isomorphic-git') => {
  const { stdout } = await createGitRunner('git', reader)(GIT_LOG_ARGS, { cwd: repo });
  const file = { name: 'warehouse', sha256: 'e'.repeat(64), size: 0, text: stdout, derivedAs: 'git-log' as const };
  return { text: stdout, commits: importInput(file).records as Commit[] };
};

describe('trailer.<token> settings of the repository', () => {
  it('isomorphic-git prints the trailers git prints, renamed by trailer.<token>.key', async () => {
    const [cli, iso] = await Promise.all([read('git-cli'), read('isomorphic-git')]);
    expect(iso.text).toBe(cli.text);
    const trailers = (subject: string) => iso.commits.find((c) => c.subject === subject)?.trailers;
    expect(trailers('Raise the limit')).toEqual([{ key: 'Signed-off-by', value: 'Ana <ana@example.com>' }]);
    expect(trailers('Fix the join')).toEqual([
      { key: 'Reviewed-by', value: 'Bo <bo@example.com>' },
      { key: 'acked', value: 'Cy <cy@example.com>' },
    ]);
    expect(trailers('Drop a column')).toEqual([
      { key: 'Signed-off-by', value: 'Dee <dee@example.com>' },
      { key: 'Reviewed-by', value: 'Eve <eve@example.com>' },
    ]);
    expect(trailers('Tidy')).toEqual([]);
  });

  it('reads git configuration as git does: quoted subsections keep their case, values lose quotes and comments', () => {
    const text =
      '[core]\n\tbare = false\n[trailer "Sign"]\n\tkey = "Signed-off-by" # the usual\n' +
      '[trailer.ACK] where = end\n[trailer "sign"]\n\tkey = Signed-off-by (2)\n[remote "origin"]\n\turl = x\n';
    expect(configEntries(text).map((e) => [e.section, e.subsection, e.name, e.value])).toEqual([
      ['core', undefined, 'bare', 'false'],
      ['trailer', 'Sign', 'key', 'Signed-off-by'],
      ['trailer', 'ack', 'where', 'end'],
      ['trailer', 'sign', 'key', 'Signed-off-by (2)'],
      ['remote', 'origin', 'url', 'x'],
    ]);
    expect(trailerItems([text])).toEqual([{ name: 'Sign', key: 'Signed-off-by (2)' }, { name: 'ack' }]);
  });
});
