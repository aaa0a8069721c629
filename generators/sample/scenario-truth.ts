/**
 * `ground-truth.json` of a scenario other than the built-in story: the kind, the planted change's ids as
 * FORMATS.md names them (full commit SHA, audit entry id, deployment id), the onset, the case and the same
 * distractors as the built-in story, each with why it is innocent. For tests and the accuracy suite only.
 */
import type { AuditRecord } from './audit';
import type { DecisionTally } from './decisions';
import { distractors, outcomeTruth } from './ground-truth';
import type { Incident } from './incident';
import { plantedIds } from './incident-effects';
import type { SamplePlan } from './sample';
import { DATASETS, FEATURE_NAME, REPOSITORY, coreJob, datasetId, jobId } from './world';

export function scenarioTruth(
  plan: SamplePlan,
  incident: Incident,
  tally: DecisionTally,
  audit: ReadonlyArray<AuditRecord>,
  shaOf: (mark: number) => string,
): string {
  if (!tally.onset) throw new Error(`the ${incident.kind} scenario produced no wrong decisions`);
  const ids = plantedIds(incident, plan.history, plan.deployments, audit, shaOf);
  const kinds = incident.planted.map((ref) =>
    'audit' in ref ? 'audit' : 'productionDeploymentOf' in ref || 'externalDeployment' in ref ? 'deployment' : 'commit',
  );
  const truth = {
    seed: plan.seed,
    scale: plan.scale.name,
    scenario: incident.kind,
    cause: incident.summary,
    plantedChangeIds: ids,
    plantedChanges: ids.map((id, i) => ({ id, kind: kinds[i] })),
    repository: { url: REPOSITORY.url, bundle: 'pipeline-config.bundle' },
    feature: {
      name: FEATURE_NAME,
      dataset: datasetId(DATASETS.customerFeatures),
      field: `${datasetId(DATASETS.customerFeatures)}#${FEATURE_NAME}`,
      job: jobId(coreJob('features')),
      path: coreJob('features').path,
    },
    untrackedJobs: incident.untrackedJobs.map((k) => jobId(coreJob(k))),
    servingOpacity: incident.servingOpacity,
    ...outcomeTruth(plan, tally, tally.onset),
    distractors: distractors(plan, tally, audit, shaOf).filter((d) => !ids.includes(d.id)),
  };
  return `${JSON.stringify(truth, null, 2)}\n`;
}
