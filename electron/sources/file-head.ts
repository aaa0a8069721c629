/** A file's first bytes, read apart from its decoding: what format (Parquet's magic) and encoding they show. */
import { open } from 'node:fs/promises';

/** Up to `size` of the file's first bytes (fewer when it is shorter). */
export async function firstBytes(path: string, size: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await file.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** True when the bytes open with Parquet's magic (`PAR1`), whatever the file's name. */
export const isParquet = (first: Uint8Array): boolean =>
  first.length >= 4 && first[0] === 0x50 && first[1] === 0x41 && first[2] === 0x52 && first[3] === 0x31;
