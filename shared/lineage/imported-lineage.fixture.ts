/**
 * Lineage tests' evidence as the app has it: files imported by the importers (none of their lines rejected) and read
 * into the temporal lineage model, so that a test's hand-made OpenLineage events go through what real files go through.
 */
import { expect } from 'vitest';
import { importInput } from '../importers/index';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord } from '../model/records';
import { lineageModel, type LineageModel } from './lineage-model';

/** The records of one file, imported with no line rejected. */
export function imported(name: string, text: string): EvidenceRecord[] {
  const result = importInput({ name, sha256: name, size: text.length, text });
  expect(result.rejections).toEqual([]);
  return [...result.records];
}

/** The lineage model of OpenLineage events given as one JSON-lines file. */
export const modelOfEvents = (events: ReadonlyArray<unknown>): LineageModel =>
  lineageModel(toEvidenceSet(imported('events.jsonl', events.map((e) => JSON.stringify(e)).join('\n'))));
