/**
 * `lineage-investigator trace --source <path>... --decision <id> [--feature <name>] [--as-of <time>] [--json]`:
 * the lineage card of one feature of a decision — the path back to its origin with the version of every node as
 * of the decision (or `--as-of`), and the eight answers with their evidence or the gap that stops them.
 */
import { join } from 'node:path';
import { isGap, type CardAnswer, type LineageCard } from '../../shared/lineage/card-types.js';
import { lineageCard } from '../../shared/lineage/lineage-card.js';
import { citationJson, citationText } from '../../shared/model/citation.js';
import type { Provenance, Rejection } from '../../shared/model/records.js';
import { countedMessage, groupIssues, groupPlaces } from '../../shared/importers/issue-groups.js';
import { defaultDataDir } from '../app-paths.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadSources } from '../warehouse/load-sources.js';
import { reportInPlace } from './in-place-report.js';
import { readOnceNotes } from '../sources/repeat-notes.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { MAPPING_OPTION, MAPPING_USAGE, readMappingArg } from './mapping-args.js';
import { PROGRESS_OPTION, PROGRESS_USAGE, progressOption } from './read-progress.js';
import { MODEL_OPTION, resolveDecision } from './decision-args.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator trace --source PATH... --decision ID [--feature NAME] [--as-of TIME] [--json]',
  '',
  'The lineage card of one feature of a decision, as of the decision (or --as-of): the path back to its origin',
  'with every version, and who approved, deployed and served the transformation, each with its evidence.',
  '',
  '  --source PATH   a file, folder, Git repository or bundle to import (repeat for more); a Parquet file or',
  '                  folder, or postgresql://…?table=NAME, is a decision log read in place (docs/warehouses.md)',
  '  --decision ID   the decision id as the decision log names it',
  "  --model NAME    the decision's model, where several models' logs hold that id",
  "  --feature NAME  the feature to trace (default: the decision's first feature)",
  '  --as-of TIME    an RFC 3339 time to reconstruct the lineage as of instead',
  '  --json          print JSON instead of the readable card',
  ...MAPPING_USAGE,
  ...PROGRESS_USAGE,
].join('\n');

/** Runs the command on the arguments after `trace`; resolves with the exit code (2 for a usage error). */
export async function runTraceCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      source: { type: 'string', multiple: true },
      decision: { type: 'string' },
      ...MODEL_OPTION,
      feature: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      ...MAPPING_OPTION,
      ...PROGRESS_OPTION,
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const asOf = values['as-of'];
  const problems = [
    values.source?.length ? '' : '--source PATH is required',
    values.decision ? '' : '--decision ID is required',
    asOf !== undefined && Number.isNaN(Date.parse(asOf)) ? `--as-of must be an RFC 3339 time, not ${asOf}` : '',
  ].filter(Boolean);
  if (problems.length > 0 || !values.source || !values.decision) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const mapping = await readMappingArg(values.mapping, USAGE, io);
  if (typeof mapping === 'number') return mapping;
  const loadedEvidence = await loadSources(values.source, values.decision, {
    ...(values.model !== undefined && { model: values.model }),
    git: createGitRunner(),
    cacheDir: join(defaultDataDir(), 'repositories'),
    ...(mapping && { mapping }),
    ...progressOption(values.progress, io),
    pushDown: true,
  }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (typeof loadedEvidence === 'string') {
    io.err(loadedEvidence);
    return 1;
  }
  // The card reads the lineage as of the decision and the decision alone: a log read in place is not read further.
  await loadedEvidence.pushDown?.close();
  const { set, problems: readProblems, loaded, sourceNames } = loadedEvidence;
  reportInPlace(loadedEvidence.inPlace, io);
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
  const chosen = resolveDecision(set, values.decision, values.feature, io, values.model);
  if (typeof chosen === 'number') return chosen;
  const { decision, feature } = chosen;
  const card = lineageCard(set, decision, feature, { asOf });
  if (values.json) io.out(JSON.stringify(cardJson(card, sourceNames), null, 2));
  else io.out(cardText(card, sourceNames));
  return 0;
}

type Names = Readonly<Record<string, string>>;

const cite = (p: Provenance | undefined, names: Names) => (p ? citationJson(p, names[p.sourceId] ?? p.sourceId) : null);

/** The card as the CLI's JSON: ids as FORMATS.md names them, evidence as `{source: file name, line}`. */
export function cardJson(card: LineageCard, names: Names): unknown {
  const answer = (a: CardAnswer<unknown>) =>
    isGap(a)
      ? { gap: a.gap, explanation: a.explanation }
      : { value: a.value, evidence: a.evidence.map((e) => cite(e, names)) };
  return {
    decision: card.decisionId,
    feature: card.feature,
    asOf: card.asOf,
    path: card.path.map((n) => ({
      node: n.id,
      kind: n.kind,
      version: n.version ?? null,
      evidence: cite(n.evidence, names),
    })),
    answers: Object.fromEntries(Object.entries(card.answers).map(([k, a]) => [k, answer(a as CardAnswer<unknown>)])),
    gaps: card.gaps.map((g) => ({ gap: g.gap, explanation: g.explanation })),
  };
}

const LABELS: Readonly<Record<keyof LineageCard['answers'], string>> = {
  origin: 'Origin',
  sourceEvent: 'Source event',
  transformation: 'Transformation',
  versionAtInference: 'Version at inference',
  approvedBy: 'Approved by',
  deployedAt: 'Deployed',
  environment: 'Environment',
  environmentMatchesApproval: 'Tested where served',
};

/** The readable card: the path, then each answer with its evidence, then the gaps. */
export function cardText(card: LineageCard, names: Names): string {
  const where = (p: Provenance | undefined) => {
    const c = cite(p, names);
    return c ? citationText(c) : 'no evidence';
  };
  const lines = [
    `Lineage card — decision ${card.decisionId}, feature ${card.feature}, as of ${card.asOf}`,
    '',
    'Path:',
  ];
  for (const n of card.path)
    lines.push(`  ${n.kind.padEnd(8)} ${n.id}${n.version ? ` @ ${n.version}` : ''}  [${where(n.evidence)}]`);
  lines.push('');
  for (const [key, label] of Object.entries(LABELS) as Array<[keyof LineageCard['answers'], string]>) {
    const a = card.answers[key] as CardAnswer<unknown>;
    if (isGap(a)) lines.push(`${label}: GAP (${a.gap}) ${a.explanation}`);
    else lines.push(`${label}: ${a.text}  [${a.evidence.map(where).join('; ') || 'no evidence'}]`);
  }
  lines.push('', card.gaps.length ? 'Gaps:' : 'Gaps: none');
  for (const g of card.gaps) lines.push(`  ${g.gap}: ${g.explanation}`);
  return lines.join('\n');
}
