/**
 * The incident a sample plants: by default the unapproved merge of the built-in case; the other kinds plant
 * another cause (a lineage gap, a schema change, an identity change, a deviating deployment, a UI-only edit)
 * among the same distractors, for the accuracy suite.
 */

export type ScenarioKind =
  | 'unapproved-merge'
  | 'ui-transformation'
  | 'untracked-transformation'
  | 'identity-merge'
  | 'environment-parity'
  | 'serving-opacity'
  | 'schema-change'
  | 'identity-config'
  | 'deviating-deployment'
  | 'ui-tracking-plan';

/** The built-in sample's story: `--scenario` left out gives exactly it. */
export const DEFAULT_SCENARIO: ScenarioKind = 'unapproved-merge';

/** Every kind, with what it plants (shown by `sample --help` and in the ground truth). */
export const SCENARIOS: Readonly<Record<ScenarioKind, string>> = {
  'unapproved-merge': 'the feature logic merged with only a COMMENTED review and deployed straight to production',
  'ui-transformation': 'a UI-only edit of the staging transformation (audit entry, channel ui, no commit)',
  'untracked-transformation':
    'an update of the staging transformation deployed from outside the repository; its runs carry no sourceCodeLocation',
  'identity-merge': 'a manual identity-resolution merge on the id graph (audit identity_merge)',
  'environment-parity': 'production runs a branch commit, not the approved merge that staging runs',
  'serving-opacity': 'the unapproved feature change, with decisions logged without dataset_version',
  'schema-change': 'staging.orders renames a field the customer profile reads (visible in its schema facets)',
  'identity-config': 'a commit to the Profiles id stitcher (identity-stitching configuration)',
  'deviating-deployment': 'an approved pull request whose deployed merge also ships an unreviewed commit to main',
  'ui-tracking-plan': 'a UI-only edit of the checkout tracking plan (audit entry, channel ui)',
};

export const SCENARIO_KINDS = Object.keys(SCENARIOS) as ReadonlyArray<ScenarioKind>;

export function isScenarioKind(value: string): value is ScenarioKind {
  return Object.hasOwn(SCENARIOS, value);
}
