/**
 * The datasets of a world as a warehouse names them (Snowflake, BigQuery or Postgres), in production and in
 * staging: raw sources loaded by external tools, staging tables, the identity graph and the feature table.
 */
import { stagingFields } from './code-files.js';
import type { Rng } from './prng.js';
import type { Dataset, FieldSpec, ModelChoice } from './types.js';

type Warehouse = (schema: string, table: string, external: boolean) => Omit<Dataset, 'key' | 'fields' | 'external'>;

export function pickWarehouse(rng: Rng, org: string): Warehouse {
  const kind = rng.pick(['snowflake', 'bigquery', 'postgres'] as const);
  if (kind === 'snowflake') {
    const ns = `snowflake://${org.replace(/-/g, '')}-${rng.pick(['prod', 'xy12345', 'analytics'])}`;
    return (schema, table) => ({
      namespace: ns,
      name: `ANALYTICS.${schema.toUpperCase()}.${table.toUpperCase()}`,
      stagingNamespace: ns,
      stagingName: `ANALYTICS_STAGING.${schema.toUpperCase()}.${table.toUpperCase()}`,
    });
  }
  if (kind === 'bigquery') {
    return (schema, table) => ({
      namespace: 'bigquery',
      name: `${org}-prod.${schema}.${table}`,
      stagingNamespace: 'bigquery',
      stagingName: `${org}-staging.${schema}.${table}`,
    });
  }
  const host = `warehouse.${org}.internal:5432`;
  return (schema, table) => ({
    namespace: `postgres://${host}`,
    name: `analytics.${schema}.${table}`,
    stagingNamespace: `postgres://warehouse-staging.${org}.internal:5432`,
    stagingName: `analytics.${schema}.${table}`,
  });
}

const fields = (names: ReadonlyArray<string>, types: Record<string, string> = {}): FieldSpec[] =>
  names.map((name) => ({ name, type: types[name] ?? guessType(name) }));

function guessType(name: string): string {
  if (/(_id|^Id|email|name|code|currency|Country|type)$/i.test(name)) return 'VARCHAR';
  if (/(_ts|_at|_date|Date)$/.test(name)) return 'TIMESTAMP';
  if (/(flag|^is_)/.test(name)) return 'BOOLEAN';
  if (/(cents|count|score|days|Score__c|accounts)/.test(name)) return 'INTEGER';
  return 'DOUBLE';
}

export function makeDataset(
  wh: Warehouse,
  key: string,
  schema: string,
  table: string,
  names: ReadonlyArray<string>,
  external = false,
): Dataset {
  return { key, ...wh(schema, table, external), fields: fields(names), external };
}

export const RAW_CRM_FIELDS = ['Id', 'Email', 'BillingCountry', 'CreditScore__c', 'CreatedDate'];

export function stagingDataset(wh: Warehouse, role: 'stg_customers' | 'stg_events' | 'stg_orders'): Dataset {
  return makeDataset(wh, role, 'staging', role, stagingFields(role));
}

export function featureDataset(wh: Warehouse, choice: ModelChoice, table: string): Dataset {
  const names = ['customer_id', choice.target.name, ...choice.others.map((o) => o.name), 'computed_at'];
  const types: Record<string, string> = {};
  for (const f of [choice.target, ...choice.others]) {
    types[f.name] = { bool: 'BOOLEAN', int: 'INTEGER', float: 'DOUBLE', band: 'VARCHAR' }[f.kind];
  }
  return { key: 'features', ...wh('features', table, false), fields: fields(names, types), external: false };
}
