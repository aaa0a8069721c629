/**
 * What a column mapping can fill: for each kind of the app's own formats (FORMATS.md), its fields — required or
 * not, what they mean — and the column names producers commonly give them, which the suggestions match against.
 */
import { EACH_FEATURE, type MappableKind } from './mapping';

export interface TargetField {
  /** The app field, as the kind's validator reads it (`model.name`, `features[].dataset_version`). */
  readonly field: string;
  readonly label: string;
  readonly required: boolean;
  readonly time?: boolean;
  /** Other names of the column, normalized (lower case, letters and digits only). */
  readonly aliases: ReadonlyArray<string>;
}

export interface MappingTarget {
  readonly kind: MappableKind;
  readonly label: string;
  /** What one row becomes, for messages ("decision ← id, timestamp…"). */
  readonly recordName: string;
  readonly fields: ReadonlyArray<TargetField>;
  /** True when the remaining columns can be read as the decision's features. */
  readonly hasFeatures: boolean;
}

const f = (field: string, label: string, required: boolean, aliases: string, time = false): TargetField => ({
  field,
  label,
  required,
  ...(time && { time }),
  aliases: aliases.split(' ').filter(Boolean),
});
const TIME = 'timestamp time ts datetime date eventtime createdat occurredat predictedat inferencetime loggedat when';

export const MAPPING_TARGETS: ReadonlyArray<MappingTarget> = [
  {
    kind: 'decision-log',
    label: 'Decision log',
    recordName: 'decision',
    hasFeatures: true,
    fields: [
      f('decision_id', 'Decision id', true, 'decisionid id predictionid inferenceid requestid eventid uuid rowid'),
      f('timestamp', 'Time of the decision', true, TIME, true),
      f('model.name', 'Model name', true, 'model modelname modelid'),
      f('model.version', 'Model version', false, 'modelversion version'),
      f('subject_id', 'Subject (customer, user)', false, 'subjectid subject userid customerid entityid accountid'),
      f('environment', 'Environment', false, 'environment env stage'),
      f('action', 'Action taken', false, 'action decision outcome'),
      f('output.label', 'Output label', false, 'ypred prediction predictedlabel label predictedclass class'),
      f('output.score', 'Output score', false, 'ypredproba score probability proba confidence predictedprobability'),
      f(`${EACH_FEATURE}dataset_version`, 'Dataset version (of every feature)', false, 'datasetversion'),
      f(`${EACH_FEATURE}feature_version`, 'Feature version (of every feature)', false, 'featureversion'),
      f(`${EACH_FEATURE}dataset.namespace`, 'Dataset namespace (of every feature)', false, 'datasetnamespace'),
      f(`${EACH_FEATURE}dataset.name`, 'Dataset name (of every feature)', false, 'dataset datasetname table'),
    ],
  },
  {
    kind: 'deployments',
    label: 'Deployments',
    recordName: 'deployment',
    hasFeatures: false,
    fields: [
      f('id', 'Deployment id', true, 'id deploymentid deployid runid'),
      f('timestamp', 'Time of the deployment', true, `${TIME} deployedat`, true),
      f('environment', 'Environment', true, 'environment env stage target'),
      f('commit', 'Commit (Git SHA)', true, 'commit sha commitsha revision gitsha'),
      f('repository', 'Repository', false, 'repository repo'),
      f('component', 'Component (job or path)', false, 'component job service app'),
      f('actor', 'Who deployed', false, 'actor user deployer author creator'),
      f('status', 'Status', false, 'status state result'),
      f('pull_request', 'Pull request number', false, 'pullrequest pr prnumber mergerequest'),
    ],
  },
  {
    kind: 'audit-log',
    label: 'Audit log',
    recordName: 'audit entry',
    hasFeatures: false,
    fields: [
      f('id', 'Entry id', true, 'id eventid entryid logid auditid'),
      f('timestamp', 'Time of the change', true, TIME, true),
      f('actor', 'Who changed it', true, 'actor user actorid username email useremail actoremail principal'),
      f('action', 'Action', true, 'action event eventname operation'),
      f('target.type', 'Target type', true, 'targettype objecttype resourcetype entitytype type'),
      f('target.id', 'Target id', true, 'targetid objectid resourceid entityid target'),
      f('target.name', 'Target name', false, 'targetname objectname resourcename entityname name'),
      f('environment', 'Environment', false, 'environment env workspace workspaceid'),
      f('channel', 'Channel (ui, api, cli)', false, 'channel via client'),
    ],
  },
  {
    kind: 'enforcement-log',
    label: 'Enforcement log',
    recordName: 'enforcement entry',
    hasFeatures: false,
    fields: [
      f('id', 'Entry id', true, 'id entryid checkid'),
      f('timestamp', 'Time of the check', true, TIME, true),
      f('rule', 'Rule', true, 'rule ruleid policy trackingplan'),
      f('outcome', 'Outcome (passed, flagged, dropped, routed)', true, 'outcome result status verdict'),
      f('event_id', 'Event id', false, 'eventid messageid'),
      f('source', 'Source', false, 'source sourceid'),
      f('rule_version', 'Rule version', false, 'ruleversion version policyversion'),
      f('environment', 'Environment', false, 'environment env'),
    ],
  },
];

/** The target of a kind. */
export function targetOf(kind: MappableKind): MappingTarget {
  const target = MAPPING_TARGETS.find((t) => t.kind === kind);
  if (!target) throw new Error(`no mapping target for ${kind}`);
  return target;
}
