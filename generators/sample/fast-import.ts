/** The history as a `git fast-import` stream, so Git writes 20k commits in seconds and names them by SHA. */
import type { History } from './history';
import { gitRawDate } from './time';

const encoder = new TextEncoder();
const data = (text: string) => `data ${encoder.encode(text).length}\n${text}\n`;
const ident = (p: { name: string; email: string }) => `${p.name} <${p.email}>`;

/**
 * Yields the stream one commit at a time. Merged branches are deleted after their merge (as GitHub does
 * on merge); branches of open or closed pull requests stay. `--export-marks` gives mark → SHA.
 */
export function* fastImportStream(history: History): Generator<string> {
  for (const c of history.commits) {
    let out = `commit ${c.ref}\nmark :${c.mark}\n`;
    out += `author ${ident(c.author)} ${gitRawDate(c.ms, c.author.offsetMinutes)}\n`;
    out += `committer ${ident(c.committer)} ${gitRawDate(c.ms, c.committer.offsetMinutes)}\n`;
    out += data(c.message);
    const [first, ...merged] = c.parents;
    if (first !== undefined) out += `from :${first}\n`;
    for (const m of merged) out += `merge :${m}\n`;
    for (const ch of c.changes) {
      out += ch.content === null ? `D ${ch.path}\n` : `M 100644 inline ${ch.path}\n${data(ch.content)}`;
    }
    yield `${out}\n`;
    if (c.deletesRef) yield `reset ${c.deletesRef}\nfrom ${'0'.repeat(40)}\n\n`;
  }
  yield 'done\n';
}

/** Parses fast-import's `--export-marks` file (`:<mark> <sha>` lines). */
export function parseMarks(text: string): Map<number, string> {
  const marks = new Map<number, string>();
  for (const line of text.split('\n')) {
    const m = /^:(\d+) ([0-9a-f]{40,64})$/.exec(line.trim());
    if (m) marks.set(Number(m[1]), m[2] as string);
  }
  return marks;
}
