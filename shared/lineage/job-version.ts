/**
 * What identifies the code a run executed, and what kind of file a job's code path is. A job version is the
 * commit the run named (`sourceCodeLocation.version`), else the checksum of its dbt node in the manifest that declares
 * the run's code (dbt-joined-set.ts), else a hash of the SQL or source text it ran (else of the node's code in that
 * manifest), else the dbt node checksum the integration reports.
 */
import type { MergedRun } from '../analysis/run-index';
import type { AuditEntry } from '../model/records';
import { fnv1a64 } from './hash';
import type { DeclaredCode } from './dbt-joined-set';
import type { CodeIdentity, ConfigKind } from './types';

export interface CodeKey {
  readonly version: string;
  readonly identity: CodeIdentity;
}

/** The code version a run executed; `declared` is what a dbt manifest says of it. */
export function codeKey(run: MergedRun, declared?: DeclaredCode): CodeKey {
  const commit = run.sourceCodeLocation?.version;
  if (commit) return { version: commit, identity: 'commit' };
  if (declared?.checksum) return { version: `checksum:${declared.checksum}`, identity: 'checksum' };
  if (run.code?.text) return { version: `fnv:${fnv1a64(run.code.text)}`, identity: 'code-hash' };
  if (declared?.codeText) return { version: `fnv:${fnv1a64(declared.codeText)}`, identity: 'code-hash' };
  const checksum = dbtChecksum(run.jobFacets);
  if (checksum) return { version: `checksum:${checksum}`, identity: 'checksum' };
  return { version: 'unversioned', identity: 'none' };
}

function dbtChecksum(facets: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const node = facets?.dbt_node as { checksum?: unknown } | undefined;
  const c = node?.checksum;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && typeof (c as { checksum?: unknown }).checksum === 'string') {
    return (c as { checksum: string }).checksum;
  }
  return undefined;
}

const TRACKING_PLAN_PATH = /(^|\/)(tracking[-_]?plans?|protocols|data[-_]?catalog)(\/|\.|$)/i;
const IDENTITY_PATH = /(^|\/)(id[-_]?stitcher|identity|identity[-_]?resolution)([-_./]|$)/i;

/**
 * Whether a code path holds a tracking plan, an identity-resolution config, or ordinary transformation code:
 * audit entries that name the path with their target type decide; else the folder and file names RudderStack
 * and Segment projects use (`tracking-plans/`, `id_stitcher`).
 */
export function configKindOf(path: string | undefined, audit: ReadonlyArray<AuditEntry>): ConfigKind {
  if (!path) return 'code';
  const types = new Set(audit.filter((a) => a.target.id === path).map((a) => a.target.type));
  if (types.has('tracking_plan')) return 'tracking-plan';
  if (types.has('identity_rule')) return 'identity-config';
  if (TRACKING_PLAN_PATH.test(path)) return 'tracking-plan';
  if (IDENTITY_PATH.test(path)) return 'identity-config';
  return 'code';
}
