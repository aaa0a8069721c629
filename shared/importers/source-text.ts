/**
 * Code, configuration and documentation files in a project's repository (dbt models and macros, Python, shell,
 * TOML, INI, Markdown, …) are not evidence: their history is the Git history, and a dbt model's lineage comes from
 * the manifest that points at it. They are recognized by their extension and their content together — the content
 * must not be JSON (a `.sql` file holding JSON is read as JSON), and without a known extension only unmistakable
 * content counts (a Jinja tag opening the file, a `#!` line, a TOML/INI section with `key = value` lines). Such a
 * file is skipped with a reason, never read as a CSV (a one-line `SELECT a, b FROM t;` has commas) nor rejected as
 * "JSON that does not parse" (`{{ config(…) }}` opens with a brace).
 */
import { eachLine, looksBinary, tryParse } from './json-input';
import { clip } from './timestamps';

/** What the kinds of code file are called in a reason, by extension (lower case, without the dot). */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  sql: 'SQL',
  py: 'Python source code',
  pyi: 'Python source code',
  r: 'R source code',
  scala: 'Scala source code',
  java: 'Java source code',
  kt: 'Kotlin source code',
  go: 'Go source code',
  rs: 'Rust source code',
  rb: 'Ruby source code',
  js: 'JavaScript source code',
  mjs: 'JavaScript source code',
  cjs: 'JavaScript source code',
  ts: 'TypeScript source code',
  tsx: 'TypeScript source code',
  jsx: 'JavaScript source code',
  c: 'C source code',
  h: 'C source code',
  cpp: 'C++ source code',
  cs: 'C# source code',
  php: 'PHP source code',
  lua: 'Lua source code',
  sh: 'a shell script',
  bash: 'a shell script',
  zsh: 'a shell script',
  ps1: 'a PowerShell script',
  bat: 'a batch script',
  jinja: 'a Jinja template',
  jinja2: 'a Jinja template',
  j2: 'a Jinja template',
  toml: 'TOML configuration',
  ini: 'INI configuration',
  cfg: 'INI configuration',
  conf: 'configuration',
  properties: 'Java properties',
  md: 'Markdown documentation',
  markdown: 'Markdown documentation',
  rst: 'reStructuredText documentation',
  adoc: 'AsciiDoc documentation',
  html: 'HTML',
  htm: 'HTML',
  css: 'a stylesheet',
  scss: 'a stylesheet',
};

const JINJA_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/;
const JINJA_OPENING = /^\s*(\{\{|\{%|\{#)/;
const SECTION = /^\s*\[\[?[A-Za-z0-9_.\-" :]+\]\]?\s*$/;
/** `key = value`, or `key =` whose value goes on in the indented lines after it (flake8's `ignore =` list). */
const KEY_VALUE = /^\s*[A-Za-z0-9_.\-"]+\s*(?:[=:]\s*\S|=\s*$)/;

/** The extension of a file name, lower case, without the dot ('' when it has none). */
const extensionOf = (name: string): string =>
  /\.([A-Za-z0-9]+)$/.exec(name.split(/[\\/]/).pop() ?? '')?.[1]?.toLowerCase() ?? '';

/** True when the text is JSON, JSON lines, or JSON cut off by the end of `head` (not a Jinja template). */
function isJsonText(head: string, truncated: boolean): boolean {
  const start = head.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  if (JINJA_OPENING.test(start)) return false;
  if (tryParse(head).ok) return true;
  const firstLine = firstLineOf(start);
  if (tryParse(firstLine).ok && !SECTION.test(firstLine)) return true;
  return truncated && !SECTION.test(firstLine);
}

/** The first non-blank line of a text ('' for none); lines end at LF, CRLF or a bare CR, as everywhere. */
const firstLineOf = (text: string): string => eachLine(text).next().value?.text ?? '';

/** The lines that say something (not blank, not a `#` or `;` comment). */
function meaningfulLines(head: string, max: number): string[] {
  const lines: string[] = [];
  for (const { text: line } of eachLine(head)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    lines.push(t);
    if (lines.length >= max) break;
  }
  return lines;
}

/** A TOML or INI file: its first meaningful line a `[section]`, followed by `key = value` (or `key =`) lines. */
function isSectionedConfig(head: string): boolean {
  const lines = meaningfulLines(head, 20);
  if (!SECTION.test(lines[0] ?? '')) return false;
  return lines.slice(1).some((l) => KEY_VALUE.test(l));
}

/** A JSON document, a `---` line, then the rest: a template's context written before it (minijinja's test inputs). */
const FRONT_MATTER = /^\s*([{[][\s\S]*?)(?:\r\n?|\n)---(?:\r\n?|\n)/;

/** What the content alone shows, for a file without a known extension. */
function kindByContent(head: string): string | undefined {
  const front = FRONT_MATTER.exec(head)?.[1];
  if (front !== undefined && tryParse(front).ok) return 'a text with a JSON header before a "---" line (front matter)';
  if (JINJA_OPENING.test(head) && JINJA_TAG.test(head)) return 'a Jinja template';
  if (head.startsWith('#!')) return `a script (${firstLineOf(head).trim().slice(0, 60)})`;
  if (isSectionedConfig(head)) return 'TOML or INI configuration';
  return undefined;
}

/**
 * Why a file is code, configuration or documentation and not evidence, or undefined when it could be evidence.
 * `name` is the file's name or path; `head` its first characters (a 64 KB head is enough), `truncated` when the file
 * goes on past them.
 */
export function sourceTextReason(name: string, head: string, truncated = false): string | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (text.trim() === '' || looksBinary(text) || isJsonText(text, truncated)) return undefined;
  const byExtension = BY_EXTENSION[extensionOf(name)];
  const kind = byExtension ?? kindByContent(text);
  if (kind === undefined) return undefined;
  if (kind === 'SQL' && JINJA_TAG.test(text)) {
    return (
      'SQL with Jinja ({{ }}, {% %}, {# #}): a dbt model, macro, test or analysis — code, not evidence; ' +
      "the project's manifest.json carries its lineage and code"
    );
  }
  if (kind === 'SQL') return 'SQL code, not evidence: its history is the Git history, and runs report what it did';
  if (!kind.endsWith('documentation')) return `${kind}, not evidence`;
  const title = firstLineOf(text).trim();
  return `${kind} (first line: "${clip(title)}"), not evidence`;
}
