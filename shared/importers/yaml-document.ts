/**
 * Reads a YAML document (rudder-cli tracking plans, RudderStack Profiles projects) with the `yaml` package and
 * keeps a way back from a JSON pointer to the 1-based line it was written on, for provenance.
 */
import { LineCounter, parseAllDocuments, parseDocument } from 'yaml';

export type YamlRead =
  | { readonly ok: true; readonly value: unknown; readonly lineOf: (pointer: string) => number | undefined }
  | { readonly ok: false; readonly reason: string; readonly line?: number };

/** Parses YAML text; the first error is the reason, with its line. Never throws. */
export function readYaml(text: string): YamlRead {
  const lineCounter = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      return { ok: false, reason: `invalid YAML: ${error.message.split('\n')[0] ?? ''}`, ...(line && { line }) };
    }
    const lineOf = (pointer: string) => {
      const path = pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    };
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) as unknown, lineOf };
  } catch (error) {
    return { ok: false, reason: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The values of a YAML stream of several documents (`---` between them), or undefined when one does not parse. */
export function readYamlDocuments(text: string): ReadonlyArray<unknown> | undefined {
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: false });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return docs.map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown);
  } catch {
    return undefined;
  }
}
