import { describe, expect, it } from 'vitest';
import { Rng, hashString, mix32, unitHash } from './prng';

describe('Rng', () => {
  it('draws the same numbers for the same seed and stream', () => {
    const a = new Rng(7, 'decisions');
    const b = new Rng(7, 'decisions');
    expect(Array.from({ length: 50 }, () => a.uint32())).toEqual(Array.from({ length: 50 }, () => b.uint32()));
  });

  it('draws different numbers for another seed or another stream', () => {
    const draw = (r: Rng) => Array.from({ length: 8 }, () => r.uint32());
    expect(draw(new Rng(7, 'decisions'))).not.toEqual(draw(new Rng(8, 'decisions')));
    expect(draw(new Rng(7, 'decisions'))).not.toEqual(draw(new Rng(7, 'runs')));
  });

  it('keeps int, float and pick within their bounds', () => {
    const r = new Rng(1, 'bounds');
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      const x = r.float(-1, 1);
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThan(1);
    }
    const seen = new Set(Array.from({ length: 500 }, () => r.int(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    expect(['a', 'b', 'c']).toContain(r.pick(['a', 'b', 'c']));
    expect(() => r.pick([])).toThrow();
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = new Rng(3, 'shuffle').shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });

  it('makes version 7 UUIDs that start with the time', () => {
    const ms = Date.UTC(2026, 0, 12, 3, 0, 0);
    const id = new Rng(5, 'uuid').uuidV7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('hashes statelessly and uniformly enough', () => {
    expect(hashString('features')).toBe(hashString('features'));
    expect(mix32(1, 2, 3)).toBe(mix32(1, 2, 3));
    expect(mix32(1, 2, 3)).not.toBe(mix32(3, 2, 1));
    const mean = Array.from({ length: 4000 }, (_, i) => unitHash(9, i)).reduce((a, b) => a + b, 0) / 4000;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
  });
});
