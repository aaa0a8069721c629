/**
 * The engine's results, sent from the worker without the decisions in them: the scope lists every affected decision
 * (a third of a million on the large sample, 250 MB to clone), and the UI thread already holds each of them. The
 * worker replaces each decision by its key (its model and id: two models' logs can share an id); the UI thread puts
 * its own decision objects back. Shared objects stay
 * shared; Maps, Sets and other non-plain objects travel as they are.
 */
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';

interface DecisionRef {
  readonly $decision: string;
}
interface DecisionRefs {
  readonly $decisions: ReadonlyArray<string>;
}

const isDecision = (v: unknown): v is Decision =>
  typeof v === 'object' &&
  v !== null &&
  (v as Decision).kind === 'decision' &&
  typeof (v as Decision).decisionId === 'string' &&
  Array.isArray((v as Decision).features);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A copy of `value` with every decision replaced by `{ $decision: key }` (a list of them by `{ $decisions: keys }`). */
export function packDecisions<T>(value: T): unknown {
  const copies = new Map<object, unknown>();
  const pack = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (isDecision(v)) return { $decision: decisionKey(v) } satisfies DecisionRef;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      if (v.length > 0 && v.every(isDecision)) {
        const refs: DecisionRefs = { $decisions: v.map(decisionKey) };
        copies.set(v, refs);
        return refs;
      }
      const out: unknown[] = [];
      copies.set(v, out);
      for (const item of v) out.push(pack(item));
      return out;
    }
    if (!isPlain(v)) return v;
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const [k, item] of Object.entries(v)) out[k] = pack(item);
    return out;
  };
  return pack(value);
}

/** How a key names its decision in a message: `d-7 of model offers`. */
function keyText(key: string): string {
  const [model, id] = JSON.parse(key) as [string, string];
  return `${id} of model ${model}`;
}

/** The results with the decisions put back by key from `decisionOf`; throws naming a decision it does not know. */
export function unpackDecisions<T>(value: unknown, decisionOf: (key: string) => Decision | undefined): T {
  const copies = new Map<object, unknown>();
  const lookup = (key: string): Decision => {
    const d = decisionOf(key);
    if (!d) throw new Error(`The engine's results name decision ${keyText(key)}, which the open evidence lacks.`);
    return d;
  };
  const unpack = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const item of v) out.push(unpack(item));
      return out;
    }
    if (!isPlain(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && typeof v.$decision === 'string') return lookup(v.$decision);
    if (keys.length === 1 && Array.isArray(v.$decisions)) {
      const out = (v.$decisions as string[]).map(lookup);
      copies.set(v, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const k of keys) out[k] = unpack(v[k]);
    return out;
  };
  return unpack(value) as T;
}
