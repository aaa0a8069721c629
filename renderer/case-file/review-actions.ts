/**
 * The reviewer's draft as the actions `caseFile:review` chains: each annotation (`annotation.added`, on the root
 * cause, a change it names, or a traced node) and the verdict (`review.verdict`). Pure.
 */
import type { PortableCaseFile } from '../../shared/case/case-file-format';
import type { AnnotationTarget, ReviewVerdict } from '../../shared/case/case-types';
import type { CaseFileReviewAction } from '../../shared/ipc/case-file-channels';
import { parseTags } from '../case/case-labels';

export interface DraftAnnotation {
  readonly id: string;
  readonly target: AnnotationTarget;
  readonly text: string;
  readonly tags: string;
}

export interface DraftVerdict {
  readonly verdict: ReviewVerdict['verdict'] | '';
  readonly text: string;
}

export const VERDICT_LABELS: ReadonlyArray<readonly [ReviewVerdict['verdict'], string]> = [
  ['agree', 'Confirm the root cause'],
  ['disagree', 'Dispute the root cause'],
  ['needs-more-evidence', 'Needs more evidence'],
];

/** What a reviewer may annotate in the file: its root cause, each change the root cause names, each traced node. */
export function annotationTargets(
  file: PortableCaseFile,
): Array<{ readonly target: AnnotationTarget; readonly label: string }> {
  const c = file.content.case;
  return [
    { target: { kind: 'finding', id: 'root-cause' }, label: 'The root cause' },
    ...(c.rootCause?.changeIds ?? []).map((id) => ({ target: { kind: 'change', id } as const, label: `Change ${id}` })),
    ...file.content.subgraph.nodes.map((n) => ({
      target: { kind: 'node', id: n.id } as const,
      label: `${n.kind}: ${n.label}`,
    })),
  ];
}

/** The actions to sign, or what is missing: a verdict needs its reasons, and a review adds something. */
export function reviewActions(
  annotations: ReadonlyArray<DraftAnnotation>,
  verdict: DraftVerdict,
): { readonly actions: CaseFileReviewAction[] } | { readonly problem: string } {
  const actions: CaseFileReviewAction[] = annotations.map((a) => ({
    action: 'annotation.added',
    payload: { id: a.id, target: a.target, tags: parseTags(a.tags), text: a.text.trim() },
  }));
  if (verdict.verdict) {
    if (!verdict.text.trim()) return { problem: 'Say why: a verdict needs its reasons.' };
    actions.push({ action: 'review.verdict', payload: { verdict: verdict.verdict, text: verdict.text.trim() } });
  } else if (verdict.text.trim()) return { problem: 'Choose a verdict for the reasons you wrote.' };
  if (actions.length === 0) return { problem: 'Add an annotation or a verdict first.' };
  return { actions };
}
