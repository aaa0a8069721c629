/** How sizes, durations, estimates and import outcomes read in the import UI. */
import { visibleText } from '../../shared/model/visible-text';
import type { InterruptedImport } from '../db/interrupted-imports';
import type { StoredSource } from '../db/lineage-db';
import type { ImportHolder } from './import-lock';
import type { ImportEnd } from './worker-protocol';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1,536 → "1.5 KB" (1,024-based, one decimal below 10). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes.toLocaleString('en')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ${UNITS[unit]}`;
}

/** 83 s → "1 min 23 s"; under a second → "under 1 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return 'under 1 s';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** A duration in milliseconds: "340 ms", "2.4 s", "1 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatSeconds(ms / 1000);
}

export const plural = (n: number, word: string, many = `${word}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? word : many}`;

const total = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** "imported 26 records with 26 warnings, 3 rejected" — what one file's import gave. */
export function describeSource(source: StoredSource): string {
  const parts = [`${plural(total(source.counts), 'record')}`];
  if (source.warnings > 0) parts.push(`with ${plural(source.warnings, 'warning')}`);
  const text = parts.join(' ');
  return source.rejected > 0 ? `${text}, ${source.rejected.toLocaleString('en')} rejected` : text;
}

/** The one-line summary of a finished import. */
export function describeEnd(end: ImportEnd): string {
  switch (end.status) {
    case 'imported':
      return `Imported ${describeSource(end.source)}`;
    case 'already-imported':
      return `Already imported (${describeSource(end.source)}): nothing changed`;
    case 'cancelled':
      return 'Cancelled: nothing of this file was kept';
    case 'skipped':
      // Most reasons end by saying the file is not evidence: the prefix says it only for those that do not.
      return /\bnot evidence\b/.test(end.reason) ? `Skipped — ${end.reason}` : `Skipped — not evidence: ${end.reason}`;
    case 'failed':
      return `Failed: ${end.reason}`;
  }
}

/** Who holds the import lock, for a window that waits: "another window or tab is importing big.json into “Case A”". */
export function describeHolder(holder: ImportHolder | undefined): string {
  if (!holder) return 'another window or tab is importing';
  const into = holder.caseTitle
    ? ` into “${visibleText(holder.caseTitle)}”`
    : holder.caseId
      ? ' into another case'
      : '';
  return `another window or tab is importing ${visibleText(holder.file)}${into}`;
}

/** What an interrupted import had done, in one sentence. */
export function describeInterrupted(item: InterruptedImport): string {
  const read = `${formatBytes(item.bytes)} of ${formatBytes(item.size)} read, ${plural(item.records, 'record')} parsed`;
  return item.failure
    ? `Failed (${read}): ${visibleText(item.failure)}`
    : `Interrupted — the app or its window ended mid-way (${read})`;
}
