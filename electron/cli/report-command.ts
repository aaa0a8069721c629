/**
 * `lineage-investigator report --source <path>... --decision <id> --format html|md|pdf|bagit --out <path>`:
 * builds the case headless with the same engine as the app (trace, scope, changes, governance, remediation) and
 * writes the sealed report (HTML, Markdown, PDF printed by headless Chromium) or the evidence bundle (BagIt).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pkg from '../../package.json';
import { citedSources } from '../../shared/case/citations.js';
import { reportProvenances } from '../../shared/report/report-data.js';
import { defaultDataDir } from '../app-paths.js';
import { buildReport } from '../bundle/build-report.js';
import { exportBundle, type BundlePseudonymization } from '../bundle/export-bundle.js';
import { pseudonymFor, sha256Hex } from '../bundle/hashing.js';
import { renderPdf } from '../bundle/report-pdf.js';
import { createGitRunner } from '../services/git-runner.js';
import { investigatorKeyStore, loadOrCreateSigner, signerFromFile } from '../services/signing-key.js';
import { queryDigests } from '../warehouse/cited-queries.js';
import { loadSources } from '../warehouse/load-sources.js';
import { readOnceNotes } from '../sources/repeat-notes.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { MAPPING_OPTION, MAPPING_USAGE, readMappingArg } from './mapping-args.js';
import { PROGRESS_OPTION, PROGRESS_USAGE, progressOption } from './read-progress.js';
import type { CliIo } from './run-cli.js';
import { MODEL_OPTION } from './decision-args.js';
import { investigateLoaded } from './loaded-investigation.js';

const USAGE = [
  'Usage: lineage-investigator report --source PATH... --decision ID --format html|md|pdf|bagit --out PATH [options]',
  '',
  'Builds the case of a decision headless and writes its report, or an evidence bundle (a BagIt bag folder).',
  '',
  '  --source PATH              a file, folder, Git repository or bundle to import (repeat for more); a Parquet',
  '                             file or folder, or postgresql://…?table=NAME, is a decision log read in place',
  "                             (a bundle cites its queries, row counts and rows' SHA-256 for verify to re-run)",
  '  --decision ID              the decision under investigation',
  "  --model NAME               the decision's model, where several models' logs hold that id",
  "  --feature NAME             the suspect feature (default: the decision's first feature)",
  '  --format FORMAT            html, md, pdf or bagit',
  '  --out PATH                 the file to write (for bagit: a new or empty folder)',
  '  --case FILE                report on an existing case (its case.json) instead of opening one',
  '  --title TEXT, --owner NAME, --severity low|medium|high|critical, --root-cause TEXT',
  '  --zone utc|local           the time zone of every time shown (default utc)',
  '  --include files|excerpts   bagit: include whole source files (default) or only the cited excerpts',
  '  --pseudonym-key-file FILE  bagit: replace subject ids by HMAC-SHA-256 pseudonyms keyed by the file (never stored)',
  "  --signing-key FILE         bagit: sign with this Ed25519 private key (PEM) instead of the investigator's own key",
  "                             (created on first use under the app's data folder, readable by you only)",
  '  --unsigned                 bagit: do not sign the bundle',
  ...MAPPING_USAGE,
  ...PROGRESS_USAGE,
].join('\n');

const FORMATS = ['html', 'md', 'pdf', 'bagit'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** Runs the command on the arguments after `report`; resolves with the exit code (2 for a usage error). */
export async function runReportCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      source: { type: 'string', multiple: true },
      decision: { type: 'string' },
      ...MODEL_OPTION,
      feature: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      case: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string' },
      severity: { type: 'string' },
      'root-cause': { type: 'string' },
      zone: { type: 'string' },
      include: { type: 'string' },
      'pseudonym-key-file': { type: 'string' },
      'signing-key': { type: 'string' },
      unsigned: { type: 'boolean' },
      ...MAPPING_OPTION,
      ...PROGRESS_OPTION,
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const format = values.format as (typeof FORMATS)[number] | undefined;
  const severity = values.severity as (typeof SEVERITIES)[number] | undefined;
  const problems = [
    values.source?.length ? '' : '--source PATH is required',
    values.decision ? '' : '--decision ID is required',
    values.out ? '' : '--out PATH is required',
    format && FORMATS.includes(format) ? '' : `--format must be one of ${FORMATS.join(', ')}`,
    severity === undefined || SEVERITIES.includes(severity) ? '' : `--severity must be one of ${SEVERITIES.join(', ')}`,
    values.zone === undefined || /^(utc|local)$/i.test(values.zone) ? '' : '--zone must be utc or local',
    values.include === undefined || /^(files|excerpts)$/.test(values.include)
      ? ''
      : '--include must be files or excerpts',
    values['pseudonym-key-file'] && format !== 'bagit' ? '--pseudonym-key-file applies to --format bagit' : '',
  ].filter(Boolean);
  if (problems.length > 0 || !values.source || !values.decision || !values.out || !format) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const mapping = await readMappingArg(values.mapping, USAGE, io);
  if (typeof mapping === 'number') return mapping;
  const git = createGitRunner();
  const loadedEvidence = await loadSources(values.source, values.decision, {
    ...(values.model !== undefined && { model: values.model }),
    git,
    cacheDir: join(defaultDataDir(), 'repositories'),
    ...(mapping && { mapping }),
    ...progressOption(values.progress, io),
    cite: format === 'bagit',
    // A bundle cites the queries `verify` builds again (the decision, its model's decisions) and pseudonymizes every
    // subject of the log: it reads them. A report alone is counted where the log lives, as `investigate` is.
    pushDown: format !== 'bagit',
  }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (typeof loadedEvidence === 'string') {
    io.err(loadedEvidence);
    return 1;
  }
  for (const p of loadedEvidence.problems) io.err(`${p.path}: ${p.reason}`);
  for (const note of readOnceNotes(loadedEvidence)) io.err(note);
  // The same investigation as `investigate`'s (loaded-investigation.ts).
  const inv = await investigateLoaded(loadedEvidence, values.decision, values.feature, {}, git, io, values.model);
  if (typeof inv === 'number') return inv;
  const { evidence, decision, feature, diffOf } = inv;
  const { set, loaded, sourceNames } = evidence;
  let pseudonymize: BundlePseudonymization | undefined;
  if (values['pseudonym-key-file']) {
    const key = (await readFile(values['pseudonym-key-file'])).toString('utf8').trim();
    const subjectIds = new Set(set.decisions.flatMap((d) => (d.subjectId ? [d.subjectId] : [])));
    pseudonymize = { subjectIds, pseudonym: pseudonymFor(key) };
  }
  const signer =
    format !== 'bagit' || values.unsigned
      ? undefined
      : values['signing-key']
        ? await signerFromFile(values['signing-key'])
        : await loadOrCreateSigner(investigatorKeyStore(defaultDataDir()));
  const generator = `lineage-investigator ${pkg.version}`;
  const now = new Date();
  const built = await buildReport(set, {
    diffOf,
    ...(inv.pushed && { engine: inv.pushed }),
    decisionId: decision.decisionId,
    featureName: feature,
    sourceNames,
    generator,
    timeZone: values.zone?.toLowerCase() === 'local' ? 'local' : 'UTC',
    now,
    caseFile: values.case,
    title: values.title,
    owner: values.owner,
    severity,
    rootCause: values['root-cause'],
    pseudonymize,
    sourcePaths: Object.fromEntries(loaded.map((l) => [l.file.sha256, l.file.path])),
    signer: signer && { fingerprint: signer.fingerprint, publicKeyPem: signer.publicKeyPem },
    queryDigests: evidence.inPlace.flatMap((s) => (s.citation ? queryDigests(s.citation) : [])),
  });
  if (format === 'html' || format === 'md') {
    const report = format === 'html' ? built.html : built.markdown;
    await writeFile(values.out, report.text, 'utf8');
    io.out(`Wrote ${values.out} (case ${built.record.case.id}, report SHA-256 ${report.hash}).`);
  } else if (format === 'pdf') {
    await writeFile(values.out, await renderPdf(built.html.text));
    io.out(
      `Wrote ${values.out}: the HTML report printed by headless Chromium (case ${built.record.case.id}, report SHA-256 ${built.html.hash}).`,
    );
  } else {
    const bag = await exportBundle({
      outDir: values.out,
      reportHtml: built.html.text,
      reportMarkdown: built.markdown.text,
      reportHash: built.html.hash,
      record: built.record,
      sources: [
        ...loaded.map((l) => ({
          name: l.file.name,
          sha256: l.file.sha256,
          path: l.file.path,
          records: l.result.records.length,
        })),
        ...evidence.inPlace.map((s) => ({
          name: s.label,
          sha256: sha256Hex(s.label),
          records: s.decisions,
          ...(s.citation && { warehouse: s.citation }),
        })),
      ],
      cited: citedSources(reportProvenances(built.input), sourceNames),
      include: values.include === 'excerpts' ? 'excerpts' : 'files',
      pseudonymize,
      agent: `${generator} (BagIt 1.0)`,
      now,
      signer,
    });
    io.out(
      `Wrote the evidence bundle ${values.out} (case ${built.record.case.id}, Payload-Oxum ${bag.payloadOxum}, ${signer ? `signed by ${signer.fingerprint}` : 'unsigned'}).`,
    );
  }
  return 0;
}
