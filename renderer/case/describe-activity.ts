/** One line of plain text per activity entry, for the activity panel: what was done, in the field's words. */
import type { CaseAction, CitedSource } from '../../shared/case/case-actions';
import type { ActivityEntry, AnnotationTarget } from '../../shared/case/case-types';
import { mappingChanges, mappingChangeText } from '../../shared/importers/mapping-changes';
import { STEP_LABELS } from '../steps/step-ids';
import { formatTime, type TimeZoneSetting } from '../format/time';

const TARGET_LABELS: Readonly<Record<AnnotationTarget['kind'], string>> = {
  node: 'node',
  edge: 'edge',
  change: 'change',
  finding: 'finding',
};

/** "node dataset:orders", "change 3f9c…". */
export function targetText(target: AnnotationTarget): string {
  return `${TARGET_LABELS[target.kind] ?? target.kind} ${target.id}`;
}

/** "“deploys.jsonl” (deployments-jsonl, 1,200 records, SHA-256 3f9c0a1b2c3d)". */
function sourceText(s: CitedSource): string {
  const records = `${s.records.toLocaleString('en')} record${s.records === 1 ? '' : 's'}`;
  return `“${s.name}” (${s.kind}, ${records}, SHA-256 ${s.sha256.slice(0, 12)})`;
}

/** An onset set by hand: a time in the chosen zone, or the feature version as written. */
function onsetText(onset: string, zone: TimeZoneSetting): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(onset) ? formatTime(onset, zone) : `version ${onset}`;
}

/**
 * " at decision d-7 of model payment-fraud": the decision a case is opened on, by its id and, where recorded, its
 * model (two models' logs can number their decisions alike); nothing when it is opened on none.
 */
function openedAt(p: { readonly decisionIds?: ReadonlyArray<string>; readonly decisionModel?: string }): string {
  const ids = p.decisionIds ?? [];
  if (ids.length === 0) return '';
  const model = p.decisionModel ? ` of model ${p.decisionModel}` : '';
  return ` at decision${ids.length === 1 ? '' : 's'} ${ids.join(', ')}${model}`;
}

/** What an entry did, e.g. "Skipped Scope: one subject only". Unknown actions are named as they are stored. */
export function describeActivity(entry: ActivityEntry, zone: TimeZoneSetting = 'UTC'): string {
  const act = entry as ActivityEntry & CaseAction;
  switch (act.action) {
    case 'case.opened': {
      const { title, severity, owner, connection } = act.payload;
      const read = connection ? `, its decisions read in ${connection.name} (${connection.location})` : '';
      return `Opened the case “${title}”${openedAt(act.payload)} (severity ${severity}, owner ${owner}${read})`;
    }
    case 'case.updated':
      return `Set ${Object.entries(act.payload)
        .map(([field, value]) => `${field} to ${String(value)}`)
        .join(', ')}`;
    case 'case.archived':
      return 'Archived the case';
    case 'case.unarchived':
      return 'Took the case out of the archive';
    case 'case.deleted':
      return 'Deleted the case';
    case 'step.completed':
      return `Completed ${STEP_LABELS[act.payload.step] ?? act.payload.step}`;
    case 'step.skipped':
      return `Skipped ${STEP_LABELS[act.payload.step] ?? act.payload.step}: ${act.payload.reason}`;
    case 'annotation.added':
      return `Annotated ${targetText(act.payload.target)}: “${act.payload.text}”${
        act.payload.tags.length ? ` [${act.payload.tags.join(', ')}]` : ''
      }`;
    case 'evidence.pinned':
      return `Pinned evidence: ${act.payload.label}`;
    case 'annotation.removed':
      return `Removed the annotation ${act.payload.id}`;
    case 'annotation.restored':
      return `Undid the removal of the annotation ${act.payload.id}`;
    case 'evidence.unpinned':
      return `Unpinned the evidence ${act.payload.id}`;
    case 'evidence.repinned':
      return `Undid the unpinning of the evidence ${act.payload.id}`;
    case 'root-cause.confirmed':
      return `Confirmed the root cause: “${act.payload.statement}”${
        act.payload.changeIds.length ? ` (changes ${act.payload.changeIds.join(', ')})` : ''
      }`;
    case 'preventive-action.added':
      return `Added a preventive action (${act.payload.kind}): ${act.payload.text}`;
    case 'timeline.starred':
      return `Starred on the timeline: ${act.payload.label}`;
    case 'timeline.unstarred':
      return `Unstarred on the timeline: ${act.payload.id}`;
    case 'timeline.tagged':
      return act.payload.tags.length
        ? `Tagged ${act.payload.id} on the timeline: ${act.payload.tags.join(', ')}`
        : `Removed the tags of ${act.payload.id} on the timeline`;
    case 'review.verdict':
      return `Review verdict: ${act.payload.verdict} — “${act.payload.text}”`;
    case 'suspect.confirmed':
      return `Confirmed the change ${act.payload.label} as a cause`;
    case 'suspect.dismissed':
      return `Dismissed the change ${act.payload.label}: ${act.payload.reason}`;
    case 'onset.set':
      return act.payload.onset === undefined
        ? 'Returned the onset to the estimate'
        : `Set the onset by hand to ${onsetText(act.payload.onset, zone)}`;
    case 'focus.set': {
      const { decisionId, model, featureName } = act.payload;
      return `Investigated the decision ${decisionId}${model ? ` of ${model}` : ''}, feature ${featureName}`;
    }
    case 'threshold.set':
      return `Set the notification threshold to ${act.payload.notifyThreshold.toLocaleString('en')} subjects`;
    case 'source.removed':
      return `Removed the source ${sourceText(act.payload)} from the evidence`;
    case 'source.restored':
      return `Undid the removal of the source ${sourceText(act.payload)}`;
    case 'mapping.changed': {
      const { source, connection, before, after } = act.payload;
      // A first mapping lists what each field is read from; a change, also what it was read from before.
      const none = connection ? 'suggested from the column names' : 'none';
      const text = mappingChanges(before, after)
        .map((c) => (before || c.added ? mappingChangeText(c, none) : `${c.what}: ${c.after ?? none}`))
        .join('; ');
      if (connection) {
        const what = `the connection ${connection.name} (${connection.location})`;
        return before
          ? `Changed the column mapping of ${what}: ${text}`
          : `Set the column mapping of ${what}, suggested from the column names until then: ${text}`;
      }
      const what = `the source ${source ? sourceText(source) : '?'}`;
      return before ? `Changed the column mapping of ${what}: ${text}` : `Mapped the columns of ${what}: ${text}`;
    }
    case 'review.merged':
      return `Merged the review of ${act.payload.reviews.map((r) => `${r.reviewer} (${r.fingerprint})`).join(', ')}: ${act.payload.entryHashes.length} entries${act.payload.rechained ? ', chained anew after entries added meanwhile' : ''}`;
    default:
      return `${String((entry as { action: unknown }).action)} ${JSON.stringify(entry.payload)}`;
  }
}
