/**
 * `npx tsx generators/worlds/explain.ts DIR`: the app's suspects for a generated world beside its truth — a tool for
 * reading why a world scores as it does (bench/world-accuracy.ts --keep DIR writes the worlds).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine } from '../../shared/analysis/engine.js';
import { suspectDiffs } from '../../electron/cli/suspect-diffs.js';
import { createGitRunner } from '../../electron/services/git-runner.js';
import { loadEvidence } from '../../electron/sources/load-evidence.js';
import { readTruth } from './evaluate.js';

const dir = process.argv[2] ?? '.';
const truth = await readTruth(dir);
const git = createGitRunner();
const { set, repositories } = await loadEvidence(
  truth.inputs.map((i) => join(dir, i)),
  { git, cacheDir: await mkdtemp(join(tmpdir(), 'explain-')) },
);
const decision = set.decisions.find((d) => d.decisionId === truth.case.decisionId)!;
const diffOf = await suspectDiffs(set, decision, truth.case.featureName, {}, git, repositories);
const r = runEngine(set, decision, truth.case.featureName, { diffOf });
console.log(`story: ${truth.story}`);
console.log(
  `cause: ${truth.cause.kind}/${truth.cause.variant} ids ${truth.cause.ids.join(', ')} job ${truth.cause.job}`,
);
console.log(
  `decision ${decision.decisionId} at ${decision.timestamp}; trace nodes: ${r.trace.nodes.map((n) => n.id).join(' ← ')}`,
);
const o = r.suspects.onset;
console.log(
  `onset ${o.method} by ${o.seriesBy}: ${o.onset} key ${o.key} lastGood ${o.lastGood} firstBad ${o.firstBad} ${o.rateBefore}→${o.rateAfter}; window ${r.suspects.window.from} → ${r.suspects.window.to}`,
);
console.log(
  `scope ${r.scope.affected} (truth ${truth.blastRadius.decisions}) from ${r.scope.from} to ${r.scope.recovery ?? '—'}; truth ${truth.blastRadius.effectiveFrom} → ${truth.blastRadius.recoveredAt ?? '—'}; notes ${(r.scope.notes ?? []).join(' | ')}`,
);
for (const [i, s] of r.suspects.suspects.entries()) {
  const hit = truth.cause.ids.some((id) => s.id.startsWith(id) || id.startsWith(s.id)) ? '  <== CAUSE' : '';
  console.log(
    `${i + 1}. ${s.kind} ${s.id.slice(0, 12)} ${s.consistency.verdict} score ${s.score.toFixed(2)} t=${s.timestamp} eff=${s.effectiveTime} touches ${s.touches.join(',')} — ${s.summary.slice(0, 110)}${hit}${hit || process.env.NOTES ? `\n     [${s.consistency.note}]` : ''}`,
  );
  for (const t of s.reasons) if (process.env.TERMS) console.log(`     ${t.term} ${t.value.toFixed(2)} ${t.note}`);
}
for (const g of r.suspects.gaps) console.log(`gap: ${g}`);
