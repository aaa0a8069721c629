/**
 * The `git log` invocation the main process runs and shared/importers/git-log-importer.ts parses.
 * Fields are separated by the unit separator (0x1f), commits start with the record separator (0x1e);
 * `--name-status -z` lists changed paths NUL-separated after the header.
 */
export const GIT_LOG_FIELD_SEP = '\x1f';
export const GIT_LOG_RECORD_SEP = '\x1e';

/**
 * %H sha, %P parents, %an %ae %aI author, %cn %ce %cI committer, %D the refs pointing at the commit (full names,
 * `HEAD -> refs/heads/main` where HEAD is on a branch, `tag: refs/tags/v1`), %B raw body.
 */
export const GIT_LOG_PRETTY = `${GIT_LOG_RECORD_SEP}%H${GIT_LOG_FIELD_SEP}%P${GIT_LOG_FIELD_SEP}%an${GIT_LOG_FIELD_SEP}%ae${GIT_LOG_FIELD_SEP}%aI${GIT_LOG_FIELD_SEP}%cn${GIT_LOG_FIELD_SEP}%ce${GIT_LOG_FIELD_SEP}%cI${GIT_LOG_FIELD_SEP}%D${GIT_LOG_FIELD_SEP}%B${GIT_LOG_FIELD_SEP}`;

/**
 * Arguments after `git` (run in the repository): every commit of every ref (branches, tags, remote branches,
 * pull-request refs, HEAD), newest first, each with every ref that points at it; a merge lists the paths it changed
 * against its first parent (what the merged branch brought).
 */
export const GIT_LOG_ARGS: ReadonlyArray<string> = [
  'log',
  '--all',
  '--date-order',
  '--no-renames',
  '--decorate=full',
  '--decorate-refs=refs/',
  '--decorate-refs=HEAD',
  '--name-status',
  '-z',
  '--diff-merges=first-parent',
  `--pretty=format:${GIT_LOG_PRETTY}`,
];
