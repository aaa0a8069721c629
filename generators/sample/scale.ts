/** How big a sample is: `small` is committed under assets/sample, `large` exercises the app's scale path. */

export type ScaleName = 'small' | 'large';

export interface ScaleConfig {
  readonly name: ScaleName;
  /** Days covered; day 0 is the repository's import, runs and decisions start on day 1. */
  readonly days: number;
  readonly runsPerDay: number;
  /** Jobs beyond the six of the story (reporting marts, unrelated to the features). */
  readonly extraJobs: number;
  /** Decisions on a weekday (weekends see 70%). */
  readonly decisionsPerDay: number;
  readonly subjects: number;
  /** Commits the history grows to (filler pull requests are added until it is reached). */
  readonly targetCommits: number;
  readonly enforcementPerDay: number;
  /** Background audit entries (logins, keys, unrelated sources) per day. */
  readonly auditNoisePerDay: number;
  /** SQL analyses in the repository (edited by filler pull requests, never deployed). */
  readonly analyses: number;
  readonly people: number;
}

export const SCALES: Readonly<Record<ScaleName, ScaleConfig>> = {
  small: {
    name: 'small',
    days: 49,
    runsPerDay: 1,
    extraJobs: 0,
    decisionsPerDay: 80,
    subjects: 700,
    targetCommits: 90,
    enforcementPerDay: 14,
    auditNoisePerDay: 0.5,
    analyses: 4,
    people: 10,
  },
  large: {
    name: 'large',
    days: 180,
    runsPerDay: 24,
    extraJobs: 6,
    decisionsPerDay: 6250,
    subjects: 60_000,
    targetCommits: 20_000,
    enforcementPerDay: 300,
    auditNoisePerDay: 25,
    analyses: 300,
    people: 48,
  },
};

export function isScaleName(value: string): value is ScaleName {
  return value === 'small' || value === 'large';
}
