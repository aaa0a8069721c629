import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRunner } from '../services/git-runner.js';
import { listInputs } from './list-inputs.js';
import { repositorySize } from './repository-size.js';

const work = mkdtempSync(join(tmpdir(), 'li-repo-size-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.com', ...args], { cwd, encoding: 'utf8' });
/** `du --apparent-size` of the files only. */
const filesBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const path = join(dir, e.name);
    return sum + (e.isDirectory() ? filesBytes(path) : e.isFile() ? statSync(path).size : 0);
  }, 0);

describe('the size of a repository input', () => {
  const repo = join(work, 'pipelines');
  git(work, 'init', '-q', '-b', 'main', repo);
  writeFileSync(join(repo, 'model.sql'), 'select 1\n'.repeat(1000));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Add the model');

  it('is the bytes of its Git directory, not 0 (work-tree files are not its history)', async () => {
    const size = await repositorySize(repo);
    expect(size).toBe(filesBytes(join(repo, '.git')));
    const { inputs } = await listInputs([repo], { git: createGitRunner('git'), cacheDir: join(work, 'cache') });
    expect(inputs[0]).toMatchObject({ type: 'git', size });
  });

  it('follows a .git file to the Git directory it names, and a bare repository is its own', async () => {
    const separate = join(work, 'separate');
    git(work, 'clone', '-q', '--separate-git-dir', join(work, 'separate.git'), repo, separate);
    expect(await repositorySize(separate)).toBe(filesBytes(join(work, 'separate.git')));
    const bare = join(work, 'bare.git');
    git(work, 'clone', '-q', '--bare', repo, bare);
    expect(await repositorySize(bare)).toBe(filesBytes(bare));
  });

  it('counts the shared Git directory of a linked work tree once', async () => {
    const linked = join(work, 'linked');
    git(repo, 'worktree', 'add', '-q', linked);
    expect(await repositorySize(linked)).toBe(filesBytes(join(repo, '.git')));
  });
});
