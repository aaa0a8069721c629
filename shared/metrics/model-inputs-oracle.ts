/**
 * The first implementation of audit completeness and traceability coverage — one object per model input, every
 * drill-down line built — kept as the oracle that model-inputs.test.ts holds the fast one equal to. Not used by the app.
 */
import { commitGraph } from '../analysis/commit-graph';
import type { TraceResult } from '../analysis/types';
import { lineageModel } from '../lineage/lineage-model';
import { traceOnModel } from '../lineage/trace-query';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, DecisionFeature } from '../model/records';
import { drillDown, type DrillDownItem, type Metric, type MetricOptions } from './metric-types';
import { round4, weeklySeries } from './weeks';

/** The stages of lineage documentation, from the serving layer up to the source. */
const STAGES = ['serving', 'run', 'code', 'history', 'source'] as const;
type Stage = (typeof STAGES)[number];
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
  stages?: Readonly<Record<Stage, boolean>>;
}

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
 * One drill-down item per decision with an input failing `lacking` (the stages it lacks, empty when it passes),
 * in the order the inputs were grouped.
 */
function decisionItems(
  uses: ReadonlyArray<{ readonly d: Decision; readonly g: InputGroup }>,
  lacking: (g: InputGroup) => ReadonlyArray<Stage>,
  what: string,
): DrillDownItem[] {
  const byDecision = new Map<string, { d: Decision; inputs: string[]; tags: Set<string> }>();
  for (const { d, g } of uses) {
    const stages = lacking(g);
    if (stages.length === 0) continue;
    const entry = byDecision.get(d.decisionId) ?? { d, inputs: [], tags: new Set<string>() };
    entry.inputs.push(`${inputLabel(g.feature)}: ${what} ${stages.join(', ')}`);
    for (const s of stages) entry.tags.add(s);
    byDecision.set(d.decisionId, entry);
  }
  return [...byDecision.values()].map(({ d, inputs, tags }) => ({
    id: d.decisionId,
    kind: 'decision',
    time: d.timestamp,
    reason: inputs.join('; '),
    tags: [...tags],
    evidence: d.provenance,
  }));
}

/** The oracle: audit completeness and traceability coverage computed input by input. */
export function modelInputMetricsOracle(
  set: EvidenceSet,
  options: MetricOptions = {},
): { completeness: Metric; coverage: Metric } {
  const groups = new Map<string, InputGroup>();
  for (const d of set.decisions) {
    for (const f of d.features) {
      const key = [
        f.name,
        f.dataset ? `${f.dataset.namespace}:${f.dataset.name}` : '',
        f.datasetVersion ?? '',
        f.featureVersion ?? '',
      ].join('\u0000');
      const g = groups.get(key) ?? { decisions: [], feature: f };
      g.decisions.push(d);
      groups.set(key, g);
    }
  }
  const model = lineageModel(set);
  const graph = commitGraph(set.commits, set.pullRequests);
  const known = (sha: string) => graph.resolve(sha) !== undefined;
  for (const g of groups.values()) {
    const first = g.decisions[0] as Decision;
    const trace = g.feature.dataset ? traceOnModel(model, { decision: first, featureName: g.feature.name }) : undefined;
    g.stages = trace
      ? stagesOf(g.feature, trace, known)
      : { serving: false, run: false, code: false, history: false, source: false };
  }
  const uses = [...groups.values()].flatMap((g) => g.decisions.map((d) => ({ d, g })));
  const complete = (g: InputGroup) => STAGES.every((s) => g.stages?.[s]);
  const share = (ok: number, n: number) => (n === 0 ? null : round4(ok / n));
  const byStage = Object.fromEntries(
    STAGES.map((s) => [s, share(uses.filter((u) => u.g.stages?.[s]).length, uses.length)]),
  );
  const undocumented = (g: InputGroup) => STAGES.filter((s) => !g.stages?.[s]);
  const unconnected = (g: InputGroup) => CONNECTED.filter((s) => !g.stages?.[s]);
  const samples = uses.map((u) => ({ time: Date.parse(u.d.timestamp), item: u.g }));
  const shareOf = (pred: (g: InputGroup) => boolean) => (items: ReadonlyArray<InputGroup>) =>
    round4(items.filter(pred).length / items.length);
  const connected = (g: InputGroup) => unconnected(g).length === 0;
  const inputs = { inputs: uses.length, distinctInputs: groups.size };
  return {
    completeness: {
      id: 'audit-completeness',
      name: 'Audit completeness',
      unit: 'share',
      value: share(uses.filter((u) => complete(u.g)).length, uses.length),
      definition:
        'Share of model inputs (each feature value a decision consumed) whose lineage is documented at every stage: ' +
        STAGES.map((s) => `${s} — ${STAGE_TEXT[s]}`).join('; ') +
        '. Shown by stage; the trend is per week of the decisions; the drill-down lists the decisions with an input undocumented at some stage.',
      trend: weeklySeries(samples, shareOf(complete)),
      drillDown: drillDown(
        ['decision'],
        decisionItems(uses, undocumented, 'no lineage documented at'),
        options.drillDownLimit,
      ),
      details: { byStage, ...inputs },
    },
    coverage: {
      id: 'traceability-coverage',
      name: 'Traceability coverage',
      unit: 'share',
      value: share(uses.filter((u) => connected(u.g)).length, uses.length),
      definition:
        'Share of model inputs connected end to end: from the decision through the dataset version it read and the run that wrote it, ' +
        'up to a source event stream or raw dataset, as of the decision, with no gap on the way. The trend is per week of the decisions; ' +
        'the drill-down lists the decisions with an input that is not connected.',
      trend: weeklySeries(samples, shareOf(connected)),
      drillDown: drillDown(
        ['decision'],
        decisionItems(uses, unconnected, 'not connected end to end, broken at'),
        options.drillDownLimit,
      ),
      details: inputs,
    },
  };
}
