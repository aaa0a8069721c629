/**
 * Tracking plans: rudder-cli YAML (`version: rudder/…`, kinds tp/tracking-plan, events, properties, categories,
 * custom-types), Segment Protocols plans (Public API `rules[].jsonSchema`, Config API v1 `rules.events[]`),
 * RudderStack tracking plans as the API returns them (`{name, events[]}`), and a bare JSON Schema of an event.
 * Each plan, event, property, category and custom type becomes a TrackingPlanItem.
 */
import type { TrackingPlanItem } from '../model/records';
import { at, type DocumentImporter, type DocumentOutput } from './document-importer';
import { isObject } from './json-input';

type ItemType = TrackingPlanItem['itemType'];
const RUDDER_KINDS: Readonly<Record<string, { readonly list?: string; readonly itemType: ItemType }>> = {
  tp: { itemType: 'tracking-plan' },
  'tracking-plan': { itemType: 'tracking-plan' },
  events: { list: 'events', itemType: 'event' },
  properties: { list: 'properties', itemType: 'property' },
  categories: { list: 'categories', itemType: 'category' },
  'custom-types': { list: 'types', itemType: 'custom-type' },
};

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export const trackingPlanImporter: DocumentImporter = {
  kind: 'tracking-plan',
  importer: 'tracking-plan',
  detect: (value) => formatOf(value) !== undefined,
  run: (value, out) => {
    const doc = value as Record<string, unknown>;
    switch (formatOf(value)) {
      case 'rudder-cli':
        return rudderCli(doc, out);
      case 'segment':
        return segment(doc, out);
      case 'rudder-api':
        return list(out, 'rudder-api', str(doc.name), doc.events, '/events', (e) => str(e.name));
      case 'json-schema':
        return emit(out, 'json-schema', 'event', doc, '', str(doc.title) ?? eventName(doc) ?? 'JSON Schema', undefined);
    }
  },
};

function formatOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.version === 'string' && /^rudder\//.test(value.version) && String(value.kind) in RUDDER_KINDS) {
    return 'rudder-cli';
  }
  const rules = value.rules;
  if (Array.isArray(rules) && rules.some((r) => isObject(r) && isObject(r.jsonSchema))) return 'segment';
  if (isObject(rules) && Array.isArray(rules.events)) return 'segment';
  if (
    typeof value.name === 'string' &&
    Array.isArray(value.events) &&
    value.events.some((e) => isObject(e) && isObject(e.rules))
  ) {
    return 'rudder-api';
  }
  if (typeof value.$schema === 'string' && value.$schema.includes('json-schema.org') && describesEvent(value)) {
    return 'json-schema';
  }
  return undefined;
}

/** A JSON Schema of an event: it constrains `properties`, `traits` or `context`, or names the event. */
function describesEvent(schema: Record<string, unknown>): boolean {
  const props = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  return props.some((k) => ['properties', 'traits', 'context', 'event'].includes(k)) || isObject(schema.eventMetadata);
}

function rudderCli(doc: Record<string, unknown>, out: DocumentOutput): void {
  const kind = RUDDER_KINDS[String(doc.kind)] ?? { itemType: 'event' };
  const spec = isObject(doc.spec) ? doc.spec : {};
  const plan = isObject(doc.metadata) ? str(doc.metadata.name) : undefined;
  if (!kind.list) {
    const id = str(spec.id) ?? plan;
    if (!id) return out.reject({ pointer: '/spec' }, 'a tracking plan needs spec.id or metadata.name');
    return emit(out, 'rudder-cli', 'tracking-plan', spec, '/spec', str(spec.display_name) ?? id, plan, id);
  }
  list(
    out,
    'rudder-cli',
    plan,
    spec[kind.list],
    `/spec/${kind.list}`,
    (item) => str(item.name) ?? str(item.id),
    kind.itemType,
  );
}

function segment(doc: Record<string, unknown>, out: DocumentOutput): void {
  const plan = str(doc.display_name) ?? str(doc.name) ?? str(doc.slug);
  emit(
    out,
    'segment',
    'tracking-plan',
    { ...doc, rules: undefined },
    '',
    plan ?? 'tracking plan',
    plan,
    str(doc.id) ?? str(doc.name),
  );
  if (Array.isArray(doc.rules)) {
    list(
      out,
      'segment',
      plan,
      doc.rules,
      '/rules',
      (r) => (isObject(r.jsonSchema) ? eventName(r.jsonSchema) : undefined) ?? str(r.key),
    );
  } else if (isObject(doc.rules)) {
    list(out, 'segment', plan, doc.rules.events, '/rules/events', (e) => str(e.name));
  }
}

function list(
  out: DocumentOutput,
  format: string,
  plan: string | undefined,
  items: unknown,
  pointer: string,
  nameOf: (item: Record<string, unknown>) => string | undefined,
  itemType: ItemType = 'event',
): void {
  if (!Array.isArray(items)) return out.reject({ pointer }, `expected a list of ${itemType}s at ${pointer}`);
  items.forEach((item, i) => {
    const name = isObject(item) ? nameOf(item) : undefined;
    if (!isObject(item) || name === undefined) {
      out.reject(
        { pointer: `${pointer}/${i}`, ...lineOf(out, `${pointer}/${i}`) },
        `a ${itemType} needs an id or a name`,
      );
      return;
    }
    emit(out, format, itemType, item, `${pointer}/${i}`, name, plan);
  });
}

function emit(
  out: DocumentOutput,
  format: string,
  itemType: ItemType,
  item: Record<string, unknown>,
  pointer: string,
  name: string,
  plan: string | undefined,
  id = str(item.id) ?? name,
): void {
  const version = item.version;
  const description =
    str(item.description) ?? (isObject(item.jsonSchema) ? str(item.jsonSchema.description) : undefined);
  out.record({
    kind: 'tracking-plan-item',
    format,
    itemType,
    id,
    name,
    ...(plan !== undefined && { plan }),
    ...((typeof version === 'string' || typeof version === 'number') && { version: String(version) }),
    ...(description !== undefined && { description }),
    definition: item,
    provenance: at(out, pointer),
  });
}

function eventName(schema: Record<string, unknown>): string | undefined {
  return isObject(schema.eventMetadata) ? str(schema.eventMetadata.name) : undefined;
}

function lineOf(out: DocumentOutput, pointer: string): { line?: number } {
  const line = out.lineOf?.(pointer);
  return line !== undefined ? { line } : {};
}
