/**
 * The Monitor over a saved connection: the sample's decisions as a Parquet file, saved as a connection, give the
 * alerts and series `lineage-investigator watch --source that.parquet --json` prints, labelled by the connection's
 * name; the incident's shift starts on the day of the sample's first wrong decision.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWatchCommand } from '../cli/watch-command.js';
import { connectionStore } from '../warehouse/connection-store.js';
import { SAMPLE, truth, writeFlatFiles } from '../warehouse/flat-sample.fixture.js';
import { createMonitorHandlers } from './monitor-services.js';

const dir = mkdtempSync(join(tmpdir(), 'li-monitor-'));
const parquet = join(dir, 'decisions.parquet');
beforeAll(() => writeFlatFiles(join(dir, 'flat.jsonl'), parquet));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const firstWrongDay = (
  readFileSync(join(SAMPLE, 'decisions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { decision_id: string; timestamp: string })
    .find((d) => d.decision_id === truth.firstWrongDecision) as { timestamp: string }
).timestamp;

describe('monitor:connection', () => {
  it("gives watch's alerts over a Parquet connection, named by the connection", async () => {
    const store = connectionStore(join(dir, 'data'));
    const saved = await store.save({ name: 'Scoring log (Parquet)', location: parquet });
    const watched = await createMonitorHandlers(store)['monitor:connection']({ id: saved.id });

    const out: string[] = [];
    const code = await runWatchCommand(['--source', parquet, '--json'], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(1);
    const cli = JSON.parse(out.join('\n'));
    expect(watched.name).toBe('Scoring log (Parquet)');
    expect(watched.alerts).toEqual(cli.alerts);
    expect(watched.series).toEqual(cli.series);
    const day = new Date(firstWrongDay).toISOString().slice(0, 10);
    expect(watched.alerts.some((a) => a.start.startsWith(day) && a.representativeDecision !== null)).toBe(true);
  }, 60_000);

  it('names a connection that is gone', async () => {
    const store = connectionStore(join(dir, 'empty'));
    await expect(createMonitorHandlers(store)['monitor:connection']({ id: 'gone-1' })).rejects.toThrow(
      'No saved connection gone-1.',
    );
  });
});
