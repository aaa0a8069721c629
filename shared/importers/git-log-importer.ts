/**
 * Git history importer: parses the output of `git log` run with GIT_LOG_ARGS (git-log-format.ts)
 * into Commit records — authors, committers, dates with their offsets, changed paths, the trailers git found,
 * the refs read and the pull request a merge names. Provenance line = the commit's 1-based index in the log.
 */
import type { ChangedPath, Commit, ImportResult, ImportWarning, Rejection } from '../model/records';
import { parseCommitMessage } from './commit-message';
import { GIT_LOG_FIELD_SEP, GIT_LOG_RECORD_SEP } from './git-log-format';
import { parseTrailerLines } from './git-trailers';
import { IMPORTER_VERSION, type ImportSource } from './record-runner';
import { parseTimestamp } from './timestamps';

export interface GitLogOptions {
  /** The repository the commits belong to (its name or URL). */
  readonly repository: string;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** The fields before the message (GIT_LOG_PRETTY); the message and the changed paths follow. */
const HEADER_FIELDS = 10;
/** The offset at the end of `%ai`: `2026-01-02 03:04:05 +0530`. */
const OFFSET = / ([+-]\d{4,})$/;

/** Imports commits from `git log` output made with GIT_LOG_ARGS. */
export function importGitLog(text: string, source: ImportSource, options: GitLogOptions): ImportResult {
  const records: Commit[] = [];
  const rejections: Rejection[] = [];
  const warnings: ImportWarning[] = [];
  const chunks = text.split(GIT_LOG_RECORD_SEP);
  if (text.trim() === '') rejections.push({ sourceName: source.name, reason: 'empty git log (no commits)' });
  else if ((chunks[0] ?? '').trim() !== '') {
    rejections.push({
      sourceName: source.name,
      reason: 'text before the first commit: not git log output made with GIT_LOG_ARGS',
    });
  }
  for (let i = 1; i < chunks.length; i += 1) {
    const outcome = parseCommit(chunks[i] ?? '', options.repository, { sourceId: source.id, line: i });
    if ('reason' in outcome) rejections.push({ sourceName: source.name, line: i, reason: outcome.reason });
    else {
      records.push(outcome.commit);
      for (const message of outcome.warnings) warnings.push({ sourceName: source.name, line: i, message });
    }
  }
  return { importer: 'git-log', importerVersion: IMPORTER_VERSION, detected: 'git-log', records, rejections, warnings };
}

export type CommitOutcome =
  { readonly commit: Commit; readonly warnings: ReadonlyArray<string> } | { readonly reason: string };

/** Parses one commit record (the text after a GIT_LOG_RECORD_SEP). */
export function parseCommit(chunk: string, repository: string, provenance: Commit['provenance']): CommitOutcome {
  const parts = chunk.split(GIT_LOG_FIELD_SEP);
  if (parts.length < HEADER_FIELDS + 2) {
    return { reason: `commit record has ${parts.length} fields, expected ${HEADER_FIELDS + 2}` };
  }
  const [sha = '', parents = '', authorName = '', authorEmail = '', authorDate = '', ...rest] = parts;
  const [committerName = '', committerEmail = '', committerDate = '', decoration = '', trailerText = ''] = rest;
  if (!SHA.test(sha)) return { reason: `"${sha.slice(0, 80)}" is not a commit SHA` };
  const author = parseTimestamp(authorDate);
  const committer = parseTimestamp(committerDate);
  if (!author.ok) return { reason: `author date ${author.reason}` };
  if (!committer.ok) return { reason: `committer date ${committer.reason}` };
  const warnings: string[] = [];
  // The message is everything up to the last separator (a message may hold the separator); the paths follow it.
  const message = parts.slice(HEADER_FIELDS, -1).join(GIT_LOG_FIELD_SEP);
  const changedPaths = parseNameStatus(parts[parts.length - 1] ?? '', warnings);
  const { subject, body, pullRequest } = parseCommitMessage(message);
  const trailers = parseTrailerLines(trailerText);
  const refs = parseDecoration(decoration);
  const authorTimezone = OFFSET.exec(authorDate)?.[1];
  const committerTimezone = OFFSET.exec(committerDate)?.[1];
  const commit: Commit = {
    kind: 'commit',
    repository,
    sha,
    parents: parents.split(' ').filter((p) => p !== ''),
    authorName,
    authorEmail,
    authorDate: author.iso,
    ...(authorTimezone !== undefined && { authorTimezone }),
    committerName,
    committerEmail,
    committerDate: committer.iso,
    ...(committerTimezone !== undefined && { committerTimezone }),
    subject,
    body,
    trailers,
    changedPaths,
    ...(pullRequest !== undefined && { pullRequest }),
    ...(refs.length > 0 && { refs }),
    provenance,
  };
  return { commit, warnings };
}

/**
 * `%D` with `--decorate=full`: `HEAD -> refs/heads/main, tag: refs/tags/v1, refs/pull/7/head` → the full ref names,
 * sorted (git's own order depends on the reader), `HEAD -> refs/heads/main` kept whole where HEAD is on a branch.
 */
export function parseDecoration(text: string): ReadonlyArray<string> {
  return text
    .split(', ')
    .map((r) => r.trim().replace(/^tag: /, ''))
    .filter((r) => r !== '')
    .sort();
}

/** `--name-status -z` output: `X\0path\0`, or `R100\0old\0new\0` for renames and copies. */
export function parseNameStatus(text: string, warnings: string[]): ReadonlyArray<ChangedPath> {
  const tokens = text.replace(/^\n/, '').split('\0');
  const paths: ChangedPath[] = [];
  let i = 0;
  while (i < tokens.length) {
    const status = (tokens[i] ?? '').trim();
    i += 1;
    if (status === '') continue;
    if (!/^[ACDMRTUXB]\d*$/.test(status)) {
      warnings.push(`unreadable change status "${status.slice(0, 20)}"; changed paths may be incomplete`);
      break;
    }
    const letter = status[0] ?? '';
    if (letter === 'R' || letter === 'C') {
      const previousPath = tokens[i] ?? '';
      const path = tokens[i + 1] ?? '';
      i += 2;
      paths.push({ status: letter, path, previousPath });
    } else {
      paths.push({ status: letter, path: tokens[i] ?? '' });
      i += 1;
    }
  }
  return paths;
}
