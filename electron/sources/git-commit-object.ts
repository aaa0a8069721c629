/**
 * A raw commit object read as `git log` reads it (git 2.39: commit.c, pretty.c, ident.c, date.c), so the
 * isomorphic-git reader prints what the system git prints:
 * - the object is re-encoded from its `encoding` header to UTF-8 (`i18n.logOutputEncoding=UTF-8`); without the
 *   header, or where the bytes do not convert, the bytes are kept as they are;
 * - `%an %ae %ai` come from the last `author` header line (likewise committer), split as git splits an ident;
 * - `%B` is the message exactly as stored (no newline added or removed, carriage returns kept);
 * - the date `--date-order` sorts by is read where git reads it (the committer line right after the author).
 */
import { formatTrailers } from '../../shared/importers/git-trailers.js';

export interface CommitObject {
  readonly tree: string;
  readonly parents: ReadonlyArray<string>;
  /** The committer time `--date-order` uses (0 where git finds none). */
  readonly time: number;
  readonly authorName: string;
  readonly authorEmail: string;
  /** `%ai`: `2026-01-02 03:04:05 +0530`, empty where the ident is broken. */
  readonly authorDate: string;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly committerDate: string;
  /** `%(trailers:only,unfold)`. */
  readonly trailers: string;
  /** `%B`. */
  readonly message: string;
}

const LATIN1 = /^(iso-?8859-1|iso_8859-1|latin-?1|l1|cp819|ibm819)$/i;
const UTF8 = /^utf-?8$/i;

/** The object's text after git's re-encoding to UTF-8. */
export function decodeCommit(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = raw.indexOf('\n\n');
  const header = raw.subarray(0, headerEnd === -1 ? raw.length : headerEnd).toString('latin1');
  const encoding = /^encoding (.*)$/m.exec(header)?.[1];
  if (encoding && !UTF8.test(encoding)) {
    if (LATIN1.test(encoding)) return raw.toString('latin1');
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(raw);
    } catch {
      // git keeps the bytes where iconv cannot convert them
    }
  }
  return new TextDecoder('utf-8').decode(raw);
}

/**
 * Parses a commit object's bytes as `git log` reads them; `trailers` prints its trailers (by default with git's
 * defaults: `formatTrailersWith(items)` for a repository with `trailer.<token>` settings).
 */
export function parseCommitObject(
  bytes: Uint8Array,
  trailers: (message: string) => string = formatTrailers,
): CommitObject {
  const text = cutAtNul(decodeCommit(bytes));
  const lines = text.split('\n');
  const headerLines: string[] = [];
  for (const line of lines) {
    if (line === '') break;
    headerLines.push(line);
  }
  const blank = headerLines.reduce((n, l) => n + l.length + 1, 0);
  const message = blank < text.length ? text.slice(blank + 1) : '';
  const tree = /^tree (\S+)/.exec(headerLines[0] ?? '')?.[1] ?? '';
  const parents: string[] = [];
  let i = 1;
  for (; i < headerLines.length && headerLines[i]?.startsWith('parent '); i += 1) {
    parents.push((headerLines[i] as string).slice('parent '.length, 'parent '.length + 40));
  }
  const last = (key: string) =>
    headerLines
      .filter((l) => l.startsWith(key))
      .pop()
      ?.slice(key.length) ?? '';
  const author = splitIdent(last('author '));
  const committer = splitIdent(last('committer '));
  return {
    tree,
    parents,
    time: commitDate(headerLines.slice(i)),
    authorName: author.name,
    authorEmail: author.email,
    authorDate: author.date,
    committerName: committer.name,
    committerEmail: committer.email,
    committerDate: committer.date,
    trailers: trailers(message),
    message,
  };
}

/** Git reads the object as a C string: nothing after a NUL byte. */
const cutAtNul = (text: string) => {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
};

/** parse_commit_date: the committer line must follow the author line; the time follows its first `>`. */
function commitDate(rest: ReadonlyArray<string>): number {
  if (!rest[0]?.startsWith('author') || !rest[1]?.startsWith('committer')) return 0;
  const line = rest[1];
  const gt = line.indexOf('>');
  if (gt === -1) return 0;
  const digits = /^[ \t\n\r\v\f]*\+?(\d+)/.exec(line.slice(gt + 1));
  return digits ? Number(digits[1]) : 0;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** split_ident_line and `%an %ae %ai`: empty fields where git finds no `<…>`. */
function splitIdent(line: string): { name: string; email: string; date: string } {
  const lt = line.indexOf('<');
  if (lt === -1) return { name: '', email: '', date: '' };
  let nameEnd = lt - 1;
  while (nameEnd >= 0 && isSpace(line[nameEnd])) nameEnd -= 1;
  const gt = line.indexOf('>', lt + 1);
  if (gt === -1) return { name: '', email: '', date: '' };
  const name = line.slice(0, nameEnd + 1);
  const email = line.slice(lt + 1, gt);
  // A date needs its seconds and a signed offset after the last `>`; without them git prints no date.
  const when = /^[ \t\n\r]*(\d+)[ \t\n\r]*([+-]\d+)/.exec(line.slice(line.lastIndexOf('>') + 1));
  return { name, email, date: when ? isoDate(Number(when[1]), offsetValue(when[2] as string)) : '' };
}

/** strtol of `+0530` → 530, 0 where it does not fit an int (as git does). */
function offsetValue(text: string): number {
  const value = Number(text);
  return value >= 2 ** 31 - 1 || value <= -(2 ** 31) ? 0 : value;
}

/** show_date(DATE_ISO8601): the local time at the offset, then the offset as `%+05d`. */
function isoDate(seconds: number, offset: number): string {
  // Past year 9999 (where git's date_overflows or its %04d year would differ) the epoch in UTC.
  const fits = seconds <= 253402300799;
  const tz = fits ? offset : 0;
  const abs = Math.abs(tz);
  const minutes = Math.sign(tz) * (Math.floor(abs / 100) * 60 + (abs % 100));
  const local = new Date(((fits ? seconds : 0) + minutes * 60) * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${tz < 0 ? '-' : '+'}${String(abs).padStart(4, '0')}`;
}
