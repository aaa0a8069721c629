/**
 * The SHA-256 of a file computed alongside its import: the importer's thread hands each piece of bytes over (after
 * decoding it) and asks for the digest once the last piece went. In the import worker the hashing runs in a second
 * worker (hash-worker.ts) on the other core, the pieces transferred, not copied; where no worker can start (and in
 * unit tests) it runs in this thread.
 */
import { Sha256 } from './sha256';

export interface FileHasher {
  /** Hashes the next bytes. They may be transferred to another thread: do not read them afterwards. */
  update(bytes: Uint8Array): void;
  /** The lowercase hex SHA-256 of every byte given, once all are hashed. */
  digest(): Promise<string>;
  /** Stops hashing (cancel); `digest` is not to be called afterwards. */
  dispose(): void;
  /** Where the hashing runs, for the import's timings. */
  readonly where: 'worker' | 'this thread';
}

/** Messages to hash-worker.ts: the next bytes, or the end. */
export type ToHashWorker = { readonly bytes: ArrayBuffer } | { readonly end: true };
/** The hash worker's one answer. */
export type FromHashWorker = { readonly sha256: string } | { readonly error: string };

/** Hashing in the calling thread. */
export function inThreadHasher(): FileHasher {
  const hash = new Sha256();
  return {
    where: 'this thread',
    update: (bytes) => void hash.update(bytes),
    digest: () => Promise.resolve(hash.digestHex()),
    dispose: () => undefined,
  };
}

/** Hashing in a dedicated worker made by `create`; in this thread when it cannot be made. */
export function workerHasher(create: () => Worker): FileHasher {
  let worker: Worker;
  try {
    worker = create();
  } catch {
    return inThreadHasher();
  }
  const result = new Promise<string>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromHashWorker>) => {
      if ('sha256' in event.data) resolve(event.data.sha256);
      else reject(new Error(`hashing failed: ${event.data.error}`));
    };
    worker.onerror = (event) => reject(new Error(`the hash worker stopped: ${event.message || 'unknown error'}`));
  });
  result.catch(() => undefined); // surfaced by digest()
  return {
    where: 'worker',
    update: (bytes) => {
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const buffer = (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
      worker.postMessage({ bytes: buffer } satisfies ToHashWorker, [buffer]);
    },
    digest: async () => {
      worker.postMessage({ end: true } satisfies ToHashWorker);
      try {
        return await result;
      } finally {
        worker.terminate();
      }
    },
    dispose: () => worker.terminate(),
  };
}
