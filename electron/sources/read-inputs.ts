/**
 * Turns paths given on the command line (files, folders read recursively, Git repositories, git bundles) into
 * whole `InputFile`s, for callers that want each file's text at once. Files are decoded as UTF-8 without failing
 * on invalid bytes. Importing should prefer import-inputs.ts, which streams.
 */
import type { InputFile } from '../../shared/ipc/contract.js';
import type { GitRunner } from '../services/git-runner.js';
import { createRepositories } from '../services/repositories.js';
import { decodeFile, hashFile } from './decode-stream.js';
import { listInputs, type ReadProblem } from './list-inputs.js';

export type { ReadProblem } from './list-inputs.js';

export interface ReadInputsResult {
  readonly files: ReadonlyArray<InputFile & { readonly path: string }>;
  /** Paths that could not be read at all (missing, unreadable, a broken repository). */
  readonly problems: ReadonlyArray<ReadProblem>;
  /** Repository handle → local folder, for diffs on demand. */
  readonly repositories: ReadonlyMap<string, string>;
}

/** Reads every path into input files; never throws for one bad path (it is listed in `problems`). */
export async function readInputs(
  paths: ReadonlyArray<string>,
  options: { readonly git: GitRunner; readonly cacheDir: string },
): Promise<ReadInputsResult> {
  const repos = createRepositories(options.git);
  const listed = await listInputs(paths, options);
  const files: (InputFile & { path: string })[] = [];
  const problems = [...listed.problems];
  const repositories = new Map<string, string>();
  for (const input of listed.inputs) {
    try {
      if (input.type === 'git') {
        const text = await repos.log(input.path);
        repositories.set(input.name, input.path);
        const size = Buffer.byteLength(text);
        files.push({
          path: input.path,
          name: input.name,
          sha256: input.sha256,
          size,
          text,
          derivedAs: 'git-log',
          repository: input.name,
        });
        continue;
      }
      const { sha256, size } = await hashFile(input.path);
      const parts: string[] = [];
      await decodeFile(input.path, (text) => parts.push(text));
      files.push({ path: input.path, name: input.name, sha256, size, text: parts.join('') });
    } catch (error) {
      problems.push({ path: input.path, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files, problems, repositories };
}
