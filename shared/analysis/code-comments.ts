/**
 * Comments in changed lines: a change that only adds, removes or rewords comments cannot change what a job
 * computes. The comment syntax is the file type's own (SQL `--` and `/* … *\/`, Jinja `{# … #}`, `#` in Python,
 * YAML, shell and R, `//` in the C family), told by the file's extension; an unknown type keeps every line.
 */

interface CommentStyle {
  readonly line: ReadonlyArray<string>;
  readonly blocks: ReadonlyArray<readonly [string, string]>;
}

const HASH: CommentStyle = { line: ['#'], blocks: [] };
const C_FAMILY: CommentStyle = { line: ['//'], blocks: [['/*', '*/']] };
const STYLES: Readonly<Record<string, CommentStyle>> = {
  sql: {
    line: ['--'],
    blocks: [
      ['/*', '*/'],
      ['{#', '#}'],
    ],
  },
  py: HASH,
  yaml: HASH,
  yml: HASH,
  toml: HASH,
  sh: HASH,
  r: HASH,
  rb: HASH,
  tf: HASH,
  cfg: HASH,
  ini: { line: ['#', ';'], blocks: [] },
  conf: HASH,
  js: C_FAMILY,
  ts: C_FAMILY,
  java: C_FAMILY,
  scala: C_FAMILY,
  kt: C_FAMILY,
  go: C_FAMILY,
  rs: C_FAMILY,
  cs: C_FAMILY,
  c: C_FAMILY,
  cpp: C_FAMILY,
};

/** The comment syntax of a path's file type, where it is known. */
export function commentStyle(path: string): CommentStyle | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? STYLES[ext] : undefined;
}

/** A line without its comments (markers inside single or double quotes are text, not comments). */
export function withoutComments(line: string, style: CommentStyle): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
      continue;
    }
    if (style.line.some((m) => line.startsWith(m, i))) break;
    const block = style.blocks.find(([open]) => line.startsWith(open, i));
    if (block) {
      const end = line.indexOf(block[1], i + block[0].length);
      if (end < 0) break;
      i = end + block[1].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Changed diff lines (`+`/`-` prefixed) of a path with their comments removed; a line that was only a comment
 * becomes empty. Lines of a file type whose comment syntax is not known are kept as they are.
 */
export function codeOfDiff(diff: string, path: string): string {
  const style = commentStyle(path);
  if (!style) return diff;
  return diff
    .split('\n')
    .map((l) => (/^[+-]/.test(l) ? `${l[0]}${withoutComments(l.slice(1), style)}` : l))
    .join('\n');
}
