/**
 * The generic audit log (FORMATS.md): tracking-plan applies by the deploy pipeline (cli), the story's
 * UI and API changes, and background noise (logins, keys, an unrelated source).
 */
import type { Cast } from './cast';
import { customerId } from './customers';
import { DEPLOY_BOT, type DeploymentRecord } from './deployments';
import { EMAIL_DOMAIN } from './people';
import type { Rng } from './prng';
import type { Story } from './story';
import { DAY, HOUR, MINUTE, formatUtc, isWeekend } from './time';
import { DATASETS, MODEL_NAME, coreJob, datasetId } from './world';

export type StoryAuditKey =
  'datasetUi' | 'modelUpgrade' | 'destinationUiBefore' | 'identityMerge' | 'destinationUiAfter';

export interface AuditRecord {
  readonly id: string;
  readonly ms: number;
  readonly entry: Record<string, unknown>;
  readonly storyKey?: StoryAuditKey;
  /** The scenario's cause (see incident.ts). */
  readonly planted?: boolean;
}

export interface AuditInput {
  readonly rng: Rng;
  readonly cast: Cast;
  readonly story: Story;
  readonly deployments: ReadonlyArray<DeploymentRecord>;
  /** Deployment id → tracking-plan rule version. */
  readonly ruleVersions: ReadonlyMap<string, string>;
  readonly shaOf: (mark: number) => string;
  readonly startMs: number;
  readonly days: number;
  readonly noisePerDay: number;
  readonly customers: number;
  /** The scenario's UI-only cause, if any. */
  readonly planted?: ReadonlyArray<{ readonly ms: number; readonly entry: Record<string, unknown> }>;
}

type Draft = Omit<AuditRecord, 'id'>;

/** One generic audit-log entry (FORMATS.md), without its id. */
export function entry(
  ms: number,
  actor: string,
  action: string,
  target: { type: string; id: string; name?: string },
  channel: 'ui' | 'api' | 'cli',
  before: unknown,
  after: unknown,
  environment = 'production',
): Record<string, unknown> {
  return { timestamp: formatUtc(ms), actor, action, target, environment, channel, before, after };
}

export function planAudit(input: AuditInput): AuditRecord[] {
  const { rng, cast: c, story } = input;
  const drafts: Draft[] = [];
  const bot = `${DEPLOY_BOT}@${EMAIL_DOMAIN}`;
  const previous = new Map<string, string>();
  for (const d of input.deployments) {
    if (d.job.key !== coreJob('ingest').key || d.status !== 'success') continue;
    const version = input.ruleVersions.get(d.id) ?? '';
    const before = previous.get(d.environment);
    previous.set(d.environment, version);
    const target = { type: 'tracking_plan', id: coreJob('ingest').path, name: 'checkout' };
    const ms = d.ms + rng.int(40, 150) * 1000;
    drafts.push({
      ms,
      entry: entry(
        ms,
        bot,
        'tracking_plan.applied',
        target,
        'cli',
        before ? { version: before } : {},
        {
          version,
          commit: input.shaOf(d.commitMark),
        },
        d.environment,
      ),
    });
  }
  const m = story.moments;
  const marketing = c.marketingAnalyst.email;
  const attribution = DATASETS.channelAttribution;
  const storyEntries: ReadonlyArray<readonly [StoryAuditKey, number, Record<string, unknown>]> = [
    [
      'datasetUi',
      m.datasetUiMs,
      entry(
        m.datasetUiMs,
        marketing,
        'dataset.description_updated',
        { type: 'dataset', id: datasetId(attribution), name: attribution.name },
        'ui',
        { description: 'Revenue by channel.' },
        { description: 'Revenue attributed to marketing channels (last touch).' },
      ),
    ],
    [
      'modelUpgrade',
      m.modelUpgradeMs,
      entry(
        m.modelUpgradeMs,
        c.featureOwner.email,
        'model.version_deployed',
        { type: 'model', id: MODEL_NAME, name: MODEL_NAME },
        'api',
        { version: '3.1.0' },
        { version: '3.2.0' },
      ),
    ],
    [
      'destinationUiBefore',
      m.destinationUiBeforeMs,
      entry(
        m.destinationUiBeforeMs,
        marketing,
        'destination.updated',
        { type: 'destination', id: 'destinations/braze.yaml', name: 'Braze (CRM messaging)' },
        'ui',
        { config: { track_anonymous_users: false } },
        { config: { track_anonymous_users: true } },
      ),
    ],
    [
      'identityMerge',
      m.identityMergeMs,
      entry(
        m.identityMergeMs,
        c.dataEngineer.email,
        'identity.manual_merge',
        { type: 'identity_merge', id: datasetId(DATASETS.idGraph), name: DATASETS.idGraph.name },
        'ui',
        { main_ids: [customerId(input.customers + 1), customerId(input.customers + 2)] },
        { main_id: customerId(input.customers + 1), reason: 'Duplicate account reported by support.' },
      ),
    ],
    [
      'destinationUiAfter',
      m.destinationUiAfterMs,
      entry(
        m.destinationUiAfterMs,
        marketing,
        'destination.updated',
        { type: 'destination', id: 'destinations/google-ads.yaml', name: 'Google Ads conversions' },
        'ui',
        { config: { send_revenue: true } },
        { config: { send_revenue: false } },
      ),
    ],
  ];
  for (const [storyKey, ms, e] of storyEntries) drafts.push({ ms, entry: e, storyKey });
  for (const p of input.planted ?? []) drafts.push({ ...p, planted: true });

  for (let day = 1; day < input.days; day++) {
    const dayMs = input.startMs + day * DAY;
    const expected = input.noisePerDay * (isWeekend(dayMs) ? 0.2 : 1);
    const n = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const ms = dayMs + 7 * HOUR + rng.int(0, 11 * 60) * MINUTE + rng.int(0, 59) * 1000;
      const who = rng.pick(c.everyone);
      const kind = rng.next();
      drafts.push({
        ms,
        entry:
          kind < 0.75
            ? entry(ms, who.email, 'user.login', { type: 'user', id: who.email, name: who.name }, 'ui', {}, {})
            : kind < 0.9
              ? entry(
                  ms,
                  who.email,
                  'api_key.rotated',
                  { type: 'api_key', id: `key-${rng.hex(8)}`, name: 'warehouse loader' },
                  'ui',
                  {},
                  {},
                )
              : entry(
                  ms,
                  who.email,
                  'source.updated',
                  { type: 'source', id: 'rudderstack:ios.app_events', name: 'iOS app' },
                  'ui',
                  { sync_frequency: '30m' },
                  { sync_frequency: rng.pick(['15m', '60m']) },
                ),
      });
    }
  }
  return drafts
    .sort((a, b) => a.ms - b.ms)
    .map((d, i) => {
      const id = `a-${i + 1}`;
      return { ...d, id, entry: { id, ...d.entry } };
    });
}
