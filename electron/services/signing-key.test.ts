import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  investigatorKeyStore,
  keyFileIn,
  lazySigner,
  loadOrCreateSigner,
  type SafeStorageLike,
} from './signing-key.js';

const work = mkdtempSync(join(tmpdir(), 'li-signing-key-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(work, `data-${++n}`);
const ownerOnly = (path: string) => process.platform === 'win32' || (statSync(path).mode & 0o777) === 0o600;

/** A fake of Electron's safeStorage: "encrypts" by reversing and tagging, and can be switched off. */
function fakeSafeStorage(available: boolean): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => available,
    encryptString: (text) => (calls.push('encrypt'), Buffer.from(`sealed:${[...text].reverse().join('')}`)),
    decryptString: (bytes) => {
      calls.push('decrypt');
      const text = bytes.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('not sealed by this safeStorage');
      return [...text.slice(7)].reverse().join('');
    },
  };
}

describe('the investigator’s signing key', () => {
  it('is created once as an owner-only PEM file where no safeStorage is given, and read back the same', async () => {
    const dir = fresh();
    const first = await loadOrCreateSigner(investigatorKeyStore(dir));
    const file = keyFileIn(dir, false);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(ownerOnly(file)).toBe(true);
    const second = await loadOrCreateSigner(investigatorKeyStore(dir));
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('is encrypted with safeStorage where it is available: no PEM on disk, the same key after a restart', async () => {
    const dir = fresh();
    const safe = fakeSafeStorage(true);
    const first = await loadOrCreateSigner(investigatorKeyStore(dir, safe));
    const file = keyFileIn(dir, true);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain('PRIVATE KEY-----');
    expect(stored.startsWith('sealed:')).toBe(true);
    expect(ownerOnly(file)).toBe(true);
    expect((await loadOrCreateSigner(investigatorKeyStore(dir, safe))).fingerprint).toBe(first.fingerprint);
    expect(safe.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('falls back to the owner-only file where safeStorage has no encryption (Linux without a keyring)', async () => {
    const dir = fresh();
    const safe = fakeSafeStorage(false);
    await loadOrCreateSigner(investigatorKeyStore(dir, safe));
    expect(safe.calls).toEqual([]);
    expect(readFileSync(keyFileIn(dir, false), 'utf8')).toMatch(/PRIVATE KEY/);
  });

  it('is one key when two callers create it at once, and a key file others could read is tightened', async () => {
    const dir = fresh();
    const [a, b] = await Promise.all([
      loadOrCreateSigner(investigatorKeyStore(dir)),
      loadOrCreateSigner(investigatorKeyStore(dir)),
    ]);
    expect(a.fingerprint).toBe(b.fingerprint);
    const file = keyFileIn(dir, false);
    chmodSync(file, 0o644);
    await loadOrCreateSigner(investigatorKeyStore(dir));
    expect(ownerOnly(file)).toBe(true);
    const lazy = lazySigner(investigatorKeyStore(dir));
    expect((await lazy()).fingerprint).toBe(a.fingerprint);
  });

  it('names the file when what it holds is no private key', async () => {
    const dir = fresh();
    await loadOrCreateSigner(investigatorKeyStore(dir));
    writeFileSync(keyFileIn(dir, false), 'not a key');
    await expect(loadOrCreateSigner(investigatorKeyStore(dir))).rejects.toThrow(
      `${keyFileIn(dir, false)}: not a PEM private key`,
    );
  });
});
