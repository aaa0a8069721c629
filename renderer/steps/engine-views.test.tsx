import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../shared/analysis/engine';
import type { OnsetEstimate, ReplayPlan } from '../../shared/analysis/engine-types';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { labelledBins, onsetBinIndex } from './OnsetChart';
import { ReplayPlanView } from './ReplayPlan';
import { NotificationCheck } from './ScopeBreakdown';
import { RuleFindings } from './RuleFindings';

const set = testEvidence();
const decision = set.decisions[set.decisions.length - 1]!;
const result = runEngine(set, decision, decision.features[0]!.name);
const names = (id: string) => `file-${id.slice(0, 4)}.jsonl`;

describe('the steps on the engine result', () => {
  it('marks the onset bin by its key, else the bin whose decisions span the onset time', () => {
    const onset = result.suspects.onset;
    const at = onsetBinIndex(onset);
    expect(onset.series[at]!.key).toBe(onset.key);
    const second = onset.series[1]!;
    const byTime: OnsetEstimate = { ...onset, key: undefined, onset: second.from };
    expect(onsetBinIndex(byTime)).toBe(1);
  });

  it('labels the onset bin and evenly spaced bins, none printed over a neighbour (the real NannyML log: 343 days)', () => {
    const ticks = [...labelledBins(343, 338, 11)];
    expect(ticks).toContain(338);
    expect(ticks).toContain(0);
    for (let k = 1; k < ticks.length; k++) expect(ticks[k]! - ticks[k - 1]!).toBeGreaterThanOrEqual(11);
    expect(ticks.length).toBeGreaterThanOrEqual(7);
    expect([...labelledBins(5, 2)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('never concludes that no notification is required from decisions that name no subject', () => {
    const text = (subjects: number) =>
      renderToStaticMarkup(<NotificationCheck scope={{ ...result.scope, affected: 3, subjects }} />).replace(
        /<[^>]+>/g,
        '',
      );
    const unnamed = text(0);
    expect(unnamed).toContain('No affected decision names its subject');
    expect(unnamed).not.toContain('no notification is required');
    expect(text(2)).toContain('2 distinct subjects received an affected decision');
  });

  it('shows every rule finding of the top suspect with its rule and its evidence as file:line', () => {
    const top = result.governance[0]!;
    const html = renderToStaticMarkup(<RuleFindings findings={top.findings} sourceName={names} />);
    expect(top.verdict).toBe('violation');
    expect(html).toMatch(/<th scope="row">Approving review<\/th><td><span[^>]*>Fail<\/span>/);
    expect(html).toMatch(/merged without a valid approving review/);
    for (const f of top.findings)
      if (f.evidence?.line) expect(html).toContain(`${names(f.evidence.sourceId)}:${f.evidence.line}`);
  });

  it('names the replay hazards before the plan, and says so when there are none', () => {
    const plan: ReplayPlan = {
      ...result.remediation.replay!,
      hazards: [
        { dataset: 'wh:features', lastWrite: '2026-10-20T00:00:00.000Z', writes: 2, text: 'would be overwritten' },
      ],
    };
    const html = renderToStaticMarkup(<ReplayPlanView plan={plan} />);
    expect(html).toContain('Hazard: 1 dataset would be overwritten with older data');
    expect(html.indexOf('wh:features')).toBeLessThan(html.indexOf('Window'));
    const none = renderToStaticMarkup(<ReplayPlanView plan={{ ...plan, hazards: [] }} />);
    expect(none).toContain('Hazards: none found.');
  });
});
