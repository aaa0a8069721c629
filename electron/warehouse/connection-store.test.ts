/**
 * Saved warehouse connections: the password kept apart from the location — encrypted by safeStorage (a fake here,
 * reversible only by the same fake) across restarts, or in memory for the run where no encryption is offered — and
 * a connection tested against a Parquet file and a table on a real PostgreSQL server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { createConnectionHandlers } from '../services/connection-services.js';
import type { SafeStorageLike } from '../services/signing-key.js';
import { connectionStore } from './connection-store.js';
import { createFlatTable, flatRows, truth, writeFlatFiles } from './flat-sample.fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'li-connections-'));
const PASSWORD = 'S3cret-reader-pw';

/** A stand-in for Electron's safeStorage: bytes nobody reads as the text without it. */
const fakeSafeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`fake-os-key:${Buffer.from(text).toString('hex')}`),
  decryptString: (bytes) => Buffer.from(bytes.toString().replace('fake-os-key:', ''), 'hex').toString(),
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saved connections', () => {
  it('keeps the password with safeStorage, never in clear, and opens the connection with it after a restart', async () => {
    const data = join(dir, 'desktop');
    const store = connectionStore(data, fakeSafeStorage);
    expect(store.secrets).toBe('safeStorage');
    const saved = await store.save({
      name: 'Scoring warehouse',
      location: `postgresql://reader:${PASSWORD}@db.internal:5432/ml?table=decisions`,
    });
    expect(saved).toMatchObject({
      location: 'postgresql://reader@db.internal:5432/ml?table=decisions',
      hasSecret: true,
    });
    expect(readFileSync(join(data, 'connections.json'), 'utf8')).not.toContain(PASSWORD);
    const restarted = connectionStore(data, fakeSafeStorage);
    expect(await restarted.list()).toEqual([saved]);
    expect((await restarted.openable(saved.id))?.spec).toBe(
      `postgresql://reader:${PASSWORD}@db.internal:5432/ml?table=decisions`,
    );
    // Renamed without a password: the kept one stays; an empty password forgets it.
    await restarted.save({ id: saved.id, name: 'Scoring', location: saved.location });
    expect((await restarted.openable(saved.id))?.spec).toContain(PASSWORD);
    const forgotten = await restarted.save({ id: saved.id, name: 'Scoring', location: saved.location, password: '' });
    expect(forgotten.hasSecret).toBe(false);
    expect((await restarted.openable(saved.id))?.spec).toBe(saved.location);
    expect(await restarted.remove(saved.id)).toBe(true);
    expect(await restarted.list()).toEqual([]);
  });

  it('without encryption (web mode) keeps the password in memory for the run only', async () => {
    const data = join(dir, 'web');
    const store = connectionStore(data);
    expect(store.secrets).toBe('memory');
    const saved = await store.save({
      name: 'pg',
      location: 'postgresql://reader@db.internal/ml?table=decisions',
      password: PASSWORD,
    });
    expect(saved.hasSecret).toBe(true);
    expect((await store.openable(saved.id))?.spec).toContain(`:${PASSWORD}@`);
    expect(readFileSync(join(data, 'connections.json'), 'utf8')).not.toContain(PASSWORD);
    const restarted = connectionStore(data);
    expect((await restarted.list())[0]?.hasSecret).toBe(false);
    expect((await restarted.openable(saved.id))?.spec).toBe(saved.location);
  });

  it('refuses a PostgreSQL URL that names no table, saying how to name one', async () => {
    await expect(
      connectionStore(join(dir, 'bad')).save({ name: 'x', location: 'postgresql://reader@db/ml' }),
    ).rejects.toThrow(/add \?table=NAME/);
  });
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe('testing a saved connection', () => {
  let server: ThrowawayPostgres | undefined;
  const parquet = join(dir, 'decisions.parquet');
  const model = flatRows().find((r) => r.id === truth.caseDecisionId)?.model_name;

  beforeAll(async () => {
    await writeFlatFiles(join(dir, 'flat.jsonl'), parquet);
    if (!skipPostgres()) {
      server = await startPostgres();
      await createFlatTable(server.adminUrl, PASSWORD);
    }
  }, 120_000);
  afterAll(() => server?.stop());

  it('counts the decisions per model of a Parquet file and times the answer', async () => {
    const handlers = createConnectionHandlers(connectionStore(join(dir, 'parquet')));
    const { id } = await handlers['connections:save']({ name: 'local parquet', location: parquet });
    const test = await handlers['connections:test']({ id });
    expect(test).toMatchObject({ ok: true, engine: 'duckdb', decisions: flatRows().length });
    expect(test.models?.find((m) => m.model === model)?.decisions).toBe(
      flatRows().filter((r) => r.model_name === model).length,
    );
    expect(test.latencyMs).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it.skipIf(skipPostgres())(
    'reaches the table with the kept password; a wrong one is refused without printing it',
    async () => {
      const handlers = createConnectionHandlers(connectionStore(join(dir, 'pg'), fakeSafeStorage));
      const location = `postgresql://reader@127.0.0.1:${server?.port}/postgres?table=ml.decisions`;
      const { id } = await handlers['connections:save']({ name: 'pg', location, password: PASSWORD });
      expect(await handlers['connections:test']({ id })).toMatchObject({
        ok: true,
        engine: 'postgresql',
        decisions: flatRows().length,
      });
      await handlers['connections:save']({ id, name: 'pg', location, password: 'wrong-password-123' });
      const refused = await handlers['connections:test']({ id });
      expect(refused.ok).toBe(false);
      expect(refused.reason).toContain('127.0.0.1');
      expect(refused.reason).not.toContain('wrong-password-123');
      const listed = JSON.stringify(await handlers['connections:list']({}));
      expect(listed).not.toContain(PASSWORD);
      expect(listed).not.toContain('wrong-password-123');
    },
    60_000,
  );
});
