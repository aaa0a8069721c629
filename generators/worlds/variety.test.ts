import { describe, expect, it } from 'vitest';
import { identityGraphFiles } from './identity-graph.js';
import { simulateWorld } from './simulate.js';
import { worldShape } from './truth.js';
import { CAUSE_KINDS } from './world-plan.js';

describe('worlds vary over seeds 1..200', () => {
  const worlds = Array.from({ length: 200 }, (_, i) => simulateWorld(i + 1));
  const shapes = worlds.map(worldShape);
  const values = <T>(f: (s: (typeof shapes)[number]) => T) => new Set(shapes.map(f));

  it('plants every kind of cause', () => {
    expect(new Set(worlds.map((w) => w.sim.cause!.kind))).toEqual(new Set(CAUSE_KINDS));
  });

  it('gives every shape flag each of its values', () => {
    expect(values((s) => s.featureVersion)).toEqual(new Set([true, false]));
    expect(values((s) => s.datasetVersion)).toEqual(new Set(['version-facet', 'run-id', 'none']));
    expect(values((s) => s.runsNameCommit)).toEqual(new Set([true, false]));
    expect(values((s) => s.repoForm)).toEqual(new Set(['folder', 'bundle']));
    expect(values((s) => s.runEnvironment)).toEqual(new Set(['production-only', 'namespace', 'facet']));
    expect(values((s) => s.deployStyle)).toEqual(new Set(['repo', 'component']));
  });

  it('exports the identity graph as each tool writes it, or not at all', () => {
    const forms = new Set<string>();
    for (const w of worlds) {
      if (!w.sim.pipeline.jobs.some((j) => j.role === 'identity')) continue;
      const files = identityGraphFiles(w.sim, w.runs);
      const first = files[0];
      if (!first) forms.add('none');
      else if (files.some((f) => f.text.includes('canonical_segment_id'))) forms.add('segment');
      else if (/^\{/.test(first.text)) forms.add('rudderstack json lines');
      else forms.add(/^[A-Z_]+,/.test(first.text) ? 'rudderstack csv, upper-case' : 'rudderstack csv');
    }
    expect(forms).toEqual(
      new Set(['none', 'segment', 'rudderstack json lines', 'rudderstack csv', 'rudderstack csv, upper-case']),
    );
  });

  it('has 1 to 3 repositories and 2 to 6 jobs', () => {
    expect(values((s) => s.repositories)).toEqual(new Set([1, 2, 3]));
    expect(values((s) => s.jobs)).toEqual(new Set([2, 3, 4, 5, 6]));
  });

  it('fixes the cause in some worlds and not in others, and both governance verdicts occur', () => {
    const recovered = worlds.filter((w) => w.recoveredAt !== undefined).length;
    expect(recovered).toBeGreaterThan(50);
    expect(recovered).toBeLessThan(150);
    expect(new Set(worlds.map((w) => w.sim.cause!.governance))).toEqual(new Set(['violation', 'compliant']));
  });

  it('keeps each world small: a few hundred to a few thousand decisions, 30 to 60 days', () => {
    for (const w of worlds) {
      expect(w.decisions.length).toBeGreaterThanOrEqual(300);
      expect(w.decisions.length).toBeLessThanOrEqual(2400);
      expect(w.sim.plan.days).toBeGreaterThanOrEqual(30);
      expect(w.sim.plan.days).toBeLessThanOrEqual(60);
    }
  });

  it('shares file names across repositories', () => {
    const multi = worlds.filter((w) => w.sim.pipeline.repos.length > 1);
    for (const w of multi) {
      const paths = w.sim.pipeline.repos.map((r) => new Set(r.commits[0]!.files.keys()));
      const job = w.sim.pipeline.featureJob.path!;
      expect(paths.filter((p) => p.has(job)).length).toBeGreaterThan(1);
    }
  });
});
