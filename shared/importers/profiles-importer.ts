/**
 * RudderStack Profiles project YAML as identity-resolution configuration: every model of `models:` whose
 * `model_type` is `id_stitcher` (its `edge_sources[].from`), every entity of `pb_project.yaml` (`entities[].id_types`)
 * and every input with `ids` (`inputs[].ids[].type`) becomes an IdentityConfig.
 */
import type { IdentityConfig } from '../model/records';
import { at, type DocumentImporter, type DocumentOutput } from './document-importer';
import { isObject } from './json-input';

const strings = (list: unknown, key?: string): string[] =>
  Array.isArray(list)
    ? list
        .map((x) => (key === undefined ? x : isObject(x) ? x[key] : undefined))
        .filter((x): x is string => typeof x === 'string' && x !== '')
    : [];

export const profilesImporter: DocumentImporter = {
  kind: 'profiles-project',
  importer: 'profiles',
  detect: (value) => {
    if (!isObject(value)) return false;
    const models =
      Array.isArray(value.models) && value.models.some((m) => isObject(m) && typeof m.model_type === 'string');
    const entities =
      Array.isArray(value.entities) && value.entities.some((e) => isObject(e) && Array.isArray(e.id_types));
    const inputs = Array.isArray(value.inputs) && value.inputs.some((i) => isObject(i) && Array.isArray(i.ids));
    return models || entities || inputs;
  },
  run: (value, out) => {
    const doc = value as Record<string, unknown>;
    (Array.isArray(doc.models) ? doc.models : []).forEach((m, i) => {
      if (!isObject(m) || m.model_type !== 'id_stitcher') return;
      const spec = isObject(m.model_spec) ? m.model_spec : {};
      const idTypes =
        strings(spec.edge_sources, 'ids').length > 0 ? strings(spec.edge_sources, 'ids') : strings(spec.id_types);
      add(out, `/models/${i}`, m, 'id_stitcher', idTypes, strings(spec.edge_sources, 'from'));
    });
    (Array.isArray(doc.entities) ? doc.entities : []).forEach((e, i) => {
      if (!isObject(e)) return;
      add(out, `/entities/${i}`, e, 'entity', strings(e.id_types), []);
    });
    (Array.isArray(doc.inputs) ? doc.inputs : []).forEach((input, i) => {
      if (!isObject(input) || !Array.isArray(input.ids)) return;
      add(out, `/inputs/${i}`, input, 'input', [...new Set(strings(input.ids, 'type'))], []);
    });
  },
};

function add(
  out: DocumentOutput,
  pointer: string,
  item: Record<string, unknown>,
  modelType: string,
  idTypes: ReadonlyArray<string>,
  edgeSources: ReadonlyArray<string>,
): void {
  if (typeof item.name !== 'string' || item.name === '') {
    out.reject(
      { pointer, ...(out.lineOf?.(pointer) !== undefined && { line: out.lineOf(pointer) }) },
      `a Profiles ${modelType} needs a "name"`,
    );
    return;
  }
  const record: IdentityConfig = {
    kind: 'identity-config',
    name: item.name,
    modelType,
    idTypes,
    edgeSources,
    definition: item,
    provenance: at(out, pointer),
  };
  out.record(record);
}
