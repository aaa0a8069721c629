/**
 * The scope's counts as the report writes them in words: a count with its noun in the singular or the plural as
 * English reads it (never "decision(s)"), and no subject count where the decision log records no subject at all —
 * "0 subjects" would read as counted when nothing was there to count. And what the scope counted, as the engine
 * counted it: the top cause's blast radius reads data, not versions, and a log that records no version has no "same
 * version" to share — the report says so in one sentence, the same in HTML and Markdown.
 */
import type { ScopeResult } from '../analysis/types';
import { countOf } from '../model/count-words';

/** Whether the decisions in scope carry no subject id (the log does not record subjects). */
export function subjectsUnrecorded(s: Pick<ScopeResult, 'decisions' | 'subjects'>): boolean {
  return s.decisions > 0 && s.subjects === 0;
}

/** `3 decisions of 2 subjects`, or `3 decisions (the decision log does not record their subjects)`. */
export function decisionsAndSubjects(s: Pick<ScopeResult, 'decisions' | 'subjects'>, joiner = ' of '): string {
  const decisions = countOf(s.decisions, 'decision');
  if (!subjectsUnrecorded(s)) return `${decisions}${joiner}${countOf(s.subjects, 'subject')}`;
  return `${decisions} (the decision log does not record ${s.decisions === 1 ? 'its subject' : 'their subjects'})`;
}

/** Where a time is written: the report's own formatting (its time zone). */
type TimeText = (iso: string | undefined) => string;

const KIND_WORDS = { feature_version: 'feature version', dataset_version: 'dataset version' } as const;

/**
 * What the scope's decisions have in common, after their count: `read income from data the top cause reached, …`,
 * `used the same dataset version of income (v1)`, or, where the decision log records no version, that only the
 * decision itself was counted.
 */
export function scopeBasis(s: ScopeResult, time: TimeText): string {
  if (s.method === 'blast-radius')
    return (
      `read ${s.featureName} from data the top cause reached: written from ${time(s.from)}` +
      (s.recovery
        ? ` until ${time(s.recovery.time)}, when ${s.recovery.changeId} removed it`
        : ' to the end of the log (still ongoing)')
    );
  if (s.versionKind === 'none')
    return (
      `${s.decisions === 1 ? 'was' : 'were'} counted: the decision log records no feature or dataset version of ` +
      `${s.featureName}, so no other decision can be told to have read the same data`
    );
  const kind = KIND_WORDS[s.versionKind];
  return (s.versions ?? 1) > 1
    ? `used the suspect ${kind}s of ${s.featureName}, from the onset's to this decision's own (${s.version ?? '—'})`
    : `used the same ${kind} of ${s.featureName} (${s.version ?? '—'})`;
}

/** The scope in one sentence: `3 decisions of 2 subjects used the same feature version of income (v3).` */
export function scopeSentence(s: ScopeResult, time: TimeText, joiner = ' of '): string {
  return `${decisionsAndSubjects(s, joiner)} ${scopeBasis(s, time)}.`;
}
