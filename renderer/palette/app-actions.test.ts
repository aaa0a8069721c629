import { describe, expect, it } from 'vitest';
import { useGraphRequests } from '../graph/graph-requests';
import { STEP_IDS } from '../steps/step-ids';
import { useInvestigation } from '../stores/investigation-store';
import { syntheticTrace } from '../trace/synthetic-trace';
import { caseActions } from './app-actions';

describe('caseActions (what the palette reaches in a case)', () => {
  const trace = syntheticTrace(12);
  const sources = [
    { id: 's1', name: 'openlineage-events.ndjson', detected: 'openlineage' },
    { id: 's2', name: 'decisions.jsonl', detected: 'decisions' },
  ];
  const actions = caseActions('case-1', sources, trace);
  const names = actions.map((a) => a.name);

  it('reaches every step, source, graph node and export, each once', () => {
    for (const step of STEP_IDS) expect(names).toContain(`goToStep:${step}`);
    for (const s of sources) expect(names).toContain(`openSource:${s.id}`);
    for (const n of trace.nodes) expect(names).toContain(`focusNode:${n.id}`);
    for (const e of ['graph-png', 'graph-svg', 'graph-json', 'report-html', 'report-md', 'report-pdf', 'bundle']) {
      expect(names).toContain(`export:${e}`);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('offers no graph action or export before there is a graph, nor a report before a decision is chosen', () => {
    const bare = caseActions('case-1', sources, undefined, false).map((a) => a.name);
    for (const step of STEP_IDS) expect(bare).toContain(`goToStep:${step}`);
    expect(bare.filter((n) => n.startsWith('graph:') || n.startsWith('export:') || n.startsWith('caseFile:'))).toEqual(
      [],
    );
    const noGraph = caseActions('case-1', sources, undefined, true).map((a) => a.name);
    expect(noGraph).toContain('export:report-html');
    expect(noGraph).toContain('caseFile:export');
    expect(noGraph.filter((n) => n.startsWith('graph:') || n.startsWith('export:graph-'))).toEqual([]);
  });

  it('offers undo only while a removal can be undone', () => {
    expect(names).not.toContain('edit:undo');
    expect(caseActions('case-1', sources, trace, true, true).map((a) => a.name)).toContain('edit:undo');
  });

  it('a node goes to the Trace step and asks the graph to centre it', () => {
    const node = trace.nodes[3]!;
    actions.find((a) => a.name === `focusNode:${node.id}`)!.perform();
    expect(useInvestigation.getState().step).toBe('trace');
    expect(useGraphRequests.getState().pending).toEqual({ kind: 'focus', id: node.id });
  });

  it('a step action has its shortcut', () => {
    const scope = actions.find((a) => a.name === 'goToStep:scope')!;
    expect(scope.keys).toBe('Alt+2');
    scope.perform();
    expect(useInvestigation.getState().step).toBe('scope');
  });
});
