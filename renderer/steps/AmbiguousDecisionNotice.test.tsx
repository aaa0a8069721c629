/**
 * A case saved before the decision's model was recorded, whose decision id two models' logs hold: no decision is
 * chosen and the Identify step names both models.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { caseDecision } from '../stores/decision-index';
import { twoModelEvidence } from '../stores/two-model-evidence';
import { AmbiguousDecisionNotice } from './AmbiguousDecisionNotice';

describe('a case naming an id two models hold, without its model', () => {
  it('chooses no decision and names both models', () => {
    const decisions = twoModelEvidence().decisions;
    const decisionId = decisions.at(-1)!.decisionId;
    const { decision, ambiguous } = caseDecision(decisions, decisionId, undefined);
    expect(decision).toBeUndefined();
    const models = [...new Set(decisions.filter((d) => d.decisionId === decisionId).map((d) => d.model.name))];
    expect(models).toHaveLength(2);
    const html = renderToStaticMarkup(<AmbiguousDecisionNotice ambiguous={ambiguous!} />);
    expect(html).toContain(`names decision <span class="mono">${decisionId}</span> without its model`);
    expect(html).toContain(`the logs of 2 models hold that id (${models.join(', ')})`);
  });

  it('takes the decision when the case names its model, or when one model alone holds the id', () => {
    const decisions = twoModelEvidence().decisions;
    const last = decisions.at(-1)!;
    expect(caseDecision(decisions, last.decisionId, last.model.name)).toEqual({ decision: last });
    const one = decisions.filter((d) => d.model.name === last.model.name);
    expect(caseDecision(one, last.decisionId, undefined)).toEqual({ decision: last });
  });
});
