/**
 * What an audit-log entry did to the object it names, read from its action and its before/after state: nothing
 * (a read — viewing, listing, exporting, logging in — changes no data), only descriptive metadata (owner,
 * description, tags: what people call the object, not what it computes), only how it is operated (its schedule,
 * retries, timeouts, alerts: when and how it runs, not what it computes — though a run moved in time can read
 * other data), or its behaviour (anything else, and anything the entry does not spell out).
 */
import type { AuditEntry } from '../model/records';

export type AuditEffect = 'read' | 'metadata' | 'operational' | 'behaviour';

/** Verbs of actions that read an object without changing it (CloudTrail's `readOnly`, GCP's data_access reads). */
const READ_VERB =
  /^(view|viewed|read|get|list|listed|describe|described|search|searched|query|queried|export|exported|download|downloaded|access|accessed|login|logout|preview|previewed|open|opened)$/i;

/** State keys that describe an object for people and change nothing it computes. */
const METADATA_KEY =
  /^(owner|owners|description|desc|doc|docs|documentation|tags?|labels?|meta|notes?|comments?|contact|team|title|display_?name)$/i;

/**
 * Names of settings that say when and how an object is run (orchestrators' and engines' settings: schedule, retries,
 * timeouts, parallelism, the size of the batches it reads or writes in; RudderStack Profiles' `validity_time`, how long
 * a materialization is reused before it is rebuilt), not what it computes.
 */
export const OPERATIONAL_KEY =
  /^(schedule|schedule_?interval|validity_?time|cron|crontab|timeout|timeout_?(s|secs?|seconds|ms)|execution_?timeout|retries|max_?retries|retry_?delay|concurrency|max_?active_?runs|priority|priority_?weight|pool|queue|sla|alerts?|alerting|notifications?|on_?failure|on_?success|email_?on_?failure|(chunk|batch|page|fetch|buffer|flush)_?size|parallelism|(max_?|num_?)?(workers|threads)|memory|mem_?limit|cpus?)$/i;

const words = (action: string) =>
  action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean);

/** The top-level keys whose value differs between two states (both objects), else undefined. */
export function changedKeys(before: unknown, after: unknown): string[] | undefined {
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return undefined;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** What the entry did; `behaviour` where the evidence does not show less. */
export function auditEffect(entry: Pick<AuditEntry, 'action' | 'before' | 'after' | 'extra'>): AuditEffect {
  if (entry.extra?.readOnly === true || entry.extra?.readOnly === 'true') return 'read';
  // `object.verb` (generic, GitHub, RudderStack) names the verb last; CloudTrail's `VerbObject` names it first.
  const all = words(entry.action);
  const verb = /[._:/\s-]/.test(entry.action) ? all[all.length - 1] : all[0];
  if (verb && READ_VERB.test(verb)) return 'read';
  const keys = changedKeys(entry.before, entry.after);
  if (keys && keys.length > 0 && keys.every((k) => METADATA_KEY.test(k))) return 'metadata';
  if (keys && keys.length > 0 && keys.every((k) => METADATA_KEY.test(k) || OPERATIONAL_KEY.test(k)))
    return 'operational';
  return 'behaviour';
}

/** Whether the effect changed what an object computes or how it is run (a change made outside Git is a gap). */
export const changesOperation = (effect: AuditEffect): boolean => effect === 'behaviour' || effect === 'operational';

/** Every string value inside the given states (objects and arrays walked through), e.g. the profiles a merge names. */
export function stringValues(...states: unknown[]): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  states.forEach(visit);
  return out;
}

/** Whether two states are the same value (objects compared key by key, in any key order). */
export function sameState(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameState((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Whether `later` put the object back in the state `earlier` found it in (a revert of the edit, an unmerge). */
export function restores(earlier: Pick<AuditEntry, 'before'>, later: Pick<AuditEntry, 'after'>): boolean {
  return earlier.before !== undefined && later.after !== undefined && sameState(earlier.before, later.after);
}
