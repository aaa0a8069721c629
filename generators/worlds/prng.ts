/**
 * The generator's own pseudo-random numbers: mulberry32, seeded per world, so that a seed always yields the same
 * world. `fork(label)` derives an independent stream from the seed and a label, so one part of the world can draw
 * more or fewer numbers without shifting the others.
 */

/** mulberry32: a small 32-bit generator with good enough statistics for simulation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private readonly draw: () => number;

  constructor(readonly seed: number) {
    this.draw = mulberry32(seed);
  }

  /** A new stream derived from this one's seed and a label (draws nothing from this stream). */
  fork(label: string): Rng {
    return new Rng(hashString(`${this.seed}/${label}`));
  }

  next(): number {
    return this.draw();
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.draw() * (hi - lo + 1));
  }

  float(lo: number, hi: number): number {
    return lo + this.draw() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.draw() < p;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.draw() * items.length)]!;
  }

  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let x = this.draw() * total;
    for (const [item, w] of pairs) {
      x -= w;
      if (x < 0) return item;
    }
    return pairs[pairs.length - 1]![0];
  }

  shuffle<T>(items: ReadonlyArray<T>): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.draw() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  sample<T>(items: ReadonlyArray<T>, k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.draw() * 16).toString(16);
    return out;
  }

  /** A random (version 4) UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
