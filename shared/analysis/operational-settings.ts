/**
 * Changed code that only sets how a job runs: every changed line (comments removed, unchanged words cancelled) assigns
 * a setting named as an operational one (a batch or chunk size, retries, a timeout, parallelism; audit-effect.ts's
 * names). Such a change moves when or in what pieces the job works, not what it computes.
 */
import { OPERATIONAL_KEY } from './audit-effect';

/** `NAME = value`, `name: value`, `"name": value`, `export const NAME = …`, `set name = …` */
const ASSIGNMENT =
  /^\s*(?:(?:export|const|let|var|set|final|static|val)\s+)*["']?([A-Za-z_][\w.-]*)["']?\s*(?::|=(?!=))/;

/** The settings the changed lines assign when every one of them assigns an operational setting, else undefined. */
export function operationalSettings(changedLines: string): string[] | undefined {
  const lines = changedLines.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  const names = new Set<string>();
  for (const line of lines) {
    const name = ASSIGNMENT.exec(line)?.[1]?.split('.').pop();
    if (!name || !OPERATIONAL_KEY.test(name.replace(/-/g, '_'))) return undefined;
    names.add(name);
  }
  return [...names];
}
