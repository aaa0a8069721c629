/**
 * The part of a window of OpenLineage events an investigation needs: the events of the jobs asked for (a namespace,
 * or one job in it) and of every job upstream of them — each job that wrote a dataset a kept job read, and so on —
 * read from the inputs and outputs the window's events name. Events keep their order.
 */

export interface JobFilter {
  /** Keep the jobs of this namespace (and their upstream). */
  readonly namespace?: string;
  /** Keep this job (in `namespace` when given, else in any) and its upstream. */
  readonly job?: string;
}

interface Named {
  readonly namespace?: unknown;
  readonly name?: unknown;
}

const keyOf = (n: Named | undefined) =>
  n && typeof n.namespace === 'string' && typeof n.name === 'string' ? `${n.namespace}\u0000${n.name}` : undefined;

const datasetKeys = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((d) => keyOf(d as Named)).filter((k): k is string => k !== undefined) : [];

/** Whether a filter asks for anything less than the whole window. */
export const filters = (f: JobFilter): boolean => Boolean(f.namespace || f.job);

/**
 * The events of the filter's jobs and of their upstream closure; the whole window when the filter is empty.
 * `jobs` names every kept job as `namespace:name`, in first-seen order.
 */
export function upstreamClosure<E extends Record<string, unknown>>(
  events: ReadonlyArray<E>,
  filter: JobFilter,
): { readonly events: E[]; readonly jobs: string[] } {
  const reads = new Map<string, Set<string>>();
  const writers = new Map<string, Set<string>>();
  const shown = new Map<string, string>();
  for (const e of events) {
    const job = e.job as Named | undefined;
    const key = keyOf(job);
    if (key === undefined) continue;
    shown.set(key, `${String(job?.namespace)}:${String(job?.name)}`);
    let inputs = reads.get(key);
    if (!inputs) reads.set(key, (inputs = new Set()));
    for (const d of datasetKeys(e.inputs)) inputs.add(d);
    for (const d of datasetKeys(e.outputs)) {
      let w = writers.get(d);
      if (!w) writers.set(d, (w = new Set()));
      w.add(key);
    }
  }
  const wanted = (key: string) => {
    const [namespace, name] = key.split('\u0000');
    return (!filter.namespace || namespace === filter.namespace) && (!filter.job || name === filter.job);
  };
  const kept = new Set([...shown.keys()].filter((k) => !filters(filter) || wanted(k)));
  for (const pending = [...kept]; pending.length > 0;) {
    for (const dataset of reads.get(pending.pop() as string) ?? [])
      for (const writer of writers.get(dataset) ?? [])
        if (!kept.has(writer)) {
          kept.add(writer);
          pending.push(writer);
        }
  }
  return {
    events: events.filter((e) => {
      if (!filters(filter)) return true;
      const key = keyOf(e.job as Named | undefined);
      return key !== undefined && kept.has(key);
    }),
    jobs: [...shown].filter(([k]) => kept.has(k)).map(([, s]) => s),
  };
}
