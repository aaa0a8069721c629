/**
 * The hash worker: SHA-256 of a file's bytes as the import worker reads them (file-hasher.ts), on the other core,
 * so that the import does not wait for a hashing pass before parsing.
 */
/// <reference lib="webworker" />
import type { FromHashWorker, ToHashWorker } from './file-hasher';
import { Sha256 } from './sha256';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const hash = new Sha256();

scope.onmessage = (event: MessageEvent<ToHashWorker>) => {
  try {
    if ('bytes' in event.data) hash.update(new Uint8Array(event.data.bytes));
    else scope.postMessage({ sha256: hash.digestHex() } satisfies FromHashWorker);
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromHashWorker);
  }
};
