/**
 * Environment parity at a moment: which deployment (and commit) each environment ran for a job, whether production
 * ran code that staging had (staging equal or ahead), and which configuration keys differed where the deployment
 * records carry configuration (`config`, `configuration`, `parameters`, `settings`, `variables`).
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Deployment } from '../model/records';
import type { CommitGraph } from './commit-graph';
import { PRODUCTION, runningAt, STAGING, succeeded, type ComponentRef } from './deployments';
import type { ParityReport, RuleFinding } from './engine-types';

const CONFIG_KEYS = ['config', 'configuration', 'parameters', 'settings', 'variables'];

function configOf(d: Deployment | undefined): Record<string, unknown> | undefined {
  for (const k of CONFIG_KEYS) {
    const v = d?.extra?.[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  }
  return undefined;
}

/** The keys whose values differ between two configurations (present in one only counts). */
export function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** What each environment ran for the job at `t`, and whether production matched staging. */
export function environmentParity(
  set: EvidenceSet,
  graph: CommitGraph,
  job: ComponentRef & { readonly id?: string },
  t: number,
  change?: string,
): { report: ParityReport; finding?: RuleFinding } {
  const envs = [...new Set(set.deployments.map((d) => d.environment))].sort();
  const running = envs.map((environment) => ({ environment, d: runningAt(set.deployments, environment, t, job) }));
  const prod = running.find((r) => PRODUCTION.test(r.environment) && r.d);
  const staging = running.find((r) => STAGING.test(r.environment) && r.d);
  const report = (matches: boolean, keys: string[]): ParityReport => ({
    asOf: new Date(t).toISOString(),
    jobId: job.id,
    environments: running.map((r) => ({
      environment: r.environment,
      deploymentId: r.d?.id,
      commit: r.d?.commit,
      evidence: r.d?.provenance,
    })),
    matches,
    differingKeys: keys,
  });
  if (!prod?.d || !staging?.d) return { report: report(true, []) };
  const p = graph.resolve(prod.d.commit) ?? prod.d.commit;
  const s = graph.resolve(staging.d.commit) ?? staging.d.commit;
  const codeMatches = graph.isAncestor(p, s);
  const pc = configOf(prod.d);
  const sc = configOf(staging.d);
  const keys = pc && sc ? differingKeys(pc, sc) : [];
  const matches = codeMatches && keys.length === 0;
  // A change is hurt by broken parity only when production ran it and staging did not (or the configs differed):
  // staging running other code now (a branch, an older commit) does not undo a staging run of the change before.
  const stagedBefore = (c: string) =>
    set.deployments.some(
      (x) =>
        STAGING.test(x.environment) &&
        succeeded(x) &&
        Date.parse(x.timestamp) <= t &&
        graph.isAncestor(c, graph.resolve(x.commit) ?? x.commit),
    );
  const untested =
    change !== undefined && graph.isAncestor(change, p) && !graph.isAncestor(change, s) && !stagedBefore(change);
  const ok = change === undefined ? matches : !untested && keys.length === 0;
  const what = `at ${new Date(t).toISOString()} ${prod.environment} ran ${p.slice(0, 12)} (${prod.d.id}), ${staging.environment} ran ${s.slice(0, 12)} (${staging.d.id})`;
  return {
    report: report(matches, keys),
    finding: {
      rule: 'parity',
      ok,
      text: matches
        ? `Environments in parity: ${what}.`
        : change && ok
          ? // Passed for this change: the sentence leads with what holds, then what differed elsewhere.
            `This change had run in both ${staging.environment} and ${prod.environment}; the environments differed otherwise: ${what}${codeMatches ? '' : `; ${staging.environment} never ran the code ${prod.environment} ran`}.`
          : `The environments differed: ${what}${codeMatches ? '' : `; ${staging.environment} never ran the code ${prod.environment} ran`}${keys.length ? `; config keys differ: ${keys.join(', ')}` : ''}${untested ? `; this change ran in ${prod.environment} without having run in ${staging.environment}` : ''}.`,
      evidence: prod.d.provenance,
      records: [prod.d.provenance, staging.d.provenance],
    },
  };
}
