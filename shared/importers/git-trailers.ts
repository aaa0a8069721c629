/**
 * Commit-message trailers by git's own rules (trailer.c of git 2.39, as `git log --format=%(trailers:only,unfold)`
 * prints them), so a history read without the system git finds the same trailers as git:
 * - the block is the message's last paragraph (after the title), ignoring a trailing run of `#` comment lines,
 *   blank lines and an old `Conflicts:` list, and everything after a `# --- >8 ---` scissors line;
 * - it counts when all its lines are trailers, or when it holds a git-generated line (`Signed-off-by: `,
 *   `(cherry picked from commit `) and at least 25 % of its lines are trailers;
 * - a trailer is `Token: value` (token of letters, digits and `-`, spaces allowed before `:`); lines starting with
 *   white space continue the trailer above; other lines of the block are kept by git but are not trailers.
 * - a `trailer.<token>.*` setting of the repository or user (`TrailerItem`: key, where, command, …) makes a line whose
 *   token begins that token or its key count as git-generated, and `trailer.<token>.key` prints such a token as the
 *   key (`sign: Ana` → `Signed-off-by: Ana` with `trailer.sign.key = Signed-off-by`), as trailer.c does.
 * Git's separators `:` and comment character `#` are assumed (both runners set them: git-log-format.ts).
 */
import type { Trailer } from '../model/records';

/** A `trailer.<token>` configured in git's settings: its token, and `trailer.<token>.key` where set. */
export interface TrailerItem {
  readonly name: string;
  readonly key?: string;
}

const COMMENT = '#';
const GIT_GENERATED = ['Signed-off-by: ', '(cherry picked from commit '];
const CUT_LINE = '------------------------ >8 ------------------------\n';

/** Git's isspace: space, tab, LF, CR (not VT or FF). */
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isAlnum = (c: string) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

/** strbuf_trim: git's white space off both ends. */
export function gitTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

/** The position of the `:` ending a trailer token at the start of `line`, else -1. */
function findSeparator(line: string): number {
  let whitespace = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (c === ':') return i;
    if (!whitespace && (isAlnum(c) || c === '-')) continue;
    if (i !== 0 && (c === ' ' || c === '\t')) {
      whitespace = true;
      continue;
    }
    break;
  }
  return -1;
}

const nextLine = (buf: string, at: number) => {
  const nl = buf.indexOf('\n', at);
  return nl === -1 ? buf.length : nl + 1;
};

/** The start of the last line before `len` (a final `\n` belongs to its line), -1 when there is none. */
function lastLine(buf: string, len: number): number {
  if (len === 0) return -1;
  if (len === 1) return 0;
  const nl = buf.lastIndexOf('\n', len - 2);
  return nl === -1 ? 0 : nl + 1;
}

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** strncasecmp(tok, word, len) === 0: the first `len` characters of `tok` begin `word` (ASCII case ignored). */
const beginsWord = (tok: string, word: string, len: number) =>
  word.length >= len && asciiLower(tok.slice(0, len)) === asciiLower(word.slice(0, len));

/** token_matches_item: `tok`'s first `len` characters begin the item's token or its key. */
const matchesItem = (tok: string, item: TrailerItem, len: number) =>
  beginsWord(tok, item.name, len) || (item.key !== undefined && beginsWord(tok, item.key, len));

/** trailer.c's is_blank_line: only white space up to the end of the line. */
function isBlankLine(buf: string, at: number): boolean {
  let i = at;
  while (i < buf.length && buf[i] !== '\n' && isSpace(buf[i])) i += 1;
  return i === buf.length || buf[i] === '\n';
}

/** wt_status_locate_end: where a scissors line cuts the message. */
function locateEnd(buf: string): number {
  const pattern = `\n${COMMENT} ${CUT_LINE}`;
  if (buf.startsWith(pattern.slice(1))) return 0;
  const at = buf.indexOf(pattern);
  return at === -1 ? buf.length : at + 1;
}

/** ignore_non_trailer: the length of the trailing comments, blank lines and `Conflicts:` block. */
function ignoredTail(buf: string): number {
  const cutoff = locateEnd(buf);
  let boc = 0;
  let inConflicts = false;
  for (let bol = 0; bol < cutoff; bol = nextLine(buf, bol)) {
    if (buf[bol] === COMMENT || buf[bol] === '\n') {
      if (!boc) boc = bol;
    } else if (buf.startsWith('Conflicts:\n', bol)) {
      inConflicts = true;
      if (!boc) boc = bol;
    } else if (inConflicts && buf[bol] === '\t') {
      // a path of the conflicts list
    } else if (boc) {
      boc = 0;
      inConflicts = false;
    }
  }
  return boc ? buf.length - boc : buf.length - cutoff;
}

/** find_trailer_start: where the trailer block of `buf[0, len)` starts, `len` when it has none. */
function findTrailerStart(buf: string, len: number, items: ReadonlyArray<TrailerItem>): number {
  let title = 0;
  while (title < len && (buf[title] === COMMENT || !isBlankLine(buf, title))) title = nextLine(buf, title);
  let onlySpaces = true;
  let recognized = false;
  let trailers = 0;
  let others = 0;
  let continuations = 0;
  for (let l = lastLine(buf, len); l >= title; l = lastLine(buf, l)) {
    if (buf[l] === COMMENT) {
      others += continuations;
      continuations = 0;
    } else if (isBlankLine(buf, l)) {
      if (onlySpaces) continue;
      others += continuations;
      if ((recognized && trailers * 3 >= others) || (trailers > 0 && others === 0)) return nextLine(buf, l);
      return len;
    } else if (GIT_GENERATED.some((prefix) => buf.startsWith(prefix, l))) {
      onlySpaces = false;
      trailers += 1;
      continuations = 0;
      recognized = true;
    } else {
      onlySpaces = false;
      const line = buf.slice(l, nextLine(buf, l));
      const separator = findSeparator(line);
      if (separator >= 1 && !isSpace(line[0])) {
        trailers += 1;
        continuations = 0;
        recognized ||= items.some((item) => matchesItem(line, item, separator));
      } else if (isSpace(line[0])) continuations += 1;
      else {
        others += 1 + continuations;
        continuations = 0;
      }
    }
  }
  return len;
}

/** pretty.c's skip_blank_lines: past the lines of white space only. */
export function skipBlankLines(message: string, from = 0): number {
  let at = from;
  while (at < message.length) {
    const end = nextLine(message, at);
    if (gitTrim(message.slice(at, end)) !== '') break;
    at = end;
  }
  return at;
}

/** The lines of the trailer block, a continued trailer joined with its continuation lines. */
function blockEntries(message: string, items: ReadonlyArray<TrailerItem>): string[] {
  const buf = message.slice(skipBlankLines(message));
  const end = buf.length - ignoredTail(buf);
  const start = findTrailerStart(buf, end, items);
  const entries: string[] = [];
  let last = -1;
  for (let at = start; at < end;) {
    const next = Math.min(nextLine(buf, at), end);
    const line = buf.slice(at, next);
    at = next;
    if (last !== -1 && isSpace(line[0])) entries[last] += line;
    else {
      entries.push(line);
      last = findSeparator(line) >= 1 ? entries.length - 1 : -1;
    }
  }
  return entries;
}

/** unfold_value: every line break with the white space after it becomes one space. */
function unfold(value: string): string {
  return gitTrim(value.replace(/\n[ \t\n\r]*/g, ' '));
}

/** parse_trailer's token: trimmed, then the key of the first configured item it matches (without its end). */
function tokenOf(raw: string, items: ReadonlyArray<TrailerItem>): string {
  const tok = gitTrim(raw);
  let len = tok.length;
  while (len > 0 && !isAlnum(tok[len - 1] as string)) len -= 1;
  const item = items.find((i) => matchesItem(tok, i, len));
  return item?.key ?? tok;
}

/** The trailers of a raw commit message (`%B`), as git finds them with the `trailer.<token>` settings `items`. */
export function gitTrailers(message: string, items: ReadonlyArray<TrailerItem> = []): ReadonlyArray<Trailer> {
  const trailers: Trailer[] = [];
  for (const entry of blockEntries(message, items)) {
    const at = findSeparator(entry);
    if (at >= 1)
      trailers.push({ key: tokenOf(entry.slice(0, at), items), value: unfold(gitTrim(entry.slice(at + 1))) });
  }
  return trailers;
}

/** What `%(trailers:only,unfold)` prints for a raw commit message: `Key: value\n` per trailer. */
export function formatTrailers(message: string): string {
  return formatTrailersWith([])(message);
}

/** `formatTrailers` as git prints it with the `trailer.<token>` settings `items`. */
export function formatTrailersWith(items: ReadonlyArray<TrailerItem>): (message: string) => string {
  return (message) =>
    gitTrailers(message, items)
      .map((t) => `${t.key}: ${t.value}\n`)
      .join('');
}

/** The trailers in `%(trailers:only,unfold)` output. */
export function parseTrailerLines(text: string): ReadonlyArray<Trailer> {
  const trailers: Trailer[] = [];
  for (const line of text.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) trailers.push({ key: line.slice(0, at), value: line.slice(at + 2) });
  }
  return trailers;
}
