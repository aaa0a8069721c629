/**
 * `lineage-investigator investigate --source <path>... --decision <id> [--feature <name>] [--lookback-days N]
 * [--onset VERSION|TIME] [--notify-threshold N] --json`: every step headless — scope, trace, ranked suspects,
 * governance verdicts and remediation — printed as one JSON document.
 */
import { CONTROL_VERDICT_LABEL, controlVerdict, governanceControls } from '../../shared/analysis/governance-controls';
import { join } from 'node:path';
import { runEngine, type EngineResult } from '../../shared/analysis/engine.js';
import { isGap, type LineageCard } from '../../shared/lineage/card-types.js';
import { lineageCard } from '../../shared/lineage/lineage-card.js';
import { citationJson, citationText } from '../../shared/model/citation.js';
import type { Provenance, Rejection } from '../../shared/model/records.js';
import { countedMessage, groupIssues, groupPlaces } from '../../shared/importers/issue-groups.js';
import { defaultDataDir } from '../app-paths.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadSources } from '../warehouse/load-sources.js';
import { readOnceNotes } from '../sources/repeat-notes.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { MAPPING_OPTION, MAPPING_USAGE, readMappingArg } from './mapping-args.js';
import { PROGRESS_OPTION, PROGRESS_USAGE, progressOption } from './read-progress.js';
import type { CliIo } from './run-cli.js';
import { MODEL_OPTION } from './decision-args.js';
import { investigateLoaded } from './loaded-investigation.js';

const USAGE = [
  'Usage: lineage-investigator investigate --source PATH... --decision ID [--feature NAME] [--lookback-days N]',
  '                                        [--onset VERSION|TIME] [--notify-threshold N] --json',
  '',
  'Scope, trace, ranked suspects, governance verdicts and remediation of one decision, as JSON.',
  '',
  '  --source PATH           a file, folder, Git repository or bundle to import (repeat for more); a Parquet file or',
  '                          folder, or postgresql://…?table=NAME, is a decision log read in place (docs/warehouses.md)',
  '  --decision ID           the decision id as the decision log names it',
  "  --model NAME            the decision's model, where several models' logs hold that id",
  "  --feature NAME          the feature to investigate (default: the decision's first feature)",
  '  --lookback-days N       how many days before the onset to search for changes (default 30)',
  '  --onset VERSION|TIME    the onset, when the estimate from the outcome rates is wrong',
  '  --notify-threshold N    affected subjects that oblige a notification (default 500)',
  '  --json                  print JSON (the only output format)',
  ...MAPPING_USAGE,
  ...PROGRESS_USAGE,
].join('\n');

const positive = (s: string | undefined) => s === undefined || (/^\d+$/.test(s) && Number(s) > 0);

/** Runs the command on the arguments after `investigate`; resolves with the exit code (2 for a usage error). */
export async function runInvestigateCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      source: { type: 'string', multiple: true },
      decision: { type: 'string' },
      ...MODEL_OPTION,
      feature: { type: 'string' },
      'lookback-days': { type: 'string' },
      onset: { type: 'string' },
      'notify-threshold': { type: 'string' },
      json: { type: 'boolean' },
      ...MAPPING_OPTION,
      ...PROGRESS_OPTION,
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const sources = values.source as string[] | undefined;
  const decisionId = values.decision as string | undefined;
  const lookback = values['lookback-days'] as string | undefined;
  const threshold = values['notify-threshold'] as string | undefined;
  const problems = [
    sources?.length ? '' : '--source PATH is required',
    decisionId ? '' : '--decision ID is required',
    values.json ? '' : '--json is required (the only output format)',
    positive(lookback) ? '' : `--lookback-days must be a positive whole number, not ${lookback}`,
    positive(threshold) ? '' : `--notify-threshold must be a positive whole number, not ${threshold}`,
  ].filter(Boolean);
  if (problems.length > 0 || !sources || !decisionId) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const mapping = await readMappingArg(values.mapping as string | undefined, USAGE, io);
  if (typeof mapping === 'number') return mapping;
  const git = createGitRunner();
  const loadedEvidence = await loadSources(sources, decisionId, {
    ...(typeof values.model === 'string' && { model: values.model }),
    git,
    cacheDir: join(defaultDataDir(), 'repositories'),
    ...(mapping && { mapping }),
    ...progressOption(values.progress as boolean | undefined, io),
    pushDown: true,
  }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (typeof loadedEvidence === 'string') {
    io.err(loadedEvidence);
    return 1;
  }
  const { problems: readProblems, loaded } = loadedEvidence;
  for (const p of readProblems) io.err(`${p.path}: ${p.reason}`);
  for (const note of readOnceNotes(loadedEvidence)) io.err(note);
  for (const l of loaded) {
    for (const g of l.result.rejectionGroups ?? groupIssues(l.result.rejections)) {
      const first = g.first[0] as Rejection;
      if (g.count === 1)
        io.err(`${citationText(citationJson({ sourceId: '', ...first }, first.sourceName))}: rejected: ${g.message}`);
      else io.err(`${first.sourceName}: rejected ${countedMessage(g)} (at ${groupPlaces(g)})`);
    }
  }
  const options = {
    lookbackDays: lookback ? Number(lookback) : undefined,
    onset: values.onset as string | undefined,
    notifyThreshold: threshold ? Number(threshold) : undefined,
  };
  // A decision read in place is investigated with the engine answering (pushed-investigation.ts) where it can;
  // else its model's decisions are read.
  const inv = await investigateLoaded(
    loadedEvidence,
    decisionId,
    values.feature as string | undefined,
    options,
    git,
    io,
    values.model as string | undefined,
  );
  if (typeof inv === 'number') return inv;
  const { evidence, decision, feature, diffOf } = inv;
  const result = inv.pushed ?? runEngine(evidence.set, decision, feature, { ...options, diffOf });
  const card = lineageCard(evidence.set, decision, feature);
  io.out(JSON.stringify(investigationJson(result, evidence.sourceNames, card), null, 2));
  return 0;
}

type Names = Readonly<Record<string, string>>;

const cite = (p: Provenance | undefined, names: Names) => (p ? citationJson(p, names[p.sourceId] ?? p.sourceId) : null);

/** The engine's result as the CLI prints it: `{decision, model, scope, trace, suspects, governance, remediation}`. */
export function investigationJson(r: EngineResult, names: Names, card: LineageCard): unknown {
  const { trace, suspects, scope, governance, remediation } = r;
  return {
    decision: r.decision.decisionId,
    model: r.decision.model.name,
    scope: {
      method: scope.method,
      affectedDecisions: scope.affected,
      affectedSubjects: scope.subjects,
      upperBound: scope.upperBound ?? null,
      throughDecision: scope.throughDecision,
      window: { from: scope.first ?? null, to: scope.last ?? null },
      causeReachedData: scope.from ?? null,
      recovery: scope.recovery ?? (scope.method === 'blast-radius' ? 'still ongoing' : null),
      notes: scope.notes ?? [],
    },
    onset: {
      method: suspects.onset.method,
      seriesBy: suspects.onset.seriesBy,
      onset: suspects.onset.onset,
      key: suspects.onset.key ?? null,
      firstBad: suspects.onset.firstBad ?? null,
      lastGood: suspects.onset.lastGood ?? null,
      rateBefore: suspects.onset.rateBefore ?? null,
      rateAfter: suspects.onset.rateAfter ?? null,
      note: suspects.onset.note,
      series: suspects.onset.series,
    },
    versionAtInference: isGap(card.answers.versionAtInference)
      ? { gap: card.answers.versionAtInference.gap, explanation: card.answers.versionAtInference.explanation }
      : { ...card.answers.versionAtInference.value, text: card.answers.versionAtInference.text },
    trace: {
      feature: trace.featureName,
      asOf: trace.asOf,
      nodes: trace.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        version: n.version ?? null,
        evidence: cite(n.evidence, names),
      })),
      gaps: trace.gaps,
    },
    suspects: suspects.suspects.map((s) => ({
      changeId: s.id,
      kind: s.kind,
      summary: s.summary,
      effectiveTime: s.effectiveTime,
      consistency: s.consistency,
      ...(s.reach && { reach: s.reach }),
      ...(s.repository && { repository: s.repository }),
      score: s.score,
      reasons: s.reasons.map((x) => ({ term: x.term, value: x.value })),
    })),
    governance: governance.map((g) => ({
      changeId: g.changeId,
      verdict: g.verdict,
      findings: g.findings.map((f) => ({
        ok: f.ok,
        control: controlVerdict(f),
        text: f.text,
        evidence: cite(f.evidence, names),
      })),
      controls: governanceControls(g.findings).controls.map((c) => ({
        control: c.label,
        verdict: c.verdict,
        label: CONTROL_VERDICT_LABEL[c.verdict],
        findings: c.findings.map((f) => f.text),
      })),
    })),
    remediation: {
      lastKnownGood: remediation.lastKnownGood,
      rollback: remediation.rollback.map((p) => ({
        changeId: p.changeId,
        rollback: p.rollback,
        previousCommit: p.previousCommit ?? null,
        redeploy: p.redeploy ? { ...p.redeploy, evidence: cite(p.redeploy.evidence, names) } : null,
        estimate: p.estimate,
      })),
      replay: remediation.replay ?? {},
    },
  };
}
