/**
 * The investigation's story: the repository's set-up, the pull requests that matter (the planted change
 * and the distractors around it) and the moments of the audit-only events.
 */
import type { Cast } from './cast';
import { countryList } from './countries';
import type { EligibilityRule } from './files/features';
import type { FileDoc } from './files/file-doc';
import { TextDoc } from './files/text';
import type { Person } from './people';
import { createDoc, type DirectCommitPlan, type Edit, type PullRequestPlan } from './plan-types';
import { buildPullRequest, type PrDraft } from './pr-builder';
import type { Rng } from './prng';
import { storyPullRequests } from './story-pull-requests';
import { DAY, HOUR, MINUTE } from './time';

export type PlantedVariant = 'ltv-in-cents' | 'age-comparison-flipped';

export interface StoryInput {
  readonly rng: Rng;
  readonly cast: Cast;
  /** Day 0, 00:00 UTC (a Monday). */
  readonly startMs: number;
  readonly days: number;
  readonly endMs: number;
  readonly tree: ReadonlyMap<string, FileDoc>;
  readonly rule: EligibilityRule;
  readonly addedCountry: string;
  readonly variant: PlantedVariant;
}

export interface Story {
  readonly direct: ReadonlyArray<DirectCommitPlan>;
  readonly pullRequests: ReadonlyArray<PullRequestPlan>;
  /** The rule in production just before the planted change (the last good one). */
  readonly goodRule: EligibilityRule;
  readonly plantedRule: EligibilityRule;
  readonly variant: PlantedVariant;
  /** Audit-only events of the story. */
  readonly moments: {
    readonly modelUpgradeMs: number;
    readonly datasetUiMs: number;
    readonly destinationUiBeforeMs: number;
    readonly identityMergeMs: number;
    readonly destinationUiAfterMs: number;
  };
}

export function plantedRule(rule: EligibilityRule, variant: PlantedVariant): EligibilityRule {
  return variant === 'ltv-in-cents'
    ? {
        ...rule,
        minLifetimeValue: rule.minLifetimeValue * 100,
        lifetimeValueNote: 'in cents, as in the billing export',
      }
    : { ...rule, ageComparison: '<=' };
}

/** Creates every file of the initial tree. */
function importEdits(tree: ReadonlyMap<string, FileDoc>): Edit[] {
  return [...tree].map(([path, doc]) => createDoc(path, () => doc));
}

function codeowners(c: Cast): string {
  return [
    '# Owners are asked to review changes to their area.',
    `* @${c.lead.login}`,
    `/features/ @${c.featureOwner.login} @${c.mlEngineer.login}`,
    `/profiles/ @${c.dataEngineer.login}`,
    `/tracking-plans/ @${c.trackingOwner.login}`,
    `/transformations/ @${c.analyticsEngineer.login}`,
    `/models/marketing/ @${c.marketingAnalyst.login}`,
    '',
  ].join('\n');
}

const CI = `name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install sqlfluff==3.0.7 dbt-core==1.8.2
      - run: sqlfluff lint transformations features models
      - run: rudder-cli validate -l tracking-plans
`;

export function writeStory(input: StoryInput): Story {
  const { rng, cast: c, startMs, days, endMs, rule, variant } = input;
  /** `hour` o'clock local time of `who` on day `day`. */
  const at = (day: number, hour: number, who: Person) => startMs + day * DAY + hour * HOUR - who.offsetMinutes * MINUTE;
  /** The weekday nearest to a fraction of the period. */
  const dayAt = (fraction: number) => {
    const d = Math.round(fraction * days);
    const weekday = d % 7; // day 0 is a Monday
    return weekday === 5 ? d - 1 : weekday === 6 ? d + 1 : d;
  };
  const draft = (
    fraction: number,
    d: Omit<PrDraft, 'startMs' | 'endMs' | 'deploy'> & { deploy?: PrDraft['deploy'] },
  ): PullRequestPlan =>
    buildPullRequest(rng, {
      deploy: 'promote',
      ...d,
      startMs: at(dayAt(fraction), 9.5 + rng.float(0, 1.5), d.author),
      endMs,
    });

  const afterCountries: EligibilityRule = { ...rule, countries: [...rule.countries, input.addedCountry].sort() };
  const bad = plantedRule(afterCountries, variant);
  const plantedDay = (() => {
    let d = Math.round(0.66 * days);
    while (d % 7 !== 3) d++; // a Thursday
    return d;
  })();

  const direct: DirectCommitPlan[] = [
    {
      key: 'import',
      ms: at(0, 9.5, c.lead),
      author: c.lead,
      subject: 'Import pipeline configuration from the analytics monorepo',
      body: 'Tracking plans, dbt transformations, the Profiles project and the feature definitions move to their own repository.',
      edits: importEdits(input.tree),
    },
    {
      key: 'codeowners',
      ms: at(0, 11, c.lead),
      author: c.lead,
      subject: 'Add CODEOWNERS and the CI workflow',
      edits: [
        createDoc('.github/CODEOWNERS', () => TextDoc.of(codeowners(c))),
        createDoc('.github/workflows/ci.yml', () => TextDoc.of(CI)),
      ],
    },
  ];

  const prs = storyPullRequests({
    rng,
    cast: c,
    rule,
    afterCountries,
    planted: bad,
    variant,
    addedCountry: input.addedCountry,
    plantedStartMs: at(plantedDay, 10 + rng.float(0, 1), c.featureOwner),
    endMs,
    draft,
  });

  return {
    direct,
    pullRequests: prs,
    goodRule: afterCountries,
    plantedRule: bad,
    variant,
    moments: {
      datasetUiMs: at(dayAt(0.4), 14 + rng.float(0, 3), c.marketingAnalyst),
      modelUpgradeMs: at(dayAt(0.46), 11 + rng.float(0, 4), c.featureOwner),
      destinationUiBeforeMs: at(dayAt(0.56), 10 + rng.float(0, 6), c.marketingAnalyst),
      identityMergeMs: at(plantedDay - 3, 10 + rng.float(0, 6), c.dataEngineer),
      destinationUiAfterMs: at(plantedDay + 5, 10 + rng.float(0, 6), c.marketingAnalyst),
    },
  };
}

/** Verbatim text of the rule line in docs (used by the ground truth). */
export function ruleSummary(rule: EligibilityRule): string {
  return `lifetime_value >= ${rule.minLifetimeValue}, account_age_days ${rule.ageComparison} ${rule.minAccountAgeDays}, country in (${countryList(rule.countries)})`;
}
