/**
 * Git history read as git reads it, measured on any local repository (e.g. a bare mirror of a large public one):
 * the app's own read (GIT_LOG_ARGS through the system git, imported) is compared on every commit with what git
 * prints itself — trailers (`%(trailers:only,unfold)`), author and committer offsets (`%ai`, `%ci`), subject (`%s`)
 * — and with `--isomorphic` the text isomorphic-git writes is compared with git's (slow: minutes per 10k commits).
 * `npx tsx bench/git-fidelity.ts <repository> [--isomorphic]`
 */
import { execFileSync } from 'node:child_process';
import { createGitRunner } from '../electron/services/git-runner';
import { GIT_LOG_ARGS, GIT_LOG_CONFIG } from '../shared/importers/git-log-format';
import { parseTrailerLines } from '../shared/importers/git-trailers';
import { importInput } from '../shared/importers/index';
import type { Commit } from '../shared/model/records';

interface Printed {
  readonly trailers: string;
  readonly authorDate: string;
  readonly committerDate: string;
  readonly subject: string;
}

/** What git itself prints for every commit the app reads, by SHA. */
function gitPrints(dir: string): Map<string, Printed> {
  const revs = GIT_LOG_ARGS.filter((a) => /^--(branches|glob|remotes|tags|exclude|all)/.test(a));
  const format = '--format=%x1e%H%x1f%(trailers:only,unfold)%x1f%ai%x1f%ci%x1f%s';
  const out = execFileSync('git', [...GIT_LOG_CONFIG, 'log', ...revs, format], { cwd: dir, maxBuffer: 1 << 30 });
  const printed = new Map<string, Printed>();
  for (const line of out.toString('utf8').split('\x1e').slice(1)) {
    const [sha = '', trailers = '', authorDate = '', committerDate = '', subject = ''] = line.split('\x1f');
    printed.set(sha, { trailers, authorDate, committerDate, subject: subject.replace(/\n$/, '') });
  }
  return printed;
}

const offset = (date: string) => date.slice(date.lastIndexOf(' ') + 1);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function main(dir: string, isomorphic: boolean): Promise<void> {
  const cli = await createGitRunner('git', 'git-cli')(GIT_LOG_ARGS, { cwd: dir });
  const result = importInput({ name: dir, sha256: '0'.repeat(64), size: 0, text: cli.stdout, derivedAs: 'git-log' });
  const commits = result.records as Commit[];
  const printed = gitPrints(dir);
  const all = Number(execFileSync('git', ['rev-list', '--all', '--count'], { cwd: dir, encoding: 'utf8' }));
  const count = (test: (c: Commit, p: Printed) => boolean) =>
    commits.filter((c) => {
      const p = printed.get(c.sha);
      return p !== undefined && test(c, p);
    }).length;
  const figures: Record<string, number | boolean> = {
    'commits (rev-list --all)': all,
    'commits read': commits.length,
    'commits git log prints for the read refs': printed.size,
    rejected: result.rejections.length,
    'with trailers': commits.filter((c) => c.trailers.length > 0).length,
    'trailers equal to git': count((c, p) => same(c.trailers, parseTrailerLines(p.trailers))),
    'offsets equal to %ai/%ci': count(
      (c, p) => c.authorTimezone === offset(p.authorDate) && c.committerTimezone === offset(p.committerDate),
    ),
    'subjects equal to %s': count((c, p) => c.subject === p.subject),
  };
  if (isomorphic) {
    const iso = await createGitRunner('git', 'isomorphic-git')(GIT_LOG_ARGS, { cwd: dir });
    figures['isomorphic-git text identical'] = iso.stdout === cli.stdout;
  }
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(44)} ${String(value)}`);
}

const [dir, flag] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npx tsx bench/git-fidelity.ts <repository> [--isomorphic]');
  process.exit(2);
}
void main(dir, flag === '--isomorphic');
