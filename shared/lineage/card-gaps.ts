/**
 * Gaps seen anywhere in the traced closure, beyond those that stop one of the card's answers: configuration
 * changed through a UI or API on a traced node while its version was active, manual identity-resolution
 * overrides touching the decision's subject, transformations whose code version is unknown, and what the
 * trace itself could not resolve.
 */
import { samePath } from '../analysis/commit-graph';
import type { TraceResult } from '../analysis/types';
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Decision } from '../model/records';
import type { Gap } from './card-types';

const MANUAL_IDENTITY = /identity[_.-]?merge|manual[_.-]?merge|identity.*override/i;

/** The gaps of the closure as of `t` (ms). */
export function closureGaps(
  set: EvidenceSet,
  decision: Decision,
  trace: TraceResult,
  t: number,
  /** The job the card's own version answer covers: its untracked code is reported there. */
  writerId?: string,
): Gap[] {
  const gaps: Gap[] = [];
  const ids = new Set(trace.nodes.map((n) => n.id));
  const paths = trace.jobs.map((j) => j.codePath).filter((p): p is string => p !== undefined);
  const traced = (a: AuditEntry) => ids.has(a.target.id) || paths.some((p) => samePath(a.target.id, p));
  for (const a of set.audit) {
    const at = Date.parse(a.timestamp);
    if (at > t || !traced(a)) continue;
    if (MANUAL_IDENTITY.test(a.target.type) || MANUAL_IDENTITY.test(a.action)) {
      const text = JSON.stringify([a.before, a.after, a.extra]);
      if (decision.subjectId && !text.includes(decision.subjectId)) continue;
      gaps.push({
        gap: 'manual-identity-override',
        explanation: `${a.actor} overrode identity resolution on ${a.target.id} by hand (${a.id}, ${a.timestamp}, ${a.channel ?? 'unknown channel'})${decision.subjectId ? `, touching subject ${decision.subjectId}` : ''}.`,
      });
      continue;
    }
    const node = trace.nodes.find(
      (n) => n.id === a.target.id || (n.details['code path'] && samePath(a.target.id, n.details['code path'])),
    );
    const since = node?.validFrom ? Date.parse(node.validFrom) : -Infinity;
    if ((a.channel === 'ui' || a.channel === 'api') && at >= since) {
      gaps.push({
        gap: 'ui-only-change',
        explanation: `${a.target.id} was changed through the ${a.channel} by ${a.actor} (${a.id}, ${a.timestamp}) while its traced version was active: the change is in no commit.`,
      });
    }
  }
  for (const j of trace.jobs) {
    if (!j.codePath && j.id !== writerId) {
      gaps.push({
        gap: 'untracked-transformation',
        explanation: `${j.id} names no source code location: the commit behind its run ${j.runId} is unknown.`,
      });
    }
  }
  for (const g of trace.gaps) {
    if (/^Untracked transformation/.test(g)) continue;
    gaps.push({
      gap: /Serving-layer opacity|does not record the dataset version/.test(g)
        ? 'serving-layer-opacity'
        : 'missing-record',
      explanation: g,
    });
  }
  return gaps;
}
