/**
 * `lineage-investigator case export`: the portable case file of a decision's case (docs/case-file.md) — its activity
 * chain, the cited evidence records with their SHA-256, the traced subgraph and the pinned items — signed with the
 * investigator's key the app keeps (or --signing-key).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pkg from '../../package.json';
import { citedSources } from '../../shared/case/citations.js';
import { buildCaseFile, type CaseFilePseudonyms } from '../../shared/case/portable-case.js';
import { reportProvenances } from '../../shared/report/report-data.js';
import { defaultDataDir } from '../app-paths.js';
import { buildReport } from '../bundle/build-report.js';
import { caseFileSigner } from '../bundle/case-file-keys.js';
import { excerptOf } from '../bundle/excerpts.js';
import { pseudonymFor, sha256Hex } from '../bundle/hashing.js';
import { findSubjectId, pseudonymizeText } from '../bundle/pseudonymize.js';
import { createGitRunner } from '../services/git-runner.js';
import { investigatorKeyStore, loadOrCreateSigner, signerFromFile } from '../services/signing-key.js';
import { loadSources } from '../warehouse/load-sources.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { MODEL_OPTION, resolveDecision } from './decision-args.js';
import type { CliIo } from './run-cli.js';
import { suspectDiffs } from './suspect-diffs.js';

export const EXPORT_USAGE = [
  'Usage: lineage-investigator case export --source PATH... --decision ID --out FILE [options]',
  '',
  "Writes the case's portable case file for a reviewer: one signed JSON document (docs/case-file.md).",
  '',
  '  --source PATH              a file, folder or Git repository to import (repeat for more)',
  '  --decision ID              the decision under investigation',
  "  --model NAME               the decision's model, where several models' logs hold that id",
  "  --feature NAME             the suspect feature (default: the decision's first feature)",
  '  --case FILE                the case to export (its case.json); default: a case opened on the decision',
  '  --out FILE                 the case file to write',
  '  --as NAME                  the name you sign as (default: your user name)',
  '  --pseudonym-key-file FILE  replace subject ids in the evidence and subgraph by HMAC-SHA-256 pseudonyms',
  "  --signing-key FILE         sign with this Ed25519 private key (PEM) instead of the app's own key",
].join('\n');

/** Runs `case export`; resolves with the exit code. */
export async function runCaseExport(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      source: { type: 'string', multiple: true },
      decision: { type: 'string' },
      ...MODEL_OPTION,
      feature: { type: 'string' },
      case: { type: 'string' },
      out: { type: 'string' },
      as: { type: 'string' },
      'pseudonym-key-file': { type: 'string' },
      'signing-key': { type: 'string' },
    },
    EXPORT_USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const missing = [
    values.source?.length ? '' : '--source PATH is required',
    values.decision ? '' : '--decision ID is required',
    values.out ? '' : '--out FILE is required',
  ].filter(Boolean);
  if (missing.length > 0 || !values.source || !values.out) {
    io.err(`${missing.join('\n')}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const git = createGitRunner();
  const loaded = await loadSources(values.source, values.decision ?? '', {
    ...(values.model !== undefined && { model: values.model }),
    git,
    cacheDir: join(defaultDataDir(), 'repositories'),
  });
  for (const p of loaded.problems) io.err(`${p.path}: ${p.reason}`);
  const chosen = resolveDecision(loaded.set, values.decision, values.feature, io, values.model);
  if (typeof chosen === 'number') return chosen;
  const { decision, feature } = chosen;
  const key = values['signing-key']
    ? await signerFromFile(values['signing-key'])
    : await loadOrCreateSigner(investigatorKeyStore(defaultDataDir()));
  const generator = `lineage-investigator ${pkg.version}`;
  const now = new Date();
  const built = await buildReport(loaded.set, {
    diffOf: await suspectDiffs(loaded.set, decision, feature, {}, git, loaded.repositories),
    decisionId: decision.decisionId,
    featureName: feature,
    sourceNames: loaded.sourceNames,
    generator,
    timeZone: 'UTC',
    now,
    caseFile: values.case,
  });
  const paths = Object.fromEntries(loaded.loaded.map((l) => [l.file.sha256, l.file.path]));
  const excerpts = [];
  for (const source of citedSources(reportProvenances(built.input), loaded.sourceNames)) {
    const path = paths[source.sha256];
    if (path) excerpts.push({ name: source.name, sha256: source.sha256, text: await excerptOf(source, path) });
  }
  let pseudonyms: CaseFilePseudonyms | undefined;
  if (values['pseudonym-key-file']) {
    const pseudonym = pseudonymFor((await readFile(values['pseudonym-key-file'], 'utf8')).trim());
    const ids = new Set(loaded.set.decisions.flatMap((d) => (d.subjectId ? [d.subjectId] : [])));
    pseudonyms = {
      method: 'HMAC-SHA-256 keyed by the investigator, first 20 hex digits (pseud-…)',
      subjects: ids.size,
      replace: (text) => pseudonymizeText(text, ids, pseudonym),
      find: (text) => findSubjectId(text, ids),
    };
  }
  const { nodes, edges } = built.investigation.trace;
  const file = await buildCaseFile(
    {
      record: built.record,
      excerpts,
      subgraph: { nodes, edges },
      generator,
      now: now.toISOString(),
      ...(pseudonyms && { pseudonyms }),
    },
    caseFileSigner(key, values.as ?? userInfo().username),
    sha256Hex,
  );
  await writeFile(values.out, `${JSON.stringify(file, null, 2)}\n`, 'utf8');
  io.out(
    `Wrote ${values.out}: case ${file.content.caseId}, ${file.activity.length} activity entries, ` +
      `${file.content.evidence.length} cited records, ${nodes.length} traced nodes, signed by ${key.fingerprint}.`,
  );
  return 0;
}
