/**
 * The evidence behind a node, as the side panel lists it: the record that established its version and those of
 * the edges into and out of it, each found back in the evidence set by source file and line (or JSON pointer).
 */
import type { TraceNode } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { EvidenceRecord, Provenance } from '../../shared/model/records';
import type { ViewGraph } from './view-graph';

export interface EvidenceItem {
  /** What this record establishes (the node's version, an edge). */
  readonly role: string;
  readonly provenance: Provenance;
}

const key = (p: Provenance) => `${p.sourceId}|${p.line ?? ''}|${p.pointer ?? ''}`;

/** The node's own evidence first, then its edges', without repeats. */
export function evidenceOf(node: TraceNode, view: ViewGraph): ReadonlyArray<EvidenceItem> {
  const items: EvidenceItem[] = [];
  const seen = new Set<string>();
  const add = (role: string, p: Provenance | undefined) => {
    if (!p || seen.has(key(p))) return;
    seen.add(key(p));
    items.push({ role, provenance: p });
  };
  const role = !node.version
    ? 'this node'
    : node.kind === 'decision'
      ? `model ${node.version}`
      : `version ${node.version}`;
  add(role, node.evidence);
  for (const e of view.edges) {
    if (e.source === node.id || e.target === node.id) add(`${e.kind}: ${e.source} → ${e.target}`, e.edge?.evidence);
  }
  return items;
}

/** The imported record at this provenance, if the evidence set holds it. */
export function recordAt(set: EvidenceSet, p: Provenance): EvidenceRecord | undefined {
  const lists: ReadonlyArray<ReadonlyArray<EvidenceRecord>> = [
    set.runs,
    set.deployments,
    set.audit,
    set.pullRequests,
    set.commits,
    set.enforcement,
    set.decisions,
  ];
  for (const list of lists) {
    const found = list.find(
      (r) => r.provenance.sourceId === p.sourceId && r.provenance.line === p.line && r.provenance.pointer === p.pointer,
    );
    if (found) return found;
  }
  return undefined;
}
