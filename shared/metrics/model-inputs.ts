/**
 * Audit completeness and traceability coverage, measured over model inputs: every feature value a decision
 * consumed. Inputs that share feature, dataset and dataset version share their lineage, so each group is traced
 * once (as of its first decision) and its verdict counts for every decision in it. Everything after the traces is a
 * count per group and per week: no per-input objects, and drill-down text only for the records kept.
 */
import { commitGraph } from '../analysis/commit-graph';
import type { TraceResult } from '../analysis/types';
import { lineageModel } from '../lineage/lineage-model';
import { traceOnModel } from '../lineage/trace-query';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, DecisionFeature } from '../model/records';
import { DRILL_DOWN_LIMIT, type DrillDown, type DrillDownItem, type Metric, type MetricOptions } from './metric-types';
import { round4, weekStart, weeklyShares } from './weeks';

/** The stages of lineage documentation, from the serving layer up to the source. */
export const STAGES = ['serving', 'run', 'code', 'history', 'source'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages an input needs to be connected end to end (decision → dataset version → run → source). */
const CONNECTED: ReadonlyArray<Stage> = ['serving', 'run', 'source'];

const STAGE_TEXT: Readonly<Record<Stage, string>> = {
  serving: 'the decision log names the dataset and the dataset version it read',
  run: 'a lineage run is recorded as writing that dataset version',
  code: 'every job upstream records its code location and the version it ran',
  history: 'every such code version is a commit in the imported Git history',
  source: 'the trace reaches a source (event stream or raw dataset) with no gap in between',
};

interface InputGroup {
  readonly decisions: Decision[];
  readonly feature: DecisionFeature;
  stages: Readonly<Record<Stage, boolean>>;
}

const NONE: Readonly<Record<Stage, boolean>> = {
  serving: false,
  run: false,
  code: false,
  history: false,
  source: false,
};

/** Documentation at each stage for one traced input. */
function stagesOf(
  feature: DecisionFeature,
  trace: TraceResult,
  known: (sha: string) => boolean,
): Record<Stage, boolean> {
  const serving = Boolean(feature.dataset && feature.datasetVersion);
  const run = trace.jobs.length > 0;
  const code = run && trace.jobs.every((j) => j.codePath !== undefined && j.codeVersion !== undefined);
  const history = code && trace.jobs.every((j) => known(j.codeVersion as string));
  const source = run && trace.nodes.some((n) => n.kind === 'source') && trace.gaps.length === 0;
  return { serving, run, code, history, source };
}

/** What a feature input is: its name and the dataset version it read. */
function inputLabel(f: DecisionFeature): string {
  const dataset = f.dataset ? `${f.dataset.namespace}:${f.dataset.name}` : 'no dataset';
  return `${f.name} (${dataset}${f.datasetVersion ? ` @ ${f.datasetVersion}` : ''})`;
}

/**
 * The decisions with an input failing `lacking` (the stages it lacks, empty when it passes), in the order the
 * inputs were grouped; items (with every failing input of the decision) only for the first `limit`, all counted.
 */
function decisionDrillDown(
  groups: ReadonlyArray<InputGroup>,
  lacking: (g: InputGroup) => ReadonlyArray<Stage>,
  what: string,
  limit: number,
): DrillDown {
  const kept = new Map<string, { d: Decision; inputs: string[]; tags: Set<string> } | null>();
  let total = 0;
  for (const g of groups) {
    const stages = lacking(g);
    if (stages.length === 0) continue;
    const line = `${inputLabel(g.feature)}: ${what} ${stages.join(', ')}`;
    for (const d of g.decisions) {
      let entry = kept.get(d.decisionId);
      if (entry === undefined) {
        entry = total < limit ? { d, inputs: [], tags: new Set<string>() } : null;
        kept.set(d.decisionId, entry);
        total++;
      }
      if (entry === null) continue;
      entry.inputs.push(line);
      for (const s of stages) entry.tags.add(s);
    }
  }
  const items: DrillDownItem[] = [];
  for (const entry of kept.values()) {
    if (entry === null) break;
    const { d, inputs, tags } = entry;
    items.push({
      id: d.decisionId,
      kind: 'decision',
      time: d.timestamp,
      reason: inputs.join('; '),
      tags: [...tags],
      evidence: d.provenance,
    });
  }
  return { kinds: ['decision'], ids: items.map((i) => i.id), total, items };
}

/** The decisions' inputs grouped by feature, dataset, dataset version and feature version, in first-use order. */
function groupInputs(decisions: ReadonlyArray<Decision>): InputGroup[] {
  const groups = new Map<string, InputGroup>();
  for (const d of decisions) {
    for (const f of d.features) {
      const key = [
        f.name,
        f.dataset ? `${f.dataset.namespace}:${f.dataset.name}` : '',
        f.datasetVersion ?? '',
        f.featureVersion ?? '',
      ].join('\u0000');
      const g = groups.get(key);
      if (g) g.decisions.push(d);
      else groups.set(key, { decisions: [d], feature: f, stages: NONE });
    }
  }
  return [...groups.values()];
}

/** Computes audit completeness (by stage) and traceability coverage over every model input of the evidence. */
export function modelInputMetrics(
  set: EvidenceSet,
  options: MetricOptions = {},
): { completeness: Metric; coverage: Metric } {
  const groups = groupInputs(set.decisions);
  const model = lineageModel(set);
  const graph = commitGraph(set.commits, set.pullRequests);
  const known = (sha: string) => graph.resolve(sha) !== undefined;
  for (const g of groups) {
    const first = g.decisions[0] as Decision;
    const trace = g.feature.dataset ? traceOnModel(model, { decision: first, featureName: g.feature.name }) : undefined;
    if (trace) g.stages = stagesOf(g.feature, trace, known);
  }
  const complete = (g: InputGroup) => STAGES.every((s) => g.stages[s]);
  const connected = (g: InputGroup) => CONNECTED.every((s) => g.stages[s]);
  const undocumented = (g: InputGroup) => STAGES.filter((s) => !g.stages[s]);
  const unconnected = (g: InputGroup) => CONNECTED.filter((s) => !g.stages[s]);
  // Every input counts once: per group its decisions, per week the inputs of that week's decisions.
  let uses = 0;
  const ok = { complete: 0, connected: 0, ...Object.fromEntries(STAGES.map((s) => [s, 0])) } as Record<string, number>;
  const weeks = new Map<number, { n: number; complete: number; connected: number }>();
  for (const g of groups) {
    const n = g.decisions.length;
    uses += n;
    for (const s of STAGES) if (g.stages[s]) (ok[s] as number) += n;
    const isComplete = complete(g);
    const isConnected = connected(g);
    if (isComplete) (ok.complete as number) += n;
    if (isConnected) (ok.connected as number) += n;
    for (const d of g.decisions) {
      const t = Date.parse(d.timestamp);
      if (!Number.isFinite(t)) continue;
      const w = weekStart(t);
      let week = weeks.get(w);
      if (!week) weeks.set(w, (week = { n: 0, complete: 0, connected: 0 }));
      week.n++;
      if (isComplete) week.complete++;
      if (isConnected) week.connected++;
    }
  }
  const share = (k: string) => (uses === 0 ? null : round4((ok[k] as number) / uses));
  const byStage = Object.fromEntries(STAGES.map((s) => [s, share(s)]));
  const inputs = { inputs: uses, distinctInputs: groups.length };
  const limit = options.drillDownLimit ?? DRILL_DOWN_LIMIT;
  return {
    completeness: {
      id: 'audit-completeness',
      name: 'Audit completeness',
      unit: 'share',
      value: share('complete'),
      definition:
        'Share of model inputs (each feature value a decision consumed) whose lineage is documented at every stage: ' +
        STAGES.map((s) => `${s} — ${STAGE_TEXT[s]}`).join('; ') +
        '. Shown by stage; the trend is per week of the decisions; the drill-down lists the decisions with an input undocumented at some stage.',
      trend: weeklyShares(weeks, (w) => w.complete),
      drillDown: decisionDrillDown(groups, undocumented, 'no lineage documented at', limit),
      details: { byStage, ...inputs },
    },
    coverage: {
      id: 'traceability-coverage',
      name: 'Traceability coverage',
      unit: 'share',
      value: share('connected'),
      definition:
        'Share of model inputs connected end to end: from the decision through the dataset version it read and the run that wrote it, ' +
        'up to a source event stream or raw dataset, as of the decision, with no gap on the way. The trend is per week of the decisions; ' +
        'the drill-down lists the decisions with an input that is not connected.',
      trend: weeklyShares(weeks, (w) => w.connected),
      drillDown: decisionDrillDown(groups, unconnected, 'not connected end to end, broken at', limit),
      details: inputs,
    },
  };
}
