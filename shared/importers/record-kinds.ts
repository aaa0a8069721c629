/**
 * The registry of what the streaming importer can make of an input: per-record mappers by detected kind
 * (one JSON object → one record) and whole-document importers (dbt artifacts, tracking plans, Profiles).
 */
import type { EvidenceRecord } from '../model/records';
import { auditLogMapper } from './audit-log-importer';
import { cloudTrailMapper } from './cloudtrail-importer';
import { dbtCatalogImporter, dbtRunResultsImporter } from './dbt-artifacts-importer';
import { dbtManifestImporter } from './dbt-manifest-importer';
import { decisionLogMapper } from './decision-log-importer';
import { deploymentMapper } from './deployment-importer';
import type { RecordKind } from './detect';
import type { DocumentImporter } from './document-importer';
import { enforcementLogMapper } from './enforcement-log-importer';
import { feastRegistryImporter } from './feast-registry-importer';
import { gcpAuditMapper } from './gcp-audit-importer';
import { gitHubAuditMapper } from './github-audit-importer';
import { identityGraphMapper } from './identity-graph-importer';
import { openLineageMapper } from './openlineage-importer';
import { profilesImporter } from './profiles-importer';
import { pullRequestMapper } from './pull-request-importer';
import type { RunOptions } from './record-runner';
import { rudderStackAuditMapper } from './rudderstack-audit-importer';
import { rudderStackEventsMapper } from './rudderstack-events-importer';
import { trackingPlanImporter } from './tracking-plan-importer';

export const RECORD_MAPPERS: { readonly [K in RecordKind]: RunOptions<EvidenceRecord> } = {
  openlineage: openLineageMapper,
  'decision-log': decisionLogMapper,
  deployments: deploymentMapper,
  'audit-log': auditLogMapper,
  'enforcement-log': enforcementLogMapper,
  'pull-requests': pullRequestMapper,
  'aws-cloudtrail': cloudTrailMapper,
  'gcp-audit': gcpAuditMapper,
  'github-audit': gitHubAuditMapper,
  'rudderstack-events': rudderStackEventsMapper,
  'rudderstack-audit': rudderStackAuditMapper,
  'identity-graph': identityGraphMapper,
};

export const DOCUMENT_IMPORTERS: ReadonlyArray<DocumentImporter> = [
  dbtManifestImporter,
  dbtRunResultsImporter,
  dbtCatalogImporter,
  trackingPlanImporter,
  profilesImporter,
  feastRegistryImporter,
];

/** The kind an empty wrapper still names (`{"events": []}` is an empty Marquez page). */
export const EMPTY_WRAPPER_KINDS: Readonly<Record<string, RecordKind>> = {
  events: 'openlineage',
  Records: 'aws-cloudtrail',
  decisions: 'decision-log',
  deployments: 'deployments',
  pull_requests: 'pull-requests',
  merge_requests: 'pull-requests',
};
