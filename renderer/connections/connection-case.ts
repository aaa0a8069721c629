/**
 * Opening a case on a decision read where its log lives: the case holds every source imported in the app that is
 * not a decision log (lineage, Git, deployments, audit…) as its other evidence, and names the saved connection its
 * decisions are read from — in its row (by id, to ask it again) and in its `case.opened` entry (by name and
 * location, never a password).
 */
import type { SavedConnection } from '../../shared/ipc/connection-channels';
import type { Decision } from '../../shared/model/records';
import { currentActor, selectReviewerName, useReviewer } from '../case/reviewer-store';
import { createCase } from '../db/case-log';
import { db } from '../db/instance';
import type { LineageDb } from '../db/lineage-db';

/** The imported sources that are evidence besides decisions: complete, holding no decision. */
export async function otherEvidenceSources(store: LineageDb): Promise<string[]> {
  const sources = await store.sources.toArray();
  return sources.filter((s) => s.status !== 'staging' && !((s.counts.decision ?? 0) > 0)).map((s) => s.id);
}

/** Opens a case on `decision` of `connection`; resolves with the case's id. */
export async function openConnectionCase(connection: SavedConnection, decision: Decision): Promise<string> {
  const id = `case-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const owner = selectReviewerName(useReviewer.getState()) || 'unassigned';
  await createCase(db, {
    id,
    title: `Decision ${decision.decisionId} (${decision.model.name}) in ${connection.name}`,
    description: `Its decisions are read in ${connection.name} (${connection.location}), not imported.`,
    sourceIds: await otherEvidenceSources(db),
    decisionId: decision.decisionId,
    decisionModel: decision.model.name,
    ...(decision.features[0] && { featureName: decision.features[0].name }),
    connection: { id: connection.id, name: connection.name, location: connection.location },
    owner,
    actor: currentActor(),
  });
  return id;
}
