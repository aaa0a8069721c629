/**
 * Schema changes between successive versions of a traced dataset: fields added, removed or retyped between one
 * version's schema facet and the next, in the look-back window. Each is a suspect named by the id of the run that
 * first wrote the new schema, scored like any change.
 */
import { lineageModel } from '../lineage/lineage-model';
import type { SchemaField } from '../model/records';
import { distanceTerm, fieldTerm, intervalTimingTerm, reweigh, weigh } from './change-score';
import { consistencyOf } from './consistency';
import type { Suspect } from './engine-types';
import type { SuspectContext } from './suspect-context';

/** What changed between two schemas, as lines (`added x (string)`, `removed y`, `retyped z: int → string`). */
export function schemaDiff(before: ReadonlyArray<SchemaField>, after: ReadonlyArray<SchemaField>): string[] {
  const was = new Map(before.map((f) => [f.name, f] as const));
  const now = new Map(after.map((f) => [f.name, f] as const));
  const lines: string[] = [];
  for (const [name, f] of now) {
    const old = was.get(name);
    if (!old) lines.push(`added ${name}${f.type ? ` (${f.type})` : ''}`);
    else if ((old.type ?? '') !== (f.type ?? '')) lines.push(`retyped ${name}: ${old.type ?? '?'} → ${f.type ?? '?'}`);
  }
  for (const name of was.keys()) if (!now.has(name)) lines.push(`removed ${name}`);
  return lines;
}

/**
 * The schema changes of the traced datasets in the window, scored. A schema change that a listed change explains —
 * one that changed the writing job (or a job upstream of it) between the two writes — is not a rival suspect: it is
 * evidence for that change, which gains the schema diff (and the touched field, where the diff names one).
 */
export function schemaSuspects(ctx: SuspectContext, others: Suspect[]): Suspect[] {
  const model = lineageModel(ctx.set);
  const out: Suspect[] = [];
  for (const node of ctx.trace.nodes) {
    if (node.kind !== 'dataset') continue;
    const versions = model.versionsOf(node.id);
    let previous = undefined as (typeof versions)[number] | undefined;
    for (const v of versions) {
      if (v.from > ctx.searchEnd) break;
      // A declared version (static lineage, no run) is what a file says, not a schema observed at a moment.
      if (v.declared) continue;
      const prior = previous;
      if (v.fields.length > 0) previous = v;
      if (!prior || v.fields.length === 0 || v.from < ctx.windowStart) continue;
      const diff = schemaDiff(prior.fields, v.fields);
      if (diff.length === 0) continue;
      const fields = ctx.fieldsOf(node.id);
      const field = fieldTerm(diff.join('\n'), fields);
      const writer = ctx.trace.jobs.find((j) => j.id === v.run.job);
      const cause = others.find(
        (o) =>
          o.kind !== 'schema' &&
          !o.possible &&
          o.consistency.verdict !== 'never-ran' &&
          o.touches.some((t) => {
            const job = ctx.trace.jobs.find((j) => j.id === t);
            return job !== undefined && (job.id === v.run.job || (writer !== undefined && job.depth >= writer.depth));
          }) &&
          Date.parse(o.effectiveTime) > prior.from &&
          Date.parse(o.effectiveTime) <= v.from,
      );
      if (cause) {
        const at = others.indexOf(cause);
        const touched = cause.reasons.find((r) => r.term === 'touched field');
        const reweighed =
          field === 1 && (touched?.value ?? 0) < 1
            ? reweigh(
                cause.reasons,
                'touched field',
                1,
                `its effect, the schema change of ${node.id}, touched a traced field: ${diff.join('; ')}`,
              )
            : { score: cause.score, reasons: cause.reasons };
        others[at] = {
          ...cause,
          ...reweighed,
          schemaDiff: [...(cause.schemaDiff ?? []), ...diff.map((d) => `${node.id}: ${d}`)],
        };
        continue;
      }
      const writerDepth = node.depth + 1;
      const { score, reasons } = weigh({
        timing: {
          value: intervalTimingTerm(v.from, ctx.interval),
          note: `version ${v.version} written at ${new Date(v.from).toISOString()}`,
        },
        distance: { value: distanceTerm(Math.max(writerDepth, ctx.nearest), ctx.nearest), note: `changes ${node.id}` },
        kind: { value: 1, note: 'schema change' },
        'in running version': { value: 1, note: `written by run ${v.run.runId} of ${v.run.job}` },
        'touched field': {
          value: field,
          note: field === 1 ? 'a traced field changed' : `no traced field (${fields.join(', ') || 'none'}) changed`,
        },
        'outside workflow': { value: 0, note: 'a schema change is judged by the change that caused it' },
      });
      out.push({
        // Named by the run that first wrote the new schema: the run is the change's own record.
        id: v.run.runId,
        kind: 'schema',
        timestamp: new Date(v.from).toISOString(),
        effectiveTime: new Date(v.from).toISOString(),
        actor: v.run.job,
        summary: `schema of ${node.id} changed: ${diff.join('; ')}`,
        touches: [node.id],
        paths: [],
        score,
        reasons,
        evidence: v.evidence,
        schemaDiff: diff,
        consistency: consistencyOf(ctx, v.from, [node.id]),
      });
    }
  }
  return out;
}
