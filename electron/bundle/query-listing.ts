/**
 * A decision log read in place is listed in `data/sources.json` as `included: "query"`: where it is, the engine, the
 * relation and mapping, and the queries the case's decisions came from, each with its row count and rows' SHA-256
 * (electron/warehouse/cited-queries.ts). Nothing of it is in the payload; this checks the entry is whole and names
 * the source it says (its sha256 is the SHA-256 of its location, as the decisions' provenance has it).
 */
import type { WarehouseCitation } from '../warehouse/cited-queries.js';
import type { Discrepancy } from './bagit-verify.js';
import { sha256Hex } from './hashing.js';

const HEX64 = /^[0-9a-f]{64}$/;

/** The listing as a citation, or undefined after naming in `found` what is missing or wrong. */
export function readQueryListing(
  entry: Readonly<Record<string, unknown>>,
  where: string,
  file: string,
  found: Discrepancy[],
): WarehouseCitation | undefined {
  const problems: string[] = [];
  const { location, engine, relation, mapping, queries, sha256 } = entry;
  if (typeof location !== 'string') problems.push('has no location');
  else if (sha256 !== sha256Hex(location)) problems.push('has a sha256 that is not the SHA-256 of its location');
  if (engine !== 'duckdb' && engine !== 'postgresql') problems.push('names no engine (duckdb or postgresql)');
  if (typeof relation !== 'string') problems.push('has no relation');
  if (mapping === null || typeof mapping !== 'object') problems.push('has no column mapping');
  if (!Array.isArray(queries)) problems.push('has no queries');
  else
    queries.forEach((q: unknown, i) => {
      const query = (q ?? {}) as Record<string, unknown>;
      const whole =
        typeof query.text === 'string' &&
        Array.isArray(query.params) &&
        query.params.every((p) => typeof p === 'string' || typeof p === 'number') &&
        Number.isSafeInteger(query.rows) &&
        typeof query.sha256 === 'string' &&
        HEX64.test(query.sha256);
      if (!whole) problems.push(`query ${i + 1} lacks its text, params, row count or rows' SHA-256`);
    });
  for (const message of problems) found.push({ file, message: `${where} (a query-cited source) ${message}` });
  return problems.length === 0 ? (entry as unknown as WarehouseCitation) : undefined;
}
