import { describe, expect, it } from 'vitest';
import { initialExploreState } from '../trace/explore-state';
import { syntheticTrace } from '../trace/synthetic-trace';
import { buildView } from '../trace/view-graph';
import { edgePaths } from './EdgeLayer';
import { formatTime } from '../format/time';
import { graphCaption, graphSvg } from './graph-svg';
import { layoutLeftToRight } from './layout';
import { layoutInput, toFlow } from './to-flow';

describe('graphSvg (the exported drawing)', () => {
  const trace = syntheticTrace(40);
  const view = buildView(trace, initialExploreState, { upstream: () => [], downstream: () => [] });
  const input = layoutInput(view);
  const flow = toFlow(view, layoutLeftToRight(input.nodes, input.edges, { aspectRatio: 2 }), {});
  const svg = graphSvg(flow.nodes, flow.edges, 'Lineage of bench');

  it('has one path per drawn edge and one box per node, at the laid-out places', () => {
    expect(svg.match(/<path class="edge"/g)).toHaveLength(edgePaths(flow.nodes, flow.edges).length);
    expect(svg.match(/<g class="node /g)).toHaveLength(flow.nodes.length);
    for (const p of edgePaths(flow.nodes, flow.edges)) expect(svg).toContain(`d="${p.d}"`);
    const first = flow.nodes[0]!;
    expect(svg).toContain(`<rect x="${first.position.x}" y="${first.position.y}" width="220"`);
  });

  it('holds no HTML, buttons or handles', () => {
    expect(svg).not.toMatch(/foreignObject|<div|<button|<li|react-flow|xhtml/i);
  });

  it('is captioned with the decision, the model that made it and the moment it is drawn as of, in the zone', () => {
    const decision = trace.nodes.find((n) => n.kind === 'decision')!;
    for (const zone of ['UTC', 'local'] as const) {
      const caption = graphCaption(flow.nodes, zone)!;
      expect(caption).toContain(`decision ${decision.label}`);
      expect(caption).toContain(`model ${decision.version}`);
      expect(caption).toContain(`as of ${formatTime(trace.asOf, zone)}`);
      expect(graphSvg(flow.nodes, flow.edges, 'Lineage of bench', caption)).toContain(`>${caption}</text>`);
    }
    const chosen = new Date(Date.parse(trace.asOf) - 86_400_000).toISOString();
    const compared = graphCaption(flow.nodes, 'UTC', { earlier: chosen, later: trace.asOf })!;
    expect(compared).toContain(`as of ${formatTime(chosen, 'UTC')}`);
    expect(compared).toContain(`decision's moment ${formatTime(trace.asOf, 'UTC')}`);
  });
});
