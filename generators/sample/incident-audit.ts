/**
 * The audit entries of the UI-only causes: an edit of the staging transformation in the warehouse UI, an edit
 * of the checkout tracking plan in the RudderStack UI, and a manual merge of many customers in the id graph.
 */
import { entry } from './audit';
import type { Cast } from './cast';
import { EMAIL_DOMAIN } from './people';
import type { ScenarioKind } from './scenario';
import { DATASETS, coreJob, datasetId, jobId } from './world';

/** The entry (without its id) that plants a UI-only cause of the given kind at `ms`. */
export function incidentAudit(kind: ScenarioKind, ms: number, c: Cast): Record<string, unknown> {
  if (kind === 'ui-transformation') {
    const job = coreJob('transform');
    return entry(
      ms,
      c.analyticsEngineer.email,
      'transformation.updated',
      { type: 'transformation', id: jobId(job), name: 'stg_orders' },
      'ui',
      { filters: ["event = 'Order Completed'", 'revenue is not null'] },
      { filters: ["event = 'Order Completed'", 'revenue is not null', "currency = 'USD'"] },
    );
  }
  if (kind === 'ui-tracking-plan') {
    return entry(
      ms,
      c.trackingOwner.email,
      'tracking_plan.updated',
      { type: 'tracking_plan', id: coreJob('ingest').path, name: 'checkout' },
      'ui',
      { rule: 'order_completed', property: 'revenue', type: 'number', violation: 'flag' },
      { rule: 'order_completed', property: 'revenue', type: 'integer', violation: 'drop' },
    );
  }
  return entry(
    ms,
    c.dataEngineer.email,
    'identity.manual_merge',
    { type: 'identity_merge', id: datasetId(DATASETS.idGraph), name: DATASETS.idGraph.name },
    'ui',
    { match: { other_id_type: 'email', other_id: `orders@${EMAIL_DOMAIN}` }, main_ids: 412 },
    { main_id: 'c-shared-inbox', reason: 'Merge the accounts that share the support inbox address.' },
  );
}
