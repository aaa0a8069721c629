/* eslint-disable no-restricted-imports -- the reference hash and a real fixture come from Node */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { type FromHashWorker, type ToHashWorker, workerHasher } from './file-hasher';
import { Sha256 } from './sha256';

const FIXTURE = realFixture('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson');

/** A stand-in for hash-worker.ts: the same messages, answered asynchronously; remembers what was transferred. */
class FakeHashWorker {
  onmessage: ((event: MessageEvent<FromHashWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly transferred: ArrayBuffer[] = [];
  terminated = false;
  private readonly hash = new Sha256();

  postMessage(message: ToHashWorker, transfer: ArrayBuffer[] = []): void {
    this.transferred.push(...transfer);
    if ('bytes' in message) this.hash.update(new Uint8Array(message.bytes));
    else {
      const sha256 = this.hash.digestHex();
      setTimeout(() => this.onmessage?.({ data: { sha256 } } as MessageEvent<FromHashWorker>));
    }
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('workerHasher', () => {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  const reference = createHash('sha256').update(bytes).digest('hex');

  it('gives the file’s SHA-256 from pieces handed over, whole buffers transferred and views copied', async () => {
    const fake = new FakeHashWorker();
    const hasher = workerHasher(() => fake as unknown as Worker);
    expect(hasher.where).toBe('worker');
    const whole = bytes.slice(0, 5000); // a buffer of its own: transferred
    hasher.update(whole);
    hasher.update(bytes.subarray(5000)); // a view into a larger buffer: copied, the original left usable
    expect(await hasher.digest()).toBe(reference);
    expect(fake.transferred).toHaveLength(2);
    expect(fake.transferred[0]).toBe(whole.buffer);
    expect(fake.transferred[1]).not.toBe(bytes.buffer);
    expect(fake.terminated).toBe(true);
  });

  it('hashes in this thread when no worker can start', async () => {
    const hasher = workerHasher(() => {
      throw new Error('Worker is not defined');
    });
    expect(hasher.where).toBe('this thread');
    hasher.update(bytes);
    expect(await hasher.digest()).toBe(reference);
  });
});
