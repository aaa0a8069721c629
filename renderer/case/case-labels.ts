/** The words the UI uses for a case's severity, status and preventive-action kinds. */
import type { CaseSeverity, CaseStatus, PreventiveAction } from '../../shared/case/case-types';

export const SEVERITIES: ReadonlyArray<CaseSeverity> = ['low', 'medium', 'high', 'critical'];
export const STATUSES: ReadonlyArray<CaseStatus> = ['open', 'root-cause-confirmed', 'remediating', 'closed'];

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  open: 'Open',
  'root-cause-confirmed': 'Root cause confirmed',
  remediating: 'Remediating',
  closed: 'Closed',
};

export const SEVERITY_LABELS: Readonly<Record<CaseSeverity, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const PREVENTIVE_KINDS: Readonly<Record<PreventiveAction['kind'], string>> = {
  test: 'Test',
  'enforcement-rule': 'Enforcement rule',
  'review-requirement': 'Review requirement',
  other: 'Other control',
};

/** A fresh id for an annotation, pin or preventive action. */
export const newId = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Tags typed as "suspect, threshold" → ['suspect', 'threshold'] (trimmed, no empties, no repeats). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** Change ids typed as "abc123, 4f9e…" or one per line → their list. */
export function parseIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
