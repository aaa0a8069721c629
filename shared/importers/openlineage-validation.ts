/**
 * OpenLineage events and facets checked against the official JSON Schemas (openlineage-schemas/, compiled ahead of
 * time into validators.ts by ajv, so no code is compiled at run time). A standard facet is validated by its key in
 * its place — `run.facets.parent` as a ParentRunFacet, `outputs[i].outputFacets.outputStatistics` as an
 * OutputStatisticsOutputDatasetFacet — as the spec composes them; a facet under another key is a custom facet, kept
 * as received and validated only if its `_schemaURL` is one of the official facet schemas. A facet marked
 * `_deleted: true` is not checked. Each invalid facet is one message naming it, its JSON pointer in the event and
 * what is wrong; the event itself is kept.
 */
import { isObject } from './json-input';
import * as validators from './openlineage-schemas/validators';

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}
type Validate = ((value: unknown) => boolean) & { errors?: ReadonlyArray<SchemaError> | null };
type Place = keyof typeof validators.FACETS;

const validator = (name: string): Validate | undefined =>
  (validators as unknown as Record<string, Validate | undefined>)[name];
const BY_SCHEMA_URL = new Map(Object.entries(validators.FACET_SCHEMA_IDS).map(([name, id]) => [id, name]));
const MAX_PROBLEMS = 3;
const SHOW_VALUE = new Set(['type', 'format', 'enum', 'const', 'pattern']);

/** What is wrong in a value, by the schema's findings: `run.runId is required; rowCount must be integer`. */
export function describeErrors(errors: ReadonlyArray<SchemaError>, value?: unknown): string[] {
  const missing = new Map<string, string[]>();
  const out: string[] = [];
  for (const e of errors) {
    // allOf/anyOf/oneOf/if only repeat what their branches found.
    if (['allOf', 'anyOf', 'oneOf', 'if'].includes(e.keyword)) continue;
    const path = dotted(e.instancePath);
    if (e.keyword === 'required') {
      const key = path === '' ? String(e.params.missingProperty) : `${path}.${String(e.params.missingProperty)}`;
      const list = missing.get(path) ?? [];
      list.push(key);
      missing.set(path, list);
      continue;
    }
    const allowed = Array.isArray(e.params.allowedValues) ? `: ${e.params.allowedValues.join(', ')}` : '';
    const extra = typeof e.params.additionalProperty === 'string' ? ` (${e.params.additionalProperty})` : '';
    const found = SHOW_VALUE.has(e.keyword) && value !== undefined ? ` (${shown(at(value, e.instancePath))})` : '';
    out.push(`${path === '' ? 'the value' : path}${found} ${e.message ?? e.keyword}${allowed}${extra}`);
  }
  const required = [...missing.values()].map((keys) => `${listed(keys)} ${keys.length > 1 ? 'are' : 'is'} required`);
  return [...new Set([...required, ...out])];
}

/** One message per invalid standard facet of the event (see the module note). */
export function facetProblems(event: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const check = (facets: unknown, place: Place, pointer: string) => {
    if (!isObject(facets)) return;
    for (const [key, facet] of Object.entries(facets)) {
      if (isObject(facet) && facet._deleted === true) continue;
      const name = facetValidatorName(place, key, facet);
      const validate = name ? validator(name) : undefined;
      if (!validate || validate(facet)) continue;
      const problems = describeErrors(validate.errors ?? [], facet);
      const shown = problems.slice(0, MAX_PROBLEMS).join('; ');
      const more = problems.length > MAX_PROBLEMS ? `; and ${problems.length - MAX_PROBLEMS} more` : '';
      out.push(`facet ${key} (${pointer}/${escape(key)}) breaks the OpenLineage schema: ${shown}${more}`);
    }
  };
  const run = event.run;
  const job = event.job;
  if (isObject(run)) check(run.facets, 'RunFacet', '/run/facets');
  if (isObject(job)) check(job.facets, 'JobFacet', '/job/facets');
  for (const role of ['inputs', 'outputs'] as const) {
    const list = event[role];
    if (!Array.isArray(list)) continue;
    list.forEach((dataset, i) => {
      if (!isObject(dataset)) return;
      check(dataset.facets, 'DatasetFacet', `/${role}/${i}/facets`);
      if (role === 'inputs') check(dataset.inputFacets, 'InputDatasetFacet', `/inputs/${i}/inputFacets`);
      else check(dataset.outputFacets, 'OutputDatasetFacet', `/outputs/${i}/outputFacets`);
    });
  }
  if (isObject(event.dataset)) check(event.dataset.facets, 'DatasetFacet', '/dataset/facets');
  return out;
}

/** One finding of the schema outside facets: its dotted path, the keyword that failed and what is wrong. */
export interface EventFinding {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

/** The event's own findings outside its facets (facets are facetProblems'), for the kind it is read as. */
export function eventSchemaFindings(
  event: Readonly<Record<string, unknown>>,
  label: 'RunEvent' | 'JobEvent' | 'DatasetEvent',
): EventFinding[] {
  const validate = validator(label);
  if (!validate || validate(event)) return [];
  const core = (validate.errors ?? []).filter((e) => !/\/(facets|inputFacets|outputFacets)(\/|$)/.test(e.instancePath));
  return core.flatMap((e) => {
    const base = dotted(e.instancePath);
    const path =
      e.keyword === 'required' ? [base, String(e.params.missingProperty)].filter((p) => p !== '').join('.') : base;
    return describeErrors([e], event).map((message) => ({ path, keyword: e.keyword, message }));
  });
}

/** The validator of a facet: its key's standard facet in this place, else the official schema its URL names. */
function facetValidatorName(place: Place, key: string, facet: unknown): string | undefined {
  const standard = (validators.FACETS[place] as Record<string, string | undefined>)[key];
  if (standard) return standard;
  const url = isObject(facet) && typeof facet._schemaURL === 'string' ? facet._schemaURL.split('#')[0] : undefined;
  return url ? BY_SCHEMA_URL.get(url) : undefined;
}

/** `/run/0/runId` → `run[0].runId`. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === '' ? p : `${acc}.${p}`), '');
}

/** The value at a JSON pointer inside `root`. */
function at(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    current = isObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

/** A found value, short: `"string"`, `null`, `12`, `an object`. */
function shown(value: unknown): string {
  if (isObject(value)) return 'an object';
  if (Array.isArray(value)) return 'an array';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const listed = (items: ReadonlyArray<string>) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
