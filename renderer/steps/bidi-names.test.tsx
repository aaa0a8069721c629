import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../shared/analysis/engine';
import { SHA, testEvidence } from '../../shared/analysis/test-evidence';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { TraceNode } from '../../shared/analysis/types';
import { splitLabel } from '../graph/LineageNodes';
import { DecisionInputs } from './DecisionInputs';
import { SuspectCard } from './SuspectCard';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const TROJAN = 'summary_\u202Efdp.exe';

describe('the app shows bidirectional controls in imported names as [U+XXXX]', () => {
  const base = testEvidence();
  const set: EvidenceSet = {
    ...base,
    commits: base.commits.map((c) => (c.sha === SHA.bad ? { ...c, subject: TROJAN, authorName: TROJAN } : c)),
    decisions: base.decisions.map((d) => ({
      ...d,
      model: { ...d.model, name: TROJAN },
      features: d.features.map((f) => ({ ...f, field: `${f.field}\u2066x\u2069` })),
    })),
  };
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;

  it('in a suspect’s summary and author', () => {
    const result = runEngine(set, decision, 'flag');
    const at = result.suspects.suspects.findIndex((s) => s.id === SHA.bad);
    expect(at).toBeGreaterThanOrEqual(0);
    const html = renderToStaticMarkup(
      <SuspectCard
        rank={at + 2}
        suspect={result.suspects.suspects[at]!}
        evidence={set}
        storedRepositories={[]}
        sourceName={(id) => id}
      />,
    );
    expect(html).not.toMatch(BIDI);
    expect(html).toContain('summary_[U+202E]fdp.exe');
  });

  it('in a decision’s model and inputs', () => {
    const html = renderToStaticMarkup(<DecisionInputs decision={decision} onPickFeature={() => undefined} />);
    expect(html).not.toMatch(BIDI);
    expect(html).toContain('summary_[U+202E]fdp.exe');
    expect(html).toContain('flag[U+2066]x[U+2069]');
  });

  it('in a graph node’s name and namespace', () => {
    const node = { id: 'job:x', kind: 'job', label: `ns\u202E:${TROJAN}` } as TraceNode;
    expect(splitLabel(node)).toEqual({ namespace: 'ns[U+202E]', name: 'summary_[U+202E]fdp.exe' });
  });
});
