/**
 * Reading a commit message: subject and body as `git log` prints them (`%s`, `%b`), trailers by git's rules
 * (git-trailers.ts) and the pull/merge request the message names.
 */
import type { Trailer } from '../model/records';
import { gitTrailers, skipBlankLines } from './git-trailers';

export interface CommitMessage {
  readonly subject: string;
  readonly body: string;
  readonly trailers: ReadonlyArray<Trailer>;
  readonly pullRequest?: number;
}

/** GitHub merges, squash merges (`Title (#123)`), Bitbucket merges, GitLab merges; where each is looked for. */
const PR_PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly in: 'subject' | 'message' }> = [
  { pattern: /^Merge pull request #(\d+) from /, in: 'subject' },
  { pattern: /\(#(\d+)\)$/, in: 'subject' },
  { pattern: /\(pull request #(\d+)\)/, in: 'subject' },
  { pattern: /^See merge request [\w.\-/]+!(\d+)\s*$/m, in: 'message' },
];

/** Splits a raw commit message (`%B`) into subject, body, trailers and the pull request it names. */
export function parseCommitMessage(raw: string): CommitMessage {
  const { subject, bodyStart } = gitSubject(raw);
  const body = raw.slice(bodyStart).replace(/\r\n/g, '\n').trim();
  const trailers = gitTrailers(raw);
  const pullRequest = pullRequestOf(subject, raw.replace(/\r\n/g, '\n'));
  return { subject, body, trailers, ...(pullRequest !== undefined && { pullRequest }) };
}

/**
 * `%s` as git prints it: the first paragraph after any blank lines, its lines joined by a space with their trailing
 * white space removed; leading spaces and a byte-order mark stay (git keeps them). `bodyStart` is where `%b` begins.
 */
export function gitSubject(raw: string): { readonly subject: string; readonly bodyStart: number } {
  const lines: string[] = [];
  let at = skipBlankLines(raw);
  while (at < raw.length) {
    const nl = raw.indexOf('\n', at);
    const end = nl === -1 ? raw.length : nl + 1;
    const line = raw.slice(at, end);
    at = end;
    const kept = line.replace(/[ \t\n\r]+$/, '');
    if (kept === '') break;
    lines.push(kept);
  }
  return { subject: lines.join(' '), bodyStart: skipBlankLines(raw, at) };
}

/** The pull request number a merge or squash commit names, if any. */
export function pullRequestOf(subject: string, message: string): number | undefined {
  for (const { pattern, in: where } of PR_PATTERNS) {
    const match = pattern.exec(where === 'subject' ? subject : message);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}
