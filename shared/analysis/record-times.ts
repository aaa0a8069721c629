/**
 * Record times parsed once per list: the governance rules walk every commit, deployment, audit entry and enforcement
 * entry for each suspect (forty on the large sample), and parsing the same RFC 3339 strings again on every walk
 * dominated them. Record lists are immutable, so the times cannot go stale.
 */
const memo = new WeakMap<ReadonlyArray<object>, Map<string, Float64Array>>();

/** `Date.parse(list[i][field])` for each record of the list, kept per list and field. */
export function timesOf<K extends string>(list: ReadonlyArray<Readonly<Record<K, string>>>, field: K): Float64Array {
  let byField = memo.get(list);
  if (!byField) memo.set(list, (byField = new Map()));
  let times = byField.get(field);
  if (!times) {
    times = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) times[i] = Date.parse((list[i] as Readonly<Record<K, string>>)[field]);
    byField.set(field, times);
  }
  return times;
}
