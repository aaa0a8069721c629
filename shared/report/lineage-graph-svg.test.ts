import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../analysis/types';
import { lineageGraphSvg, type SvgNode, wrapName } from './lineage-graph-svg';
import { lineagePathSvg } from './svg-figures';

const node = (id: string, over: Partial<SvgNode> = {}): SvgNode => ({
  id,
  kind: 'dataset',
  kindLabel: 'Dataset',
  name: id,
  x: 0,
  y: 0,
  width: 220,
  height: 84,
  traced: true,
  ...over,
});
/** The text of every <tspan> of a node's name, joined. */
const nameText = (svg: string, id: string) => {
  const group = svg.slice(svg.indexOf(`data-id="${id}"`));
  const text = group.slice(
    group.indexOf('font-weight="600"'),
    group.indexOf('</text>', group.indexOf('font-weight="600"')),
  );
  return [...text.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join('');
};

describe('lineageGraphSvg', () => {
  const long = 'warehouse_analytics.customer_features_with_a_rather_long_name_v2';
  const svg = lineageGraphSvg({
    nodes: [node('a', { name: long, version: '3444857694964822802' }), node('b', { x: 300, traced: false })],
    edges: [
      { d: 'M220,42 L300,42', kind: 'table', traced: true },
      { d: 'M220,50 L300,50', kind: 'column', traced: false },
    ],
    title: 'Lineage of d-1',
  });

  it('draws one path per edge and a box per node, in plain SVG with no HTML', () => {
    expect(svg.match(/<path class="edge"/g)).toHaveLength(2);
    expect(svg.match(/<g class="node /g)).toHaveLength(2);
    expect(svg).not.toMatch(/foreignObject|<div|<button|xhtml|<script/i);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('marker-end="url(#arrow-traced)"');
  });

  it('writes names and versions in full, wrapped over lines', () => {
    expect(nameText(svg, 'a')).toBe(long);
    expect(svg).toContain('>3444857694964822802<');
  });

  it('escapes imported text', () => {
    const hostile = lineageGraphSvg({
      nodes: [node('x', { name: '<script>alert(1)</script>' })],
      edges: [],
      title: 't',
    });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;');
  });

  it('wraps after separators, never dropping a character', () => {
    expect(wrapName('identity.customer_id_stitcher', 20)).toEqual(['identity.customer_', 'id_stitcher']);
    expect(wrapName('x'.repeat(45), 20).join('')).toBe('x'.repeat(45));
  });
});

describe('lineagePathSvg (the report’s traced path)', () => {
  const path: TraceNode[] = [
    'decision:d-1',
    'feature:f',
    'warehouse:analytics.features',
    'etl:build_features',
    'raw:events',
  ].map(
    (id, i) =>
      ({
        id,
        kind: (['decision', 'feature', 'dataset', 'job', 'source'] as const)[i]!,
        label: id,
        version: i === 3 ? 'a'.repeat(40) : undefined,
        depth: i,
        details: {},
      }) as unknown as TraceNode,
  );
  const svg = lineagePathSvg(path);

  it('draws every node of the path and one arrow per link, origin first', () => {
    expect(svg.match(/<g class="node /g)).toHaveLength(5);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(4);
    expect(svg.indexOf('data-id="raw:events"')).toBeLessThan(svg.indexOf('data-id="decision:d-1"'));
    expect(nameText(svg, 'warehouse:analytics.features')).toBe('analytics.features');
    expect(svg).toContain('>aaaaaaaa<');
    expect(svg).not.toMatch(/foreignObject/);
  });
});
