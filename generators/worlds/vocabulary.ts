/** Names the worlds are made of: organisations, people, repositories, models and their features. */

export const ORGS = [
  'northwind',
  'globex',
  'initech',
  'umbrella-data',
  'hooli',
  'vandelay',
  'acme-retail',
  'stark-lending',
  'wonka-foods',
  'tyrell-finance',
  'soylent',
  'cyberdyne-pay',
] as const;

export const FIRST_NAMES = [
  'Alice',
  'Bruno',
  'Chen',
  'Dana',
  'Emeka',
  'Farah',
  'Gustavo',
  'Hana',
  'Ivan',
  'Jonas',
  'Keiko',
  'Lena',
  'Marta',
  'Nikhil',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wei',
  'Yara',
] as const;

export const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Kowalski',
  'Haddad',
  'Brennan',
  'Ferreira',
  'Nakamura',
  'Schmidt',
  'Rossi',
  'Iyer',
  'Novak',
  'Andersen',
  'Dubois',
  'Garcia',
] as const;

export const ZONES = ['+0000', '+0100', '+0200', '-0500', '-0400', '+0530', '-0800', '+0900'] as const;

export const REPO_NAMES = [
  'data-pipelines',
  'analytics-dbt',
  'feature-store',
  'warehouse-models',
  'ml-features',
  'etl-jobs',
  'customer-data',
  'dataops',
] as const;

export const BOTS = ['github-actions[bot]', 'ci-deployer', 'argocd', 'jenkins'] as const;

export const NOTES = [
  'partitioned by event date',
  'refreshed by the nightly DAG',
  'see docs/runbook.md for backfills',
  'owner: data platform',
  'keep column order stable for the serving layer',
  'late-arriving rows are merged on the next run',
  'PII columns are hashed upstream',
  'tested in CI with dbt build --select state:modified+',
] as const;

export const DOC_TOPICS = [
  'backfill procedure',
  'on-call checklist',
  'naming conventions',
  'how to add a source',
  'data contracts',
  'incident template',
  'local development',
  'release process',
] as const;
