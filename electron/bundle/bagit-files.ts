/** RFC 8493 tag-file formats: manifest lines, bag-info lines, and the path encoding both use. */

/** Encodes a bag path for a manifest line (RFC 8493 §2.1.3): `%`, CR and LF percent-encoded. */
export function encodeBagPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeBagPath(path: string): string {
  return path.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

export interface ManifestLine {
  readonly hash: string;
  readonly path: string;
  readonly line: number;
}

/** `<hash>  <path>` per line, sorted by path. */
export function formatManifest(entries: ReadonlyArray<{ readonly path: string; readonly hash: string }>): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.hash}  ${encodeBagPath(e.path)}\n`)
    .join('');
}

/** Parses a manifest; a malformed line is reported with its number. */
export function parseManifest(text: string, file: string): ManifestLine[] {
  const out: ManifestLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(raw);
    if (!m) throw new Error(`${file} line ${i + 1}: not "<sha256>  <path>": ${JSON.stringify(raw.slice(0, 120))}`);
    out.push({
      hash: (m[1] as string).toLowerCase(),
      path: decodeBagPath((m[2] as string).replace(/^\*/, '')),
      line: i + 1,
    });
  });
  return out;
}

/** `Label: value` lines (values on one line). */
export function formatBagInfo(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/\r?\n/g, ' ')}\n`).join('');
}

/** bag-info.txt as label → values (labels may repeat; continuation lines start with whitespace). */
export function parseBagInfo(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: { key: string; index: number } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last) {
      const values = fields.get(last.key) as string[];
      values[last.index] = `${values[last.index]} ${line.trim()}`;
      continue;
    }
    const at = line.indexOf(':');
    if (at < 0) continue;
    const key = line.slice(0, at).trim();
    const values = fields.get(key) ?? [];
    values.push(line.slice(at + 1).trim());
    fields.set(key, values);
    last = { key, index: values.length - 1 };
  }
  return fields;
}
