/**
 * The `git log` invocation the main process runs and shared/importers/git-log-importer.ts parses.
 * Fields are separated by the unit separator (0x1f), commits start with the record separator (0x1e);
 * `--name-status -z` lists changed paths NUL-separated after the header.
 */
export const GIT_LOG_FIELD_SEP = '\x1f';
export const GIT_LOG_RECORD_SEP = '\x1e';

const FIELDS = [
  '%H', // sha
  '%P', // parents
  '%an',
  '%ae',
  '%ai', // author date with the offset as recorded: 2026-01-02 03:04:05 +0530
  '%cn',
  '%ce',
  '%ci',
  '%D', // the read refs pointing at the commit (full names, `HEAD -> refs/heads/main`, `tag: refs/tags/v1`)
  '%(trailers:only,unfold)', // the trailers git finds, `Key: value` a line
  '%B', // the raw message
];

/** The header of one commit: FIELDS separated by GIT_LOG_FIELD_SEP, the message last, then the changed paths. */
export const GIT_LOG_PRETTY = `${GIT_LOG_RECORD_SEP}${FIELDS.join(GIT_LOG_FIELD_SEP)}${GIT_LOG_FIELD_SEP}`;

/**
 * `-c` settings placed before GIT_LOG_ARGS (by both git runners) so that a user's or repository's configuration does
 * not change what the log prints: messages re-encoded to UTF-8, trailers found with git's default comment character
 * and separator (which is what git-trailers.ts follows for isomorphic-git), no colours, no signatures, paths as is.
 */
export const GIT_LOG_CONFIG: ReadonlyArray<string> = [
  '-c',
  'color.ui=false',
  '-c',
  'log.showSignature=false',
  '-c',
  'core.quotePath=false',
  '-c',
  'i18n.logOutputEncoding=UTF-8',
  '-c',
  'core.commentChar=#',
  '-c',
  'trailer.separators=:',
];

/**
 * The refs whose history is read, and the only refs `%D` names: local branches, remote-tracking branches, tags,
 * pull-request refs (GitHub `refs/pull/N/head|merge`, GitLab `refs/merge-requests/N/head`) and HEAD. Others
 * (`refs/notes`, `refs/stash`, `refs/original` after a rewrite, `refs/prefetch`, `refs/replace`, hosting-specific
 * `refs/keep-around` …) are not read: they hold notes, stashes or old copies, not changes of the code.
 */
export const GIT_REF_NAMESPACES: ReadonlyArray<string> = [
  'refs/heads',
  'refs/remotes',
  'refs/tags',
  'refs/pull',
  'refs/merge-requests',
];

/**
 * Arguments after `git` (run in the repository): every commit of the refs above, in byte order of their names, then
 * HEAD (`--exclude=refs/* --all` is HEAD alone, and nothing where HEAD names no commit yet) — the order `--all` gave
 * them —, newest first, each with the read refs that point at it; a merge lists the paths it changed against its
 * first parent (what the merged branch brought).
 */
export const GIT_LOG_ARGS: ReadonlyArray<string> = [
  'log',
  '--branches',
  '--glob=refs/merge-requests/*',
  '--glob=refs/pull/*',
  '--remotes',
  '--tags',
  '--exclude=refs/*',
  '--all',
  '--date-order',
  '--no-renames',
  '--decorate=full',
  ...GIT_REF_NAMESPACES.map((ns) => `--decorate-refs=${ns}`),
  '--decorate-refs=HEAD',
  '--name-status',
  '-z',
  '--diff-merges=first-parent',
  `--pretty=format:${GIT_LOG_PRETTY}`,
];
