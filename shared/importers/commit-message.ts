/**
 * Reading a commit message: subject and body, trailers (`Key: value` lines of the last paragraph,
 * as `git interpret-trailers` finds them) and the pull/merge request the message names.
 */
import type { Trailer } from '../model/records';

export interface CommitMessage {
  readonly subject: string;
  readonly body: string;
  readonly trailers: ReadonlyArray<Trailer>;
  readonly pullRequest?: number;
}

const TRAILER = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/;
/** GitHub merges, squash merges (`Title (#123)`), Bitbucket merges, GitLab merges; where each is looked for. */
const PR_PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly in: 'subject' | 'message' }> = [
  { pattern: /^Merge pull request #(\d+) from /, in: 'subject' },
  { pattern: /\(#(\d+)\)$/, in: 'subject' },
  { pattern: /\(pull request #(\d+)\)/, in: 'subject' },
  { pattern: /^See merge request [\w.\-/]+!(\d+)\s*$/m, in: 'message' },
];

/** Splits a raw commit message (`%B`) into subject, body, trailers and the pull request it names. */
export function parseCommitMessage(raw: string): CommitMessage {
  const text = raw.replace(/\r\n/g, '\n').trim();
  const paragraphs = text.split(/\n\s*\n/);
  const subject = (paragraphs[0] ?? '').split('\n').join(' ').trim();
  const body = paragraphs.slice(1).join('\n\n').trim();
  const trailers = paragraphs.length > 1 ? parseTrailers(paragraphs[paragraphs.length - 1] ?? '') : [];
  const pullRequest = pullRequestOf(subject, text);
  return { subject, body, trailers, ...(pullRequest !== undefined && { pullRequest }) };
}

/** The trailers of one paragraph, or none when any line of it is not a trailer (or its continuation). */
export function parseTrailers(paragraph: string): ReadonlyArray<Trailer> {
  const trailers: { key: string; value: string }[] = [];
  for (const line of paragraph.split('\n')) {
    const last = trailers[trailers.length - 1];
    if (/^\s+\S/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const match = TRAILER.exec(line);
    if (!match || /^https?$/i.test(match[1] ?? '')) return [];
    trailers.push({ key: match[1] ?? '', value: (match[2] ?? '').trim() });
  }
  return trailers;
}

/** The pull request number a merge or squash commit names, if any. */
export function pullRequestOf(subject: string, message: string): number | undefined {
  for (const { pattern, in: where } of PR_PATTERNS) {
    const match = pattern.exec(where === 'subject' ? subject : message);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}
