/**
 * The `trailer.<token>.*` settings git applies when it prints a commit's trailers (`%(trailers)`), read from the files
 * the app's git reads — the user's (`~/.config/git/config`, then `~/.gitconfig`; the system file is skipped, as
 * GIT_CONFIG_NOSYSTEM tells git) and the repository's (`config` of the common Git directory) — so that isomorphic-git
 * finds and names trailers as git does (git-trailers.ts). Items keep git's order: first defined first, one per token
 * (tokens compared without case), the last `key` set winning. `[include]` files are not followed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TrailerItem } from '../../shared/importers/git-trailers.js';

/** The variables of `trailer.<token>` that make it a configured item (trailer.c's trailer_config_items). */
const ITEM_VARIABLES = new Set(['key', 'command', 'cmd', 'where', 'ifexists', 'ifmissing']);

/** One `section.subsection.name = value` of a git configuration file (names lower case but the subsection). */
interface ConfigEntry {
  readonly section: string;
  readonly subsection?: string;
  readonly name: string;
  readonly value: string;
}

/** A git configuration value: quotes removed, `\"`, `\\`, `\n`, `\t` unescaped, a `#` or `;` comment cut. */
function configValue(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i] as string;
    if (c === '\\') {
      const next = raw[i + 1] ?? '';
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next;
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return quoted ? out : out.replace(/[ \t]+$/, '');
}

/** The entries of a git configuration file's text, in order. */
export function configEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  let section = '';
  let subsection: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\](.*)$/.exec(line);
    if (header) {
      const name = header[1] as string;
      const dot = name.indexOf('.');
      section = (dot === -1 ? name : name.slice(0, dot)).toLowerCase();
      // `[section "sub"]` keeps the subsection's case; the old `[section.sub]` form lowers it.
      if (header[2] !== undefined) subsection = header[2].replace(/\\(.)/g, '$1');
      else subsection = dot === -1 ? undefined : name.slice(dot + 1).toLowerCase();
      line = (header[3] as string).trim(); // a variable may follow the header on its line
    }
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const variable = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!variable || section === '') continue;
    entries.push({
      section,
      ...(subsection !== undefined && { subsection }),
      name: (variable[1] as string).toLowerCase(),
      value: variable[2] === undefined ? 'true' : configValue(variable[2]),
    });
  }
  return entries;
}

/** The configured trailer items of these configuration texts, read in order as git reads its files. */
export function trailerItems(texts: ReadonlyArray<string>): TrailerItem[] {
  const items: Array<{ name: string; key?: string }> = [];
  for (const text of texts) {
    for (const entry of configEntries(text)) {
      if (entry.section !== 'trailer' || entry.subsection === undefined || !ITEM_VARIABLES.has(entry.name)) continue;
      const token = entry.subsection;
      let item = items.find((i) => i.name.toLowerCase() === token.toLowerCase());
      if (!item) items.push((item = { name: token }));
      if (entry.name === 'key') item.key = entry.value;
    }
  }
  return items;
}

/** The trailer items git applies in the repository whose common Git directory is `gitdir`. */
export function repositoryTrailerItems(gitdir: string, env: NodeJS.ProcessEnv = process.env): TrailerItem[] {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const files = [join(home, '.config', 'git', 'config'), join(home, '.gitconfig'), join(gitdir, 'config')];
  return trailerItems(files.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')));
}
