/**
 * What is said of records read again (repeated-records.ts), in the CLI and the app alike: one line per file, the file
 * it repeats and whether the content is the same, so a count that did not grow is explained and a conflict is seen
 * with its first line.
 */
import type { Provenance } from './records';
import type { RepeatedRecord } from './repeated-records';

/** Each kind's name, one and several. */
const KIND_NAMES: Partial<Record<RepeatedRecord['kind'], readonly [string, string]>> = {
  decision: ['decision', 'decisions'],
  audit: ['audit entry', 'audit entries'],
  deployment: ['deployment', 'deployments'],
  enforcement: ['enforcement entry', 'enforcement entries'],
  'lineage-run': ['run event', 'run events'],
  commit: ['commit', 'commits'],
  'pull-request': ['pull request', 'pull requests'],
  'identity-link': ['identity link', 'identity links'],
};

/** Where in its file a record is: its line, its JSON pointer, or — the pointer "" — the whole document. */
export const place = (p: Provenance): string =>
  p.line !== undefined
    ? `line ${p.line}`
    : p.pointer
      ? `at ${p.pointer}`
      : p.pointer === ''
        ? '(the whole document)'
        : 'at ?';

/** The notes, one per group of repeats in the order met; `names` maps a source id (SHA-256) to its file's name. */
export function repeatNotes(repeats: ReadonlyArray<RepeatedRecord>, names: Readonly<Record<string, string>>): string[] {
  const name = (id: string) => names[id] ?? id.slice(0, 12);
  const groups = new Map<string, { example: RepeatedRecord; count: number }>();
  for (const r of repeats) {
    const key = `${r.kind} ${r.again.sourceId} ${r.first.sourceId} ${r.differs} ${r.counted}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { example: r, count: 1 });
  }
  return [...groups.values()].map(({ example: r, count }) => {
    const what = `${count.toLocaleString('en-US')} ${KIND_NAMES[r.kind]?.[count === 1 ? 0 : 1] ?? r.kind}`;
    const first = `first ${place(r.again)}, ${r.identity}, read before at ${name(r.first.sourceId)} ${place(r.first)}`;
    const again = name(r.again.sourceId);
    if (!r.differs)
      return `${again}: ${what} already read from ${name(r.first.sourceId)}, the same identity and content (${first}): counted once`;
    const outcome = r.counted ? 'both counted' : 'the first read counts';
    return `${again}: ${what} with the identity of one read from ${name(r.first.sourceId)} but other content (${first}): ${outcome}`;
  });
}
