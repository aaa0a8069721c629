/**
 * `trace` on a synthetic warehouse: 50k lineage nodes (26k datasets, 24k jobs) and 250k table-level edges,
 * four daily runs of every job (96k runs), and 1M decisions reading the top-layer features. Generated in memory
 * from a fixed seed. Prints the model's build time, the median trace over 50 random decisions (target < 50 ms),
 * the closure sizes, and the peak memory. `npx tsx bench/trace.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { lineageModel } from '../shared/lineage/lineage-model';
import { prng } from '../shared/lineage/random-lineage';
import { traceOnModel } from '../shared/lineage/trace-query';
import { toEvidenceSet, type EvidenceSet } from '../shared/model/evidence-set';
import type { Decision, LineageRunEvent } from '../shared/model/records';
import { report, summarize } from './stats';

const DOMAINS = 200;
const LAYERS = [10, 15, 15, 15, 15, 15, 15, 15, 15]; // layer 0 = sources; 130 datasets a domain
const DAYS = 4;
const DECISIONS = 1_000_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const MIN = 60_000;

/** The synthetic evidence set, and how many nodes and edges its lineage has. */
export function syntheticWarehouse(seed = 42): { set: EvidenceSet; nodes: number; edges: number } {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const name = (d: number, layer: number, i: number) => ({ namespace: 'wh', name: `d${d}.l${layer}.t${i}` });
  let edges = 0;
  let jobs = 0;
  const plans: Array<{ layer: number; out: ReturnType<typeof name>; inputs: ReturnType<typeof name>[] }> = [];
  for (let d = 0; d < DOMAINS; d++) {
    for (let layer = 1; layer < LAYERS.length; layer++) {
      for (let i = 0; i < (LAYERS[layer] as number); i++) {
        const count = 9 + (jobs % 12 < 5 ? 1 : 0);
        const inputs = new Map<string, ReturnType<typeof name>>();
        while (inputs.size < count) {
          const other = int(20) === 0; // now and then a source of another domain
          const dom = other ? int(DOMAINS) : d;
          const from = other ? 0 : Math.max(0, layer - 1 - (int(4) === 0 ? 1 : 0));
          const ref = name(dom, from, int(LAYERS[from] as number));
          inputs.set(ref.name, ref);
        }
        plans.push({ layer, out: name(d, layer, i), inputs: [...inputs.values()] });
        edges += count + 1;
        jobs++;
      }
    }
  }
  const runs: LineageRunEvent[] = [];
  let line = 0;
  for (let day = 0; day < DAYS; day++) {
    for (const [j, p] of plans.entries()) {
      const t = T0 + day * 1440 * MIN + p.layer * 20 * MIN + (j % 600) * 1000;
      const commit = (day >= 2 && j % 10 === 0 ? 'b' : 'a').repeat(8) + String(j).padStart(32, '0');
      runs.push({
        kind: 'lineage-run',
        eventType: 'COMPLETE',
        eventTime: new Date(t).toISOString(),
        runId: `r${day}-${j}`,
        job: { namespace: 'etl', name: p.out.name },
        inputs: p.inputs,
        outputs: [{ ...p.out, version: `${p.out.name}@${day}` }],
        sourceCodeLocation: { type: 'git', url: 'https://git.example/wh', path: `${p.out.name}.sql`, version: commit },
        provenance: { sourceId: 'events', line: ++line },
      });
    }
  }
  runs.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime));
  const top = plans.filter((p) => p.layer === LAYERS.length - 1);
  const decisions: Decision[] = new Array(DECISIONS);
  const span = DAYS * 1440 * MIN - 4 * 60 * MIN;
  for (let k = 0; k < DECISIONS; k++) {
    const t = T0 + 4 * 60 * MIN + Math.floor((k / DECISIONS) * span);
    const p = top[int(top.length)] as (typeof top)[number];
    const day = Math.floor((t - T0) / (1440 * MIN));
    decisions[k] = {
      kind: 'decision',
      decisionId: `d-${k}`,
      timestamp: new Date(t).toISOString(),
      model: { name: 'm', version: '1' },
      environment: 'production',
      features: [{ name: 'f', dataset: p.out, field: 'f', datasetVersion: `${p.out.name}@${day}` }],
      provenance: { sourceId: 'decisions', line: k + 1 },
    };
  }
  // Already in time order: only the empty record lists come from toEvidenceSet (sorting 1M decisions is not measured).
  const set: EvidenceSet = { ...toEvidenceSet([]), runs, decisions };
  return { set, nodes: DOMAINS * LAYERS.reduce((s, n) => s + n, 0) + jobs, edges };
}

/** Builds the model once, then traces 50 random decisions; returns whether the median met its target. */
export function benchTrace(samples = 50): boolean {
  const t0 = performance.now();
  const { set, nodes, edges } = syntheticWarehouse();
  const generated = performance.now() - t0;
  const t1 = performance.now();
  const model = lineageModel(set);
  const build = performance.now() - t1;
  const rnd = prng(7);
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < samples; i++) {
    const decision = set.decisions[Math.floor(rnd() * set.decisions.length)] as Decision;
    const s = performance.now();
    const trace = traceOnModel(model, { decision, featureName: 'f' });
    times.push(performance.now() - s);
    sizes.push(trace.nodes.length);
  }
  const size = summarize(sizes);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `      synthetic lineage: ${nodes.toLocaleString('en-US')} nodes, ${edges.toLocaleString('en-US')} edges, ` +
      `${set.runs.length.toLocaleString('en-US')} runs, ${set.decisions.length.toLocaleString('en-US')} decisions ` +
      `(generated in ${(generated / 1000).toFixed(1)} s)`,
  );
  console.log(`      model build: ${(build / 1000).toFixed(2)} s; peak RSS ${peakMb.toFixed(0)} MB`);
  console.log(`      traced closure: median ${size.median} nodes (min ${size.min}, max ${size.max})`);
  return report(`trace (50k nodes, 250k edges, 1M decisions; ${samples} decisions)`, times, 50);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = benchTrace() ? 0 : 1;
}
