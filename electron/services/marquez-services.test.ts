/**
 * `marquez:pull` against a local server answering as Marquez's API does with the sample's events: a window comes
 * back whole as one NDJSON file named by the server and the window (never the key), a job's upstream closure keeps
 * exactly the jobs that fed it, and the API key is kept in the main process for the next pull.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequest } from '../../shared/ipc/contract.js';
import { eventMs, startMarquezReplay, storedEvents, type MarquezReplay } from '../marquez/marquez-server.fixture.js';
import { createMarquezHandlers } from './marquez-services.js';

const KEY = 'mqz-app-key-5d1e';
const stored = storedEvents();
let server: MarquezReplay;
beforeAll(async () => {
  server = await startMarquezReplay(KEY);
});
afterAll(() => server.close());

type Event = (typeof stored)[number];
const jobOf = (e: Event) => `${e.job.namespace}:${e.job.name}`;
const datasets = (list: Event['inputs']) => (list ?? []).map((d) => `${d.namespace}:${d.name}`);

describe('marquez:pull', () => {
  it('pulls a window page by page as one NDJSON file named by the server and the window, never the key', async () => {
    const pull = createMarquezHandlers()['marquez:pull'];
    const times = stored.map(eventMs).sort((a, b) => a - b);
    const after = new Date(times[Math.floor(times.length / 4)] as number).toISOString();
    const before = new Date(times[Math.floor((3 * times.length) / 4)] as number).toISOString();
    const inWindow = stored.filter((e) => eventMs(e) >= Date.parse(after) && eventMs(e) < Date.parse(before));
    server.requests.length = 0;
    const r = await pull(parseRequest('marquez:pull', { url: `${server.url}/`, apiKey: KEY, after, before }));
    const lines = r.file.text.trim().split('\n');
    expect(r.read).toBe(inWindow.length);
    expect(r.totalCount).toBe(inWindow.length);
    expect(r.kept).toBe(inWindow.length);
    expect(lines.map((l) => JSON.parse(l).eventTime)).toEqual(
      [...inWindow].sort((a, b) => eventMs(a) - eventMs(b)).map((e) => e.eventTime),
    );
    expect(r.pages).toBe(server.requests.length);
    expect(r.pages).toBe(Math.floor(inWindow.length / 100) + 1);
    expect(r.file.sha256).toBe(createHash('sha256').update(r.file.text).digest('hex'));
    expect(r.file.size).toBe(Buffer.byteLength(r.file.text));
    expect(r.file.name).toBe(`${server.url}/api/v1 lineage events ${after} to ${before}.ndjson`);
    expect(JSON.stringify(r)).not.toContain(KEY);
    expect(r.keyKept).toBe(true);
  });

  it('keeps a job and exactly the jobs upstream of it that ran in the window', async () => {
    const pull = createMarquezHandlers()['marquez:pull'];
    const last = stored[stored.length - 1] as Event;
    const r = await pull(
      parseRequest('marquez:pull', { url: server.url, apiKey: KEY, namespace: last.job.namespace, job: last.job.name }),
    );
    const kept = r.file.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Event);
    const keptJobs = new Set(kept.map(jobOf));
    expect(r.jobs).toEqual([...keptJobs]);
    expect(keptJobs.has(jobOf(last))).toBe(true);
    expect(keptJobs.size, 'a job that ran in the window fed none of them').toBeLessThan(
      new Set(stored.map(jobOf)).size,
    );
    // Every event of a kept job is kept, in order.
    expect(kept.map((e) => e.eventTime)).toEqual(
      [...stored.filter((e) => keptJobs.has(jobOf(e)))].sort((a, b) => eventMs(a) - eventMs(b)).map((e) => e.eventTime),
    );
    const reads = (job: string) => new Set(stored.filter((e) => jobOf(e) === job).flatMap((e) => datasets(e.inputs)));
    const writes = (job: string) => new Set(stored.filter((e) => jobOf(e) === job).flatMap((e) => datasets(e.outputs)));
    const allJobs = new Set(stored.map(jobOf));
    // Closed upstream: whoever wrote what a kept job read is kept.
    for (const job of keptJobs)
      for (const d of reads(job))
        for (const writer of allJobs)
          if (writes(writer).has(d)) expect(keptJobs, `${writer} wrote ${d}`).toContain(writer);
    // Nothing else: every kept job but the one asked for wrote something a kept job read.
    for (const job of keptJobs) {
      if (job === jobOf(last)) continue;
      const feeds = [...keptJobs].some((reader) => [...writes(job)].some((d) => reads(reader).has(d)));
      expect(feeds, `${job} feeds a kept job`).toBe(true);
    }
    expect(r.file.name).toContain(` upstream of ${jobOf(last)}.ndjson`);
  });

  it('keeps the API key for the server: the next pull needs none, an empty one forgets it', async () => {
    const pull = createMarquezHandlers()['marquez:pull'];
    await expect(pull({ url: server.url })).rejects.toThrow(/HTTP 401 .*API key/);
    await pull({ url: server.url, apiKey: KEY, after: '2030-01-01T00:00:00Z' });
    const again = await pull({ url: server.url });
    expect(again.keyKept).toBe(true);
    expect(again.read).toBe(stored.length);
    const forgot = await pull({ url: server.url, apiKey: '' }).catch((e: Error) => e.message);
    expect(forgot).toMatch(/HTTP 401/);
    expect(forgot).not.toContain(KEY);
  });

  it('lists the namespaces and jobs the server knows, with the key kept from a pull', async () => {
    const handlers = createMarquezHandlers();
    await expect(handlers['marquez:jobs']({ url: server.url })).rejects.toThrow(/HTTP 401 .*API key/);
    await handlers['marquez:pull']({ url: server.url, apiKey: KEY, after: '2030-01-01T00:00:00Z' });
    const listed = await handlers['marquez:jobs']({ url: server.url });
    const namespaces = [...new Set(stored.map((e) => e.job.namespace))];
    expect(listed.namespaces.map((n) => n.namespace)).toEqual(namespaces);
    for (const { namespace, jobs } of listed.namespaces)
      expect(new Set(jobs)).toEqual(
        new Set(stored.filter((e) => e.job.namespace === namespace).map((e) => e.job.name)),
      );
    expect(listed.keyKept).toBe(true);
  });

  it('refuses a request that is not a server URL or whose window is not a time', () => {
    expect(() => parseRequest('marquez:pull', { url: 'file:///etc/passwd' })).toThrow(/marquez:pull at url/);
    expect(() => parseRequest('marquez:pull', { url: server.url, after: 'last tuesday' })).toThrow(
      /marquez:pull at after: an RFC 3339 time/,
    );
  });
});

describe('marquez:pullNext, a pull the renderer pages', () => {
  it('reads a page a request, counting pages and events, and ends with the pull marquez:pull gives', async () => {
    const handlers = createMarquezHandlers();
    const last = stored[stored.length - 1] as Event;
    const request = { url: server.url, apiKey: KEY, namespace: last.job.namespace, job: last.job.name };
    const whole = await handlers['marquez:pull'](request);
    server.requests.length = 0;
    const steps = [await handlers['marquez:pullNext'](parseRequest('marquez:pullNext', { start: request }))];
    while (!steps[steps.length - 1]?.pull) {
      const pullId = steps[0]!.pullId;
      steps.push(await handlers['marquez:pullNext'](parseRequest('marquez:pullNext', { pullId })));
      expect(steps.length).toBeLessThan(100);
    }
    expect(steps.map((s) => s.pages)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.map((s) => s.read)).toEqual(steps.map((_, i) => Math.min(stored.length, (i + 1) * 100)));
    expect(steps.every((s) => s.totalCount === stored.length)).toBe(true);
    expect(server.requests).toHaveLength(steps.length);
    expect(steps.at(-1)?.pull).toEqual(whole);
    expect(JSON.stringify(steps)).not.toContain(KEY);
    // Once ended, the pull is forgotten.
    await expect(handlers['marquez:pullNext']({ pullId: steps[0]!.pullId })).rejects.toThrow(/no longer running/);
  });

  it('forgets a cancelled pull, dropping the page that was being read', async () => {
    const handlers = createMarquezHandlers();
    const first = await handlers['marquez:pullNext']({ start: { url: server.url, apiKey: KEY } });
    expect(first.pull).toBeUndefined();
    server.holdPages();
    const reading = handlers['marquez:pullNext']({ pullId: first.pullId });
    await expect.poll(() => server.requests.at(-1)).toContain('offset=100');
    expect(await handlers['marquez:pullCancel']({ pullId: first.pullId })).toEqual({ cancelled: true });
    server.release();
    await expect(reading).rejects.toThrow(/cancelled/);
    await expect(handlers['marquez:pullNext']({ pullId: first.pullId })).rejects.toThrow(/no longer running/);
    expect(await handlers['marquez:pullCancel']({ pullId: first.pullId })).toEqual({ cancelled: false });
  });

  it('names a refused server without its key, and refuses a pull id that is not one', async () => {
    const handlers = createMarquezHandlers();
    const wrong = 'mqz-wrong-key-0000';
    const failed = await handlers['marquez:pullNext']({ start: { url: server.url, apiKey: wrong } }).catch(
      (e: Error) => e.message,
    );
    expect(failed).toMatch(/HTTP 401/);
    expect(failed).not.toContain(wrong);
    expect(() => parseRequest('marquez:pullNext', { pullId: 'x; DROP' })).toThrow(/a pull id/);
  });
});
