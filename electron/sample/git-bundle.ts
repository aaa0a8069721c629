/**
 * Builds the sample's Git repository with the system `git`: `git fast-import` writes the commits from the
 * stream (20k commits in seconds), its marks name each commit by SHA, and `git bundle create --all`
 * packs every ref into one file. Single-threaded packing with fixed settings keeps the bundle's bytes
 * the same for the same stream.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMarks } from '../../generators/sample/fast-import.js';
import { createGitRunner, GitError } from '../services/git-runner.js';

/** Pack settings fixed so user configuration cannot change the bundle's bytes. */
const PACK_CONFIG = ['-c', 'pack.threads=1', '-c', 'core.compression=6', '-c', 'pack.window=10', '-c', 'pack.depth=50'];

/** Isolates git from the user's and system's configuration. */
const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

/** Feeds `chunks` to `git fast-import` in `repo`, waiting for the pipe to drain. */
async function fastImport(gitPath: string, repo: string, marksPath: string, chunks: Iterable<string>): Promise<void> {
  const child = spawn(gitPath, ['fast-import', '--quiet', '--done', `--export-marks=${marksPath}`], {
    cwd: repo,
    env: { ...process.env, ...GIT_ENV },
    stdio: ['pipe', 'ignore', 'pipe'],
    windowsHide: true,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new GitError(`git is not installed or not on PATH (${gitPath}).`, null, '', true)
          : error,
      ),
    );
    child.on('close', resolve);
  });
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => child.stdin.write(text, (e) => (e ? reject(e) : resolve())));
  let buffer = '';
  try {
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 20) {
        await write(buffer);
        buffer = '';
      }
    }
    if (buffer) await write(buffer);
    child.stdin.end();
  } catch {
    child.stdin.destroy();
  }
  const code = await exited;
  if (code !== 0) throw new GitError(`git fast-import failed (exit ${code}): ${stderr.trim()}`, code, stderr, false);
}

/**
 * Imports the stream into a scratch bare repository, writes `bundlePath` with every ref, and returns the
 * SHA of each mark. The scratch repository is removed afterwards.
 */
export async function buildBundle(
  chunks: Iterable<string>,
  bundlePath: string,
  gitPath = 'git',
): Promise<Map<number, string>> {
  const work = await mkdtemp(join(tmpdir(), 'sample-git-'));
  const git = createGitRunner(gitPath);
  try {
    const repo = join(work, 'repo.git');
    const marksPath = join(work, 'marks');
    await git(['init', '--quiet', '--bare', '--initial-branch=main', repo]);
    await fastImport(gitPath, repo, marksPath, chunks);
    const shas = parseMarks(await readFile(marksPath, 'utf8'));
    // git runs in the scratch repository: a relative path must not be read from there.
    await git([...PACK_CONFIG, 'bundle', 'create', '--quiet', resolve(bundlePath), '--all'], { cwd: repo });
    return shas;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
