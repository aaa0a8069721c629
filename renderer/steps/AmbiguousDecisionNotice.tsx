import { visibleText } from '../../shared/model/visible-text';
import type { AmbiguousDecision } from '../stores/decision-index';

/** A case saved without its decision's model names an id several models' logs hold: none is chosen, each is named. */
export function AmbiguousDecisionNotice({ ambiguous }: { readonly ambiguous: AmbiguousDecision }) {
  return (
    <p className="notice" role="status">
      This case names decision <span className="mono">{ambiguous.decisionId}</span> without its model, and the logs of{' '}
      {ambiguous.models.length} models hold that id ({ambiguous.models.map(visibleText).join(', ')}): select the one
      investigated in the list.
    </p>
  );
}
