/**
 * The importers' entry point: detects what an input file is by its content, runs the matching
 * importer, and says what it detected. Unknown content gives one rejection saying what it looked like.
 */
import type { InputFile } from '../ipc/contract';
import type { ImportResult } from '../model/records';
import { importAuditLogInput } from './audit-log-importer';
import { importDecisionLogInput } from './decision-log-importer';
import { importDeploymentsInput } from './deployment-importer';
import { ACCEPTED_KINDS, describeInput } from './describe-input';
import { detectKind, type RecordKind } from './detect';
import { importEnforcementLogInput } from './enforcement-log-importer';
import { importGitLog } from './git-log-importer';
import { readJsonInput, type JsonInput } from './json-input';
import { importOpenLineageInput } from './openlineage-importer';
import { importPullRequestsInput } from './pull-request-importer';
import { IMPORTER_VERSION, type ImportSource } from './record-runner';

export type { InputKind } from './detect';
export type { ImportSource } from './record-runner';
export { IMPORTER_VERSION } from './record-runner';

const IMPORTERS: { readonly [K in RecordKind]: (input: JsonInput, source: ImportSource) => ImportResult } = {
  openlineage: importOpenLineageInput,
  'decision-log': importDecisionLogInput,
  deployments: importDeploymentsInput,
  'audit-log': importAuditLogInput,
  'enforcement-log': importEnforcementLogInput,
  'pull-requests': importPullRequestsInput,
};

/**
 * Imports one input file: detects its kind by content (a `git-log` file by its `derivedAs`), then parses it.
 * The source id of every record is the file's SHA-256. Never throws on bad input.
 */
export function importInput(file: InputFile): ImportResult {
  const source: ImportSource = { id: file.sha256, name: file.name };
  if (file.derivedAs === 'git-log') {
    return importGitLog(file.text, source, { repository: file.repository ?? file.name });
  }
  const input = readJsonInput(file.text);
  const kind = detectKind(input);
  if (kind !== 'unknown' && kind !== 'git-log') return IMPORTERS[kind](input, source);
  const reason =
    input.shape === 'empty'
      ? 'empty file'
      : `unrecognized input: it looks like ${describeInput(input)}. Accepted: ${ACCEPTED_KINDS}.`;
  return {
    importer: 'detector',
    importerVersion: IMPORTER_VERSION,
    detected: 'unknown',
    records: [],
    rejections: [{ sourceName: file.name, reason }],
    warnings: [],
  };
}
