/**
 * The streaming importer of every input but git logs: frames the pushed text into items (input-framing.ts),
 * holds the first ones until their kind is decided by content (or by a saved mapping), then maps each item
 * as it comes. Whole documents (dbt artifacts, tracking plans, Profiles YAML) go to their document importer.
 */
import type { EvidenceRecord } from '../model/records';
import { dbtPropertiesReason } from './dbt-properties';
import { ACCEPTED_KINDS, describeInput, notEvidence } from './describe-input';
import { classifyRecord, sniffKeys, WRAPPER_KEYS, type RecordKind } from './detect';
import type { DocumentImporter, DocumentOutput } from './document-importer';
import { ImportSink, whereOf } from './import-sink';
import { checkedDepth, framingOf, InputFraming, type RawItem } from './input-framing';
import { isObject, readJsonInput, tryParse, type JsonInput } from './json-input';
import { jsonWithCommentsReason } from './json-with-comments';
import { jsonTableOf, recordCells, recordColumns, type JsonTableFormat } from './json-table';
import { needsMapping } from './needs-mapping';
import { applyMapping } from './mapping';
import { DOCUMENT_IMPORTERS, EMPTY_WRAPPER_KINDS, RECORD_MAPPERS } from './record-kinds';
import { listsTimedRecords, nestedDocumentReason, tableNotEvidence } from './record-table';
import { IMPORTER_VERSION, type FileMapper } from './record-runner';
import { MAX_LISTED, type ImportSource, type StartOptions, type StreamingImport } from './streaming';
import { readYaml, readYamlDocuments } from './yaml-document';

const SAMPLE = 20;
const MAX_PENDING = 1000;
const YAML_NAME = /\.ya?ml$/i;

type Decision =
  | { readonly mode: 'records'; readonly kind: RecordKind }
  | { readonly mode: 'document'; readonly importer: DocumentImporter }
  | { readonly mode: 'unknown'; readonly reason: string; readonly line?: number }
  /** Not evidence (describe-input.ts): nothing is rejected, the file is skipped for `reason`. */
  | { readonly mode: 'skipped'; readonly reason: string }
  /** JSON records of fields no importer knows (json-table.ts): counted, none read, until mapped. */
  | { readonly mode: 'needs-mapping'; readonly format: JsonTableFormat; readonly columns: ReadonlyArray<string> };

/** The incremental importer of JSON, JSON lines, YAML and unrecognized inputs. */
export function createAutoImport(head: string, source: ImportSource, options: StartOptions): StreamingImport {
  const sink = new ImportSink(source.name, MAX_LISTED);
  const { framing, wrapperKey } = framingOf(head);
  const pending: RawItem[] = [];
  const fileMappers = new Map<RecordKind, FileMapper<EvidenceRecord>>();
  const mapperOf = (kind: RecordKind) => {
    const perFile = RECORD_MAPPERS[kind].perFile;
    if (!perFile) return RECORD_MAPPERS[kind].map;
    if (!fileMappers.has(kind)) fileMappers.set(kind, perFile());
    return (fileMappers.get(kind) as FileMapper<EvidenceRecord>).map;
  };
  let decision: Decision | undefined;
  let sampled = 0;
  /** The records of a table that needs a mapping. */
  let tableRecords = 0;

  const out = (lineOf?: (pointer: string) => number | undefined): DocumentOutput => ({
    sourceId: source.id,
    ...(lineOf && { lineOf }),
    record: (r) => sink.record(r),
    reject: (where, reason) => sink.reject(where, reason),
    warn: (where, message) => sink.warn(where, message),
  });

  const mapItem = (kind: RecordKind, item: RawItem) => {
    const mapper = RECORD_MAPPERS[kind];
    const where = whereOf(item.line, item.pointer);
    if (item.reason !== undefined) return sink.reject(where, item.reason);
    if (!isObject(item.value)) return sink.reject(where, `not a JSON object (expected ${mapper.recordName})`);
    const value = options.mapping ? applyMapping(item.value, options.mapping) : item.value;
    const outcome = mapperOf(kind)(value, { sourceId: source.id, ...where });
    for (const message of outcome.warnings ?? []) sink.warn(where, message);
    if ('record' in outcome) sink.record(outcome.record);
    else if ('reason' in outcome) sink.reject(where, outcome.reason);
  };

  const process = (item: RawItem) => {
    if (decision?.mode === 'skipped' && item.reason !== undefined) {
      // Skipped on its first records, the file turns out damaged further on (cut short, a line that does not parse).
      decision = { mode: 'unknown', reason: item.reason };
      return sink.reject(whereOf(item.line, item.pointer), item.reason);
    }
    if (!decision || decision.mode === 'unknown' || decision.mode === 'skipped') return;
    if (decision.mode === 'records') {
      for (const element of expand(item)) mapItem(decision.kind, element);
      return;
    }
    if (decision.mode === 'needs-mapping') {
      for (const element of expand(item)) {
        if (element.reason !== undefined) sink.reject(whereOf(element.line, element.pointer), element.reason);
        else tableRecords += 1;
      }
      return;
    }
    const where = whereOf(item.line, item.pointer);
    if (item.reason !== undefined) return sink.reject(where, item.reason);
    if (!decision.importer.detect(item.value)) return sink.reject(where, `not a ${decision.importer.kind} document`);
    const line = item.line;
    decision.importer.run(item.value, out(line === undefined ? undefined : () => line));
  };

  const decide = (textForDescription: () => string) => {
    decision = decideKind(pending, options, head, textForDescription, source.name);
    if (decision.mode === 'unknown') sink.reject(decision.line ? { line: decision.line } : {}, decision.reason);
    if (decision.mode !== 'skipped') for (const item of pending) process(item);
    pending.length = 0;
  };

  const framer = new InputFraming(framing, wrapperKey, (item) => {
    if (decision) return process(item);
    pending.push(item);
    if (item.value !== undefined) sampled += item.top ? expand(item).length : 1;
    if (sampled >= SAMPLE || pending.length >= MAX_PENDING) decide(() => head);
  });

  return {
    push: (chunk) => framer.push(chunk),
    take: () => sink.take(),
    end() {
      const text = framer.end();
      if (framer.tooLarge) sink.reject({}, 'too large to read as one document: use JSON lines or a JSON array');
      else if (framing === 'document') documentEnd(text, (item) => pending.push(checkedDepth(item)));
      else if (framing === 'text')
        textEnd(text, options, (importer, value, lineOf) => {
          decision = { mode: 'document', importer };
          importer.run(value, out(lineOf));
        });
      if (!decision) decide(() => (framing === 'document' || framing === 'text' ? text : head));
      const unmapped =
        decision?.mode === 'needs-mapping' ? needsMapping(decision.format, decision.columns, tableRecords) : undefined;
      if (unmapped) sink.reject({ line: 1 }, unmapped.reason);
      for (const fileMapper of fileMappers.values()) {
        const gathered = fileMapper.end();
        for (const r of gathered.records) sink.record(r);
        for (const { message, ...where } of gathered.warnings) sink.warn(where, message);
      }
      return { ...summary(decision, sink), ...(unmapped && { needsMapping: unmapped }) };
    },
  };
}

/** A buffered JSON document: one item, or (when it does not parse as one) its lines, as JSON lines. */
function documentEnd(text: string, push: (item: RawItem) => void): void {
  const whole = tryParse(text);
  if (whole.ok) return push({ value: whole.value, pointer: '', top: true });
  let line = 0;
  let anyParsed = false;
  const items: RawItem[] = [];
  for (const lineText of text.split(/\r\n?|\n/)) {
    line += 1;
    if (lineText.trim() === '') continue;
    const parsed = tryParse(lineText);
    anyParsed ||= parsed.ok && (isObject(parsed.value) || Array.isArray(parsed.value));
    items.push(parsed.ok ? { value: parsed.value, line, top: true } : { reason: parsed.reason, line, top: true });
  }
  if (anyParsed) items.forEach(push);
  else push({ reason: whole.reason, ...(whole.line !== undefined && { line: whole.line }), top: true });
}

/** Other text: YAML of a known document kind, else left to the detector (which describes it). */
function textEnd(
  text: string,
  options: StartOptions,
  run: (importer: DocumentImporter, value: unknown, lineOf: (p: string) => number | undefined) => void,
): void {
  if (options.mapping) return;
  const yaml = readYaml(text);
  if (!yaml.ok || !isObject(yaml.value)) return;
  const importer = DOCUMENT_IMPORTERS.find((d) => d.detect(yaml.value));
  if (importer) run(importer, yaml.value, yaml.lineOf);
}

function decideKind(
  pending: ReadonlyArray<RawItem>,
  options: StartOptions,
  head: string,
  textForDescription: () => string,
  name: string,
): Decision {
  if (options.mapping) return { mode: 'records', kind: options.mapping.kind };
  const first = pending.find((item) => item.top && isObject(item.value));
  const importer = first && DOCUMENT_IMPORTERS.find((d) => d.detect(first.value));
  if (importer) return { mode: 'document', importer };
  const sample = pending.flatMap(expand).slice(0, SAMPLE * 5);
  // A YAML file in flow style (`[` or `{` with `#` comments) is YAML, before its keys are sniffed as JSON's.
  const flowYaml = YAML_NAME.test(name) && !sample.some((i) => i.value !== undefined) && yamlOf(textForDescription());
  if (flowYaml) return flowYaml;
  const kind =
    vote(sample) ??
    emptyWrapperKind(pending) ??
    (sample.some((i) => i.value !== undefined) ? undefined : sniffed(head));
  if (kind) return { mode: 'records', kind };
  const text = textForDescription();
  const input = described(readJsonInput(text), sample);
  // A file named as YAML is read as YAML when it is not JSON — also when it opens with `{` or `[` (flow style, with
  // `#` comments): JSON that does not parse there is YAML, not a broken export.
  const yamlText = (input.shape === 'text' || input.shape === 'invalid-json') && YAML_NAME.test(name);
  const broken = yamlText ? readYaml(text) : undefined;
  const stream = broken && !broken.ok ? readYamlDocuments(text) : undefined;
  // Several documents, none of a kind imported (one that is stays rejected: its importer reads one document a file).
  const importable = stream?.some((v) => DOCUMENT_IMPORTERS.some((d) => d.detect(v)));
  if (stream && stream.length > 1 && !importable) return { mode: 'skipped', reason: yamlStream(stream) };
  // YAML that parses only once rendered (a Helm chart's templates: `name: {{ include … }}`) is configuration.
  if (broken && !broken.ok && TEMPLATE_ACTION.test(text)) return { mode: 'skipped', reason: YAML_TEMPLATE };
  // dbt properties that PyYAML reads (dbt's parser) and the YAML 1.2 spec does not are still dbt's configuration.
  const dbtProperties = broken && !broken.ok ? dbtPropertiesReason(text, broken.reason) : undefined;
  if (dbtProperties) return { mode: 'skipped', reason: dbtProperties };
  // A file named as YAML that does not parse is a broken input (a tracking plan, a Profiles project), not a document.
  if (broken && !broken.ok)
    return { mode: 'unknown', reason: broken.reason, ...(broken.line && { line: broken.line }) };
  if (broken?.ok && isObject(broken.value)) return { mode: 'skipped', reason: yamlSettings(broken.value) };
  if (broken?.ok && Array.isArray(broken.value)) return { mode: 'skipped', reason: yamlList(broken.value) };
  const skipped =
    notEvidence(input) ??
    recordsNotEvidence(input, sample) ??
    (input.shape === 'invalid-json' ? jsonWithCommentsReason(text) : undefined);
  if (skipped) return { mode: 'skipped', reason: skipped };
  const table = jsonTableOf(sample);
  if (table) return { mode: 'needs-mapping', format: table.format, columns: recordColumns(table.records) };
  const only = input.shape === 'document' ? input.value : input.shape === 'lines' ? input.sample[0] : undefined;
  const document = isObject(only) && sample.length === 1 ? nestedDocumentReason(only) : undefined;
  if (document) return { mode: 'skipped', reason: document };
  return {
    mode: 'unknown',
    reason: `unrecognized input: it looks like ${describeInput(input)}. Accepted: ${ACCEPTED_KINDS}.`,
  };
}

/**
 * The input as described: a streamed array or wrapper is described from its head only, which ends mid-value when the
 * file is longer than the head — its elements already parsed are what it holds, not "JSON that does not parse".
 */
function described(input: JsonInput, sample: ReadonlyArray<RawItem>): JsonInput {
  const values = sample.filter((i) => i.value !== undefined && !i.top).map((i) => i.value);
  return input.shape === 'invalid-json' && values.length > 0 ? { shape: 'document', value: values } : input;
}

/** A template action (`{{ … }}`, `{{- … }}`) outside quotes: the YAML is a template (Helm, Go, Jinja), not data. */
const TEMPLATE_ACTION = /^[^#"'\n]*\{\{-?[^}\n]*\}\}/m;
const YAML_TEMPLATE =
  'a YAML template ({{ }} actions outside quotes, as in a Helm chart): configuration rendered before use, not evidence';

/** A text that is not JSON but parses as a YAML mapping or list: skipped, saying what it holds. */
function yamlOf(text: string): Decision | undefined {
  const shape = readJsonInput(text).shape;
  if (shape !== 'text' && shape !== 'invalid-json') return undefined;
  const yaml = readYaml(text);
  if (!yaml.ok) return undefined;
  if (isObject(yaml.value)) return { mode: 'skipped', reason: yamlSettings(yaml.value) };
  return Array.isArray(yaml.value) ? { mode: 'skipped', reason: yamlList(yaml.value) } : undefined;
}

/** A YAML file of no kind imported (dbt schema and project files, docker-compose, CI settings): what it holds. */
function yamlSettings(value: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(value);
  const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
  return `YAML of a kind not imported (keys: ${shown || 'none'}): configuration, not evidence`;
}

/** JSON records of fields no importer knows, with no field that could be a record's id or time (record-table.ts). */
function recordsNotEvidence(input: JsonInput, sample: ReadonlyArray<RawItem>): string | undefined {
  // A wrapper's list (`{"items": [...]}`) is judged by its elements, as an array is, not by the wrapper's one key.
  const elements = sample.filter((i) => !i.top && i.value !== undefined).map((i) => i.value);
  const top = input.shape === 'document' ? [input.value] : input.shape === 'lines' ? input.sample : [];
  const values = elements.length > 0 ? elements : top;
  const objects = values.flatMap((v) => (Array.isArray(v) ? v.slice(0, SAMPLE) : [v])).filter(isObject);
  if (objects.length === 0) return undefined;
  // A page of records under a key of its own (`{"page": 1, "results": [...]}`) is judged by its records' fields too.
  if (objects.length === 1 && listsTimedRecords(objects[0] as Record<string, unknown>)) return undefined;
  const sampled = objects.slice(0, SAMPLE);
  return tableNotEvidence(describeInput(input), recordColumns(sampled), sampled.map(recordCells), 'field');
}

/** A YAML stream of several documents (Kubernetes manifests, say), none a kind imported: what it holds. */
function yamlStream(values: ReadonlyArray<unknown>): string {
  const first = values.find(isObject);
  const keys = first ? Object.keys(first).slice(0, 5).join(', ') : '';
  return `YAML of ${values.length} documents of a kind not imported${first ? ` (the first with keys ${keys})` : ''}, not evidence`;
}

/** A YAML list of no kind imported (test expectations written in YAML flow style, say): what it holds. */
function yamlList(value: ReadonlyArray<unknown>): string {
  const first = value.find(isObject);
  const keys = first ? Object.keys(first) : [];
  const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
  const items = `${value.length} item${value.length === 1 ? '' : 's'}`;
  return `YAML list of a kind not imported (${items}${first ? `, the first with keys ${shown}` : ''}), not evidence`;
}

function vote(items: ReadonlyArray<RawItem>): RecordKind | undefined {
  const votes = new Map<RecordKind, number>();
  for (const { value } of items.slice(0, SAMPLE)) {
    const kind = isObject(value) ? classifyRecord(value) : undefined;
    if (kind) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  }
  let best: RecordKind | undefined;
  let most = 0;
  for (const [kind, n] of votes) if (n > most) [best, most] = [kind, n];
  return best;
}

function sniffed(head: string): RecordKind | undefined {
  const start = head.trimStart()[0];
  return start === '{' || start === '[' ? classifyRecord(sniffKeys(head)) : undefined;
}

function emptyWrapperKind(pending: ReadonlyArray<RawItem>): RecordKind | undefined {
  for (const item of pending) {
    if (!item.top || !isObject(item.value)) continue;
    const key = Object.keys(EMPTY_WRAPPER_KINDS).find((k) => Array.isArray((item.value as Record<string, unknown>)[k]));
    if (key) return EMPTY_WRAPPER_KINDS[key];
  }
  return undefined;
}

/** A whole line or document that is an array or a wrapper object stands for its elements. */
function expand(item: RawItem): ReadonlyArray<RawItem> {
  if (!item.top || item.reason !== undefined) return [item];
  const { value, line } = item;
  const base = item.pointer ?? '';
  const at = (pointer: string) => ({ ...(line !== undefined && { line }), pointer, top: false });
  if (Array.isArray(value)) return value.map((v, i) => ({ value: v, ...at(`${base}/${i}`) }));
  const key = isObject(value) ? WRAPPER_KEYS.find((k) => Array.isArray(value[k])) : undefined;
  if (key === undefined || !isObject(value)) return [item];
  return (value[key] as unknown[]).map((v, i) => ({ value: v, ...at(`${base}/${key}/${i}`) }));
}

function summary(decision: Decision | undefined, sink: ImportSink) {
  const known = decision?.mode === 'records' ? RECORD_MAPPERS[decision.kind] : undefined;
  const doc = decision?.mode === 'document' ? decision.importer : undefined;
  return {
    importer: known?.importer ?? doc?.importer ?? 'detector',
    importerVersion: IMPORTER_VERSION,
    detected: known?.detected ?? doc?.kind ?? 'unknown',
    counts: { ...sink.counts },
    rejections: sink.rejections,
    rejectedCount: sink.rejectedCount,
    warnings: sink.warnings,
    warningCount: sink.warningCount,
    ...sink.groups(),
    ...(decision?.mode === 'skipped' && { skipped: decision.reason }),
  };
}
