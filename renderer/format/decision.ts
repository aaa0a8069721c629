/**
 * Short texts for decisions and their inputs, as lists and tables show them; imported names with their
 * bidirectional controls shown as `[U+XXXX]` (shared/model/visible-text.ts).
 */
import type { Decision, DecisionFeature } from '../../shared/model/records';
import { visibleText } from '../../shared/model/visible-text';

/** `model@version`, or the model name alone. */
export function modelLabel(decision: Decision): string {
  return visibleText(decision.model.version ? `${decision.model.name}@${decision.model.version}` : decision.model.name);
}

/** The decision's outcome: its action and, when the output has one, its label (`offer_rejected / reject`). */
export function outcomeLabel(decision: Decision): string {
  const output = decision.output;
  const label =
    output && typeof output === 'object' && 'label' in output
      ? String((output as { label: unknown }).label)
      : undefined;
  return visibleText([decision.action, label].filter((x): x is string => Boolean(x)).join(' / ')) || '—';
}

/** `namespace:name` of the feature's dataset, as OpenLineage names it. */
export function datasetLabel(feature: DecisionFeature): string | undefined {
  return feature.dataset ? visibleText(`${feature.dataset.namespace}:${feature.dataset.name}`) : undefined;
}

/** Any JSON value as one short line. */
export function valueText(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return visibleText(value);
  const text = visibleText(JSON.stringify(value));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The first characters of a long id (commit SHA), for tables; the full id goes in a title. */
export function shortId(id: string, length = 10): string {
  return /^[0-9a-f]{20,}$/i.test(id) ? id.slice(0, length) : id;
}
