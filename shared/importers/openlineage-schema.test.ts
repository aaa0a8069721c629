/**
 * The app's OpenLineage validation agrees with the official JSON Schemas (spec/OpenLineage.json, draft 2020-12):
 * for every event of every fixture, wherever ajv finds a core field missing or of the wrong type, the importer
 * rejects the event or warns about it, and the importer rejects nothing ajv accepts.
 * Deliberate differences:
 * - a missing `schemaURL` or `producer` is a warning, not a rejection (Marquez's own seed events omit schemaURL);
 * - an `eventTime` without offset is read as UTC with a warning; a non-UUID `run.runId` is a warning;
 * - facets are kept as received: a standard facet that breaks its own schema is a warning naming it and its pointer,
 *   never a rejection (openlineage-validation.test.ts); custom facets are not checked;
 * - an event whose eventTime is missing or a placeholder, or whose run.runId is missing, is still invalid here (ajv
 *   finds it), and the importer says so: it makes no run of it, only static job and dataset records, with a warning
 *   naming each deviating field (openlineage-static-event.ts).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from './index';

const dir = realFixture('openlineage');
const read = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8')) as unknown;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(read('spec/OpenLineage.json') as object);
for (const f of readdirSync(join(dir, 'spec/facets'))) ajv.addSchema(read(`spec/facets/${f}`) as object);
const SPEC = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every event of a fixture file: one object, an array, or a Marquez page. */
function eventsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value.events)) return value.events;
  return [value];
}

const files = [
  ...readdirSync(dir).filter((f) => f.endsWith('.json')),
  ...readdirSync(join(dir, 'integration_expected_partial')).map((f) => `integration_expected_partial/${f}`),
];

/** ajv's core findings: required fields and types outside facets, named by the field. */
function ajvCore(event: Record<string, unknown>): string[] {
  const def = event.run !== undefined ? 'RunEvent' : isObject(event.job) ? 'JobEvent' : 'DatasetEvent';
  const validate = ajv.getSchema(`${SPEC}#/$defs/${def}`);
  if (!validate || validate(event)) return [];
  return (validate.errors ?? [])
    .filter((e) => ['required', 'type', 'format'].includes(e.keyword) && !/\/facets\b|Facets\b/.test(e.instancePath))
    .map((e) => (e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath))
    .map((path) =>
      path
        .replace(/^\//, '')
        .replace(/\/(\d+)\//g, '[$1].')
        .replace(/\//g, '.'),
    );
}

const cases = files.flatMap((file) =>
  eventsOf(read(file))
    .filter(isObject)
    .map((event, i) => ({ file, i, event })),
);

describe('OpenLineage validation agrees with the official schemas', () => {
  it('covers the real events', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it('placeholder events stay invalid per the schema and make no run, only static records', () => {
    for (const file of ['ol_dbt_fail_events.json', 'marquez_docker_metadata.template.json']) {
      const events = eventsOf(read(file)).filter(isObject);
      expect(
        events.every((event) => ajvCore(event).includes('eventTime')),
        file,
      ).toBe(true);
      const text = JSON.stringify(events);
      const result = importInput({ name: file, sha256: 'f'.repeat(64), size: text.length, text });
      expect(
        result.records.filter((r) => r.kind === 'lineage-run'),
        file,
      ).toEqual([]);
      expect(new Set(result.records.map((r) => r.kind)), file).toEqual(new Set(['job', 'dataset']));
    }
  });

  it.each(files)('%s', (file) => {
    for (const { event, i } of cases.filter((c) => c.file === file)) {
      const text = JSON.stringify(event);
      const result = importInput({ name: file, sha256: 'f'.repeat(64), size: text.length, text });
      const said = [...result.rejections.map((r) => r.reason), ...result.warnings.map((w) => w.message)].join('\n');
      const core = ajvCore(event);
      if (core.length > 0)
        expect(said, `${file} #${i}: ajv rejects it (${core.join(', ')}); the importer is silent`).not.toBe('');
      if (result.rejections.length > 0) continue;
      for (const field of core) {
        const leaf = field.split('.').pop() ?? field;
        expect(said, `${file} #${i}: ajv finds "${field}"; the importer must say so`).toContain(leaf);
      }
    }
    for (const { event, i } of cases.filter((c) => c.file === file)) {
      const text = JSON.stringify(event);
      const result = importInput({ name: file, sha256: 'f'.repeat(64), size: text.length, text });
      if (result.rejections.length === 0) continue;
      expect(
        ajvCore(event),
        `${file} #${i}: rejected (${result.rejections[0]?.reason}) but ajv accepts it`,
      ).not.toEqual([]);
    }
  });
});
