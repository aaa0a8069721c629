/**
 * The lineage card of one feature of one decision: origin, source event, transformation, the version active at
 * inference, who approved it, when and where it was deployed, and whether the serving environment matched the
 * one where it was tested — each with the evidence it rests on, or the gap that stops it.
 */
import { commitGraph } from '../analysis/commit-graph';
import type { TraceNode, TraceResult } from '../analysis/types';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, Provenance } from '../model/records';
import { closureGaps, versionGaps } from './card-gaps';
import { releaseAnswers } from './card-release';
import { isGap, type CardAnswer, type Gap, type LineageCard, type SourceEventValue } from './card-types';
import { pathHistory, versionAsOf } from './code-history';
import { jobVersionAt, lineageModel, type LineageModel } from './lineage-model';
import { primaryPath } from './trace-paths';
import { traceOnModel } from './trace-query';

const DEPENDS_ON_VERSION = new Set(['approvedBy', 'deployedAt', 'environmentMatchesApproval']);

/** Builds the lineage card; `asOf` (RFC 3339) re-draws it as of another moment than the decision's. */
export function lineageCard(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: { readonly asOf?: string } = {},
): LineageCard {
  const model = lineageModel(set);
  const trace = traceOnModel(model, { decision, featureName, asOf: options.asOf });
  const t = Date.parse(trace.asOf);
  const byId = new Map(trace.nodes.map((n) => [n.id, n] as const));
  const path = primaryPath(trace.paths ?? []).map((id) => byId.get(id) as TraceNode);
  const feature = decision.features.find((f) => f.name === featureName);
  const opaque: Gap | undefined = !feature
    ? { gap: 'missing-record', explanation: `The decision has no feature named ${featureName}.` }
    : !feature.dataset
      ? {
          gap: 'serving-layer-opacity',
          explanation: `The decision log does not say which dataset ${featureName} was read from.`,
        }
      : undefined;
  const origin = opaque ?? originAnswer(trace);
  const sourceEvent = opaque ?? sourceEventAnswer(set, model, trace, t);
  const writer = trace.jobs.reduce<(typeof trace.jobs)[number] | undefined>(
    (best, j) => (!best || j.depth < best.depth ? j : best),
    undefined,
  );
  const transformation: LineageCard['answers']['transformation'] =
    opaque ??
    (writer
      ? {
          value: {
            job: writer.id,
            runId: writer.runId,
            ...(writer.codePath !== undefined && { codePath: writer.codePath }),
            ...(writer.repositoryUrl !== undefined && { repositoryUrl: writer.repositoryUrl }),
          },
          text: byId.get(writer.id)?.details.lineage
            ? `${writer.id} (${writer.runId}${writer.codePath ? `, code at ${writer.codePath}` : ''}): ${byId.get(writer.id)?.details.lineage}`
            : `${writer.id} (run ${writer.runId}${writer.codePath ? `, code at ${writer.codePath}` : ''})`,
          evidence: [byId.get(writer.id)?.evidence].filter((e): e is Provenance => e !== undefined),
        }
      : {
          gap: 'missing-record',
          explanation: `No run in the evidence wrote ${feature?.dataset ? `${feature.dataset.namespace}:${feature.dataset.name}` : 'the dataset'} by ${trace.asOf}.`,
        });
  const release = releaseAnswers(set, model, decision, writer, t);
  const answers = { origin, sourceEvent, transformation, ...release };
  const gaps = new Map<string, Gap>();
  const stopped = isGap(release.versionAtInference);
  for (const [key, a] of Object.entries(answers) as Array<[string, CardAnswer<unknown>]>) {
    // Answers that follow the version only repeat its gap.
    if (!isGap(a) || (stopped && DEPENDS_ON_VERSION.has(key))) continue;
    gaps.set(`${a.gap}|${a.explanation}`, { gap: a.gap, explanation: a.explanation });
  }
  const version = release.versionAtInference;
  const closure = closureGaps(set, decision, trace, t, writer?.id, !stopped);
  for (const g of [...(isGap(version) || !writer ? [] : versionGaps(writer.id, version.value)), ...closure])
    gaps.set(`${g.gap}|${g.explanation}`, g);
  return {
    decisionId: decision.decisionId,
    feature: featureName,
    asOf: trace.asOf,
    trace,
    path,
    answers,
    gaps: [...gaps.values()],
  };
}

/** The origins: the furthest dataset on every path (a source no run writes, or one written from no inputs). */
function originAnswer(trace: TraceResult): CardAnswer<ReadonlyArray<string>> {
  const byId = new Map(trace.nodes.map((n) => [n.id, n] as const));
  const origins = new Set<string>();
  for (const p of trace.paths ?? []) {
    const last = [...p].reverse().find((id) => {
      const kind = byId.get(id)?.kind;
      return kind === 'dataset' || kind === 'source';
    });
    if (last) origins.add(last);
  }
  if (origins.size === 0)
    return { gap: 'missing-record', explanation: 'No dataset upstream of the feature is in the evidence.' };
  const list = [...origins].sort();
  const evidence = list
    .map((id) => byId.get(id)?.evidence ?? trace.edges.find((e) => e.source === id)?.evidence)
    .filter((e): e is Provenance => e !== undefined);
  return { value: list, text: list.join(', '), evidence };
}

/** Source events: origins read by a job that applies a tracking plan, with the plan's commit active then. */
function sourceEventAnswer(
  set: EvidenceSet,
  model: LineageModel,
  trace: TraceResult,
  t: number,
): CardAnswer<ReadonlyArray<SourceEventValue>> {
  const origin = originAnswer(trace);
  if (isGap(origin)) return origin;
  const graph = commitGraph(set.commits, set.pullRequests);
  const values: SourceEventValue[] = [];
  const evidence: Provenance[] = [];
  for (const dataset of origin.value) {
    const planJob = trace.edges
      .filter((e) => e.source === dataset && e.kind === 'input-of')
      .map((e) => trace.nodes.find((n) => n.id === e.target))
      .find((n) => n?.configKind === 'tracking-plan');
    if (!planJob) continue;
    const jv = jobVersionAt(model, planJob.id, t);
    const planPath = jv?.codePath;
    if (!planPath) continue;
    const version = versionAsOf(pathHistory(set, planPath), t, graph, jv.commit);
    values.push({
      dataset,
      trackingPlan: { job: planJob.id, path: planPath, commit: version?.commit.sha ?? jv.commit },
    });
    if (planJob.evidence) evidence.push(planJob.evidence);
    if (version) evidence.push(version.evidence);
  }
  if (values.length === 0) {
    return {
      gap: 'missing-record',
      explanation: `No tracking plan in the evidence defines the events of ${origin.value.join(', ')}: no job reading them keeps its code in a tracking-plan file.`,
    };
  }
  const text = values
    .map(
      (v) =>
        `${v.dataset}, defined by the tracking plan ${v.trackingPlan?.path} at ${v.trackingPlan?.commit ?? 'an unknown commit'}`,
    )
    .join('; ');
  return { value: values, text, evidence };
}
