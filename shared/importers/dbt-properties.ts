/**
 * dbt properties files (`schema.yml`: `version: 2`, then `models:`, `sources:`, …) are configuration. dbt reads them
 * with PyYAML, which accepts what the YAML 1.2 spec and this app's parser do not — a quoted scalar whose continuation
 * lines are indented no deeper than its key, say. Such a file is skipped as what it is, never rejected as invalid
 * YAML: dbt, the tool that writes and reads it, reads it. (https://docs.getdbt.com/reference/configs-and-properties)
 */

/** The top-level keys a dbt properties file may hold. */
const DBT_PROPERTY_KEYS = new Set([
  'version',
  'models',
  'sources',
  'seeds',
  'snapshots',
  'macros',
  'exposures',
  'metrics',
  'semantic_models',
  'saved_queries',
  'analyses',
  'tests',
  'data_tests',
  'unit_tests',
  'groups',
]);

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)\s*:/gm;

/**
 * Why a YAML text the parser rejected (`failure`: its reason) is a dbt properties file to skip — `version: 2` and
 * nothing at the top level but dbt's own keys — or undefined for any other YAML.
 */
export function dbtPropertiesReason(text: string, failure: string): string | undefined {
  if (!/^version:\s*2\s*(#.*)?$/m.test(text)) return undefined;
  const keys = [...new Set([...text.matchAll(TOP_LEVEL_KEY)].map((m) => m[1] as string))];
  if (keys.length < 2 || !keys.every((k) => DBT_PROPERTY_KEYS.has(k))) return undefined;
  return (
    `dbt properties (keys: ${keys.join(', ')}), read by dbt though stricter YAML rejects it (${failure}): ` +
    'configuration, not evidence'
  );
}
