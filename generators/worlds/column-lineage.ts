/** The `columnLineage` facet of a run's output: each field from the input fields it is computed from. */
import type { Run } from './runs.js';
import type { Dataset, Env } from './types.js';

export const dsName = (d: Dataset, env: Env) =>
  env === 'staging' ? { namespace: d.stagingNamespace, name: d.stagingName } : { namespace: d.namespace, name: d.name };

/** Where each output field comes from, by input dataset key. */
const SOURCES: Record<string, Record<string, ReadonlyArray<string>>> = {
  stg_customers: { raw_crm: ['Id', 'Email', 'BillingCountry', 'CreditScore__c', 'CreatedDate'] },
  stg_events: { raw_tracks: ['id', 'anonymous_id', 'user_id', 'event'] },
  stg_orders: { raw_orders: ['id', 'customer_id', 'created_at', 'total_cents', 'currency_code'] },
  id_graph: { stg_events: ['anonymous_id', 'customer_id'], stg_customers: ['customer_id', 'email'] },
  features: {
    stg_customers: ['customer_id', 'credit_score', 'country_code'],
    stg_orders: ['amount_cents', 'order_id', 'currency_code'],
    stg_events: ['is_order', 'customer_id'],
    id_graph: ['main_id', 'other_id'],
  },
  raw_crm: { sf_account: ['Id', 'Email', 'BillingCountry', 'CreditScore__c', 'CreatedDate'] },
};

export function columnLineage(producer: string, run: Run) {
  const out = run.output!;
  const fields: Record<string, unknown> = {};
  const sources = SOURCES[out.dataset.key] ?? {};
  for (const f of out.fields) {
    if (/computed_at|loaded_at|valid_at/.test(f.name)) continue;
    const inputFields = run.job.inputs.flatMap((d) => {
      const from = sources[d.key] ?? [];
      const names =
        out.dataset.key === 'features' || out.dataset.key === 'id_graph'
          ? from
          : from.filter((n) => sameField(n, f.name));
      return names.map((field) => ({
        ...dsName(d, run.env),
        field,
        transformations: [{ type: 'DIRECT', subtype: out.dataset.key === 'features' ? 'TRANSFORMATION' : 'IDENTITY' }],
      }));
    });
    if (inputFields.length > 0) fields[f.name] = { inputFields };
  }
  return {
    _producer: producer,
    _schemaURL:
      'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet',
    fields,
  };
}

function sameField(source: string, field: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/__c$|_/g, '');
  const aliases: Record<string, string> = {
    id: 'customerid',
    billingcountry: 'countrycode',
    createddate: 'signupdate',
    creditscore: 'creditscore',
    event: 'eventname',
    createdat: 'orderts',
    totalcents: 'amountcents',
    userid: 'customerid',
  };
  const s = norm(source);
  return (aliases[s] ?? s) === norm(field) || s === norm(field);
}
