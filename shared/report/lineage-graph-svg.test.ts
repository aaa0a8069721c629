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

describe('the exported graph as a reviewer pastes it', () => {
  const caption = 'Lineage of decision d-1 of model housing@2, as of 2022-05-10 04:45:00 +05:30';
  const svg = lineageGraphSvg({
    nodes: [
      node('decision:d-1', { kind: 'decision', kindLabel: 'Decision', name: 'd-1', version: 'housing@2', x: 300 }),
      node('ds', { height: 124 }),
    ],
    edges: [{ d: 'M220,42 L300,42', kind: 'table', traced: true }],
    title: 'Lineage of d-1',
    caption,
  });

  it('says what it shows in a caption line inside the drawing', () => {
    const text = /<text class="caption"[^>]*y="(-?[\d.]+)"[^>]*>([^<]*)<\/text>/.exec(svg);
    expect(text?.[2]).toBe(caption);
    const [, top] = /viewBox="(-?[\d.]+) (-?[\d.]+)/.exec(svg)!.slice(1).map(Number);
    expect(Number(text?.[1])).toBeGreaterThan(top!);
    // Above every card, none of which it overlaps.
    expect(Number(text?.[1])).toBeLessThan(0);
  });

  it("draws each node's colour bar inside its card's rounded corners", () => {
    for (const [id, height] of [
      ['decision:d-1', 84],
      ['ds', 124],
    ] as const) {
      const group = svg.slice(svg.indexOf(`data-id="${id}"`), svg.indexOf('</g>', svg.indexOf(`data-id="${id}"`)));
      const card = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="([\d.]+)"/.exec(group)!;
      const [x, y, w, h, r] = card.slice(1).map(Number) as [number, number, number, number, number];
      expect(h).toBe(height);
      const bar = /<path class="bar" d="([^"]+)"/.exec(group)?.[1];
      expect(bar).toBeDefined();
      const points = [...bar!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(points.length).toBeGreaterThanOrEqual(4);
      // The ends of each line and arc (x,y pairs): within the card, and within the corner's circle in a corner.
      for (const [px, py] of points as Array<[number, number]>) {
        expect(px).toBeGreaterThanOrEqual(x - 0.01);
        expect(px).toBeLessThanOrEqual(x + w);
        expect(py).toBeGreaterThanOrEqual(y - 0.01);
        expect(py).toBeLessThanOrEqual(y + h + 0.01);
        const cy = py < y + r ? y + r : py > y + h - r ? y + h - r : py;
        if (px < x + r) expect(Math.hypot(px - (x + r), py - cy)).toBeLessThanOrEqual(r + 0.01);
      }
      expect(group).not.toMatch(/<rect [^>]*width="5"/);
    }
  });

  it("names a decision node's model as its model, not as a version", () => {
    const title = /data-id="decision:d-1"><title>([^<]*)<\/title>/.exec(svg)?.[1];
    expect(title).toContain('model housing@2');
    expect(title).not.toMatch(/version/i);
    const other = lineageGraphSvg({ nodes: [node('ds', { version: 'run-5' })], edges: [], title: 't' });
    expect(other).toContain('version run-5');
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
