/**
 * Deployment importer: the app's deployment/promotion JSONL (FORMATS.md; required id, timestamp,
 * environment, commit) and GitHub Deployments API exports (id, sha, environment, created_at, creator, ref).
 */
import type { Deployment, ImportResult, Provenance } from '../model/records';
import { FieldReader } from './field-reader';
import { readJsonInput, type JsonInput } from './json-input';
import { runImport, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';

const KNOWN = [
  'id',
  'timestamp',
  'environment',
  'repository',
  'commit',
  'component',
  'actor',
  'status',
  'pull_request',
];
const GITHUB_KNOWN = ['id', 'sha', 'environment', 'created_at', 'creator', 'repository_url', 'state'];
const SHA = /^[0-9a-f]{7,64}$/i;

/** How the streaming importer maps one record of this kind. */
export const deploymentMapper: RunOptions<Deployment> = {
  importer: 'deployments',
  detected: 'deployments',
  wrappers: ['deployments'],
  recordName: 'a deployment record',
  map: (value, provenance) => (isGitHubDeployment(value) ? mapGitHub(value, provenance) : mapOwn(value, provenance)),
};

/** Imports deployment records from text. */
export function importDeployments(text: string, source: ImportSource): ImportResult {
  return importDeploymentsInput(readJsonInput(text), source);
}

/** Imports deployment records from an already-read input. */
export function importDeploymentsInput(input: JsonInput, source: ImportSource): ImportResult {
  return runImport(input, source, deploymentMapper).result;
}

/** A GitHub Deployments API object: `sha` and `created_at` instead of `commit` and `timestamp`. */
export function isGitHubDeployment(value: Readonly<Record<string, unknown>>): boolean {
  return value.commit === undefined && value.sha !== undefined && value.created_at !== undefined;
}

function mapOwn(value: Record<string, unknown>, provenance: Provenance): MapOutcome<Deployment> {
  const r = new FieldReader(value);
  const id = r.requiredString('id');
  const timestamp = r.requiredTimestamp('timestamp');
  const environment = r.requiredString('environment');
  const commit = r.requiredString('commit');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  return finish(
    r,
    provenance,
    { id, timestamp, environment, commit },
    {
      repository: r.optionalString('repository'),
      component: r.optionalString('component'),
      actor: r.optionalString('actor'),
      status: r.optionalString('status'),
      pullRequest: r.optionalInteger('pull_request'),
      extra: r.rest(KNOWN),
    },
  );
}

function mapGitHub(value: Record<string, unknown>, provenance: Provenance): MapOutcome<Deployment> {
  const r = new FieldReader(value);
  const id = r.requiredId('id');
  const timestamp = r.requiredTimestamp('created_at');
  const environment = r.requiredString('environment');
  const commit = r.requiredString('sha');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const repoUrl = r.optionalString('repository_url');
  return finish(
    r,
    provenance,
    { id, timestamp, environment, commit },
    {
      repository: repoUrl?.replace(/^https?:\/\/[^/]+\/repos\//, ''),
      actor: r.optionalString('creator.login'),
      status: r.optionalString('state'),
      extra: r.rest(GITHUB_KNOWN),
    },
  );
}

type Required = Pick<Deployment, 'id' | 'timestamp' | 'environment' | 'commit'>;
type Optional = { -readonly [K in keyof Deployment]?: Deployment[K] | undefined };

function finish(r: FieldReader, provenance: Provenance, required: Required, optional: Optional) {
  if (!SHA.test(required.commit)) r.warnings.push(`commit "${required.commit}" does not look like a Git SHA`);
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  const record: Deployment = { kind: 'deployment', ...required, ...defined, provenance };
  return { record, warnings: r.warnings };
}
