/* eslint-disable no-restricted-imports -- the reference hash and a real fixture come from Node */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { Sha256 } from './sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256', () => {
  it('gives the published digests of the FIPS 180-4 examples', () => {
    const hex = (text: string) => new Sha256().update(new TextEncoder().encode(text)).digestHex();
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes a real fixture fed in uneven chunks the same as node:crypto', () => {
    const bytes = new Uint8Array(readFileSync(realFixture('openlineage/marquez_docker_metadata.json')));
    const hash = new Sha256();
    for (let start = 0, size = 1; start < bytes.length; start += size, size = (size * 7 + 13) % 9000) {
      hash.update(bytes.subarray(start, start + size));
    }
    expect(hash.digestHex()).toBe(reference(bytes));
  });

  it('agrees with node:crypto on any bytes split anywhere', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(600), { maxLength: 6 }), (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const hash = new Sha256();
        let previous = 0;
        for (const point of [...points, bytes.length]) {
          hash.update(bytes.subarray(previous, point));
          previous = point;
        }
        expect(hash.digestHex()).toBe(reference(bytes));
      }),
    );
  });
});
