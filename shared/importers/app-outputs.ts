/**
 * The app's own outputs, recognized so that dropping a folder that holds them (the sample, an evidence bundle, a
 * folder of `--json` results) rejects nothing: each is skipped with what it is. They are results and questions
 * about the evidence, not evidence — the files they were computed from are.
 *
 * - `inspect --json`: `{exitCode, inputs: […], problems: […]}`;
 * - `investigate --json`: `{decision, scope, suspects: […], governance, remediation, …}`;
 * - `trace --json`: `{decision, feature, asOf, answers, …}`;
 * - `metrics --json`: `{metrics: [{id, name, unit, definition, …}]}`;
 * - a case file (the sample's `case.json`): `{title, decisionId, description?, featureName?}`;
 * - an evidence bundle's `data/case/case.json` (`{case, activity: […]}`) and `data/sources.json` (`[{name, sha256,
 *   included}]`), and its excerpts (JSON lines opening with `{source, sha256}`);
 * - a generator's ground truth (the sample's `ground-truth.json`, a generated world's `truth.json`): a `seed` and
 *   what was planted (`plantedChange` / `plantedCommit`, or `cause`).
 */
import { isObject, tryParse } from './json-input';

type Json = Readonly<Record<string, unknown>>;

const str = (v: unknown): v is string => typeof v === 'string';

/** What one app output is, by its fields, or undefined. */
export function appOutputOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return bundleSources(value);
  if (!isObject(value)) return undefined;
  return (
    inspectReport(value) ??
    investigation(value) ??
    trace(value) ??
    metrics(value) ??
    caseFile(value) ??
    bundleCase(value) ??
    groundTruth(value)
  );
}

/** What the first line of JSON lines says they are, when they are an app output (a bundle's excerpt). */
export function appOutputLinesOf(first: unknown): string | undefined {
  if (!isObject(first) || !str(first.source) || !str(first.sha256)) return undefined;
  return `excerpts of ${first.source} from an evidence bundle of this app (the records a case cites), not evidence: import the source file itself`;
}

/**
 * An evidence bundle's excerpt recognized by its header line alone: an excerpt of a binary source (a git bundle)
 * holds lines that do not read as text, and must still not be rejected as binary data.
 */
export function appOutputHeadOf(head: string): string | undefined {
  const end = head.indexOf('\n');
  if (!head.startsWith('{"source"') || end === -1) return undefined;
  const first = tryParse(head.slice(0, end).replace(/\r$/, ''));
  return first.ok ? appOutputLinesOf(first.value) : undefined;
}

const NOT_EVIDENCE = 'not evidence, import the files it was computed from';
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function inspectReport(o: Json): string | undefined {
  if (typeof o.exitCode !== 'number' || !Array.isArray(o.inputs) || !Array.isArray(o.problems)) return undefined;
  return `the "inspect --json" report of this app (${count(o.inputs.length, 'input')}): ${NOT_EVIDENCE}`;
}

function investigation(o: Json): string | undefined {
  if (!str(o.decision) || !Array.isArray(o.suspects) || !isObject(o.scope) || o.governance === undefined)
    return undefined;
  return `the "investigate --json" result of this app for decision ${o.decision}: ${NOT_EVIDENCE}`;
}

function trace(o: Json): string | undefined {
  if (!str(o.decision) || o.asOf === undefined || o.answers === undefined || o.feature === undefined) return undefined;
  return `the "trace --json" lineage card of this app for decision ${o.decision}: ${NOT_EVIDENCE}`;
}

function metrics(o: Json): string | undefined {
  const first = Array.isArray(o.metrics) ? o.metrics[0] : undefined;
  if (!isObject(first) || !str(first.id) || !str(first.definition) || !str(first.unit)) return undefined;
  return `the "metrics --json" output of this app (${count((o.metrics as unknown[]).length, 'metric')}): ${NOT_EVIDENCE}`;
}

function caseFile(o: Json): string | undefined {
  const known = new Set(['title', 'description', 'decisionId', 'featureName']);
  if (!str(o.title) || !str(o.decisionId) || !Object.keys(o).every((k) => known.has(k))) return undefined;
  return `a case file of this app (the question about decision ${o.decisionId}), not evidence: open it as a case`;
}

function bundleCase(o: Json): string | undefined {
  if (!isObject(o.case) || !Array.isArray(o.activity)) return undefined;
  return `a case and its activity log from an evidence bundle of this app (${count(o.activity.length, 'entry').replace('entrys', 'entries')}), not evidence: check it with "verify"`;
}

function groundTruth(o: Json): string | undefined {
  if (typeof o.seed !== 'number') return undefined;
  if (!isObject(o.plantedChange) && !str(o.plantedCommit) && !isObject(o.cause)) return undefined;
  return `the ground truth of a world this app generated (seed ${o.seed}: what was planted), not evidence: it is what an investigation is scored against`;
}

function bundleSources(list: ReadonlyArray<unknown>): string | undefined {
  const first = list[0];
  if (!isObject(first) || !str(first.name) || !str(first.sha256) || !str(first.included)) return undefined;
  return `the sources listing of an evidence bundle of this app (${count(list.length, 'input')}), not evidence: check the bundle with "verify"`;
}
