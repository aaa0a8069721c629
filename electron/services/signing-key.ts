/**
 * The investigator's Ed25519 signing key, created on first use and kept by the main process (never sent to the
 * renderer): in the desktop app encrypted with Electron's `safeStorage` (the OS keychain / DPAPI / libsecret) where
 * it is available, else — web mode, the CLI, or no keychain — as a PKCS#8 PEM file readable by its owner only
 * (0600, in a 0700 folder) under the app's data folder.
 */
import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fingerprintOf, type BundleSigner } from '../bundle/bundle-signature.js';

/** Where the key's bytes are kept. */
export interface KeyStore {
  /** What keeps it, for the user: `safeStorage (…)` or the file's path. */
  readonly where: string;
  read(): Promise<string | undefined>;
  /** Writes the key only if none is stored yet; resolves false when one already was (another process won). */
  create(pem: string): Promise<boolean>;
}

/** The part of Electron's `safeStorage` the key needs (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The key file's path under the app's data folder. */
export const keyFileIn = (dataDir: string, encrypted: boolean): string =>
  join(dataDir, 'keys', encrypted ? 'investigator-ed25519.key.safestorage' : 'investigator-ed25519.key.pem');

async function readOwnerOnly(path: string): Promise<Buffer | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  // A key file another user could read is tightened, not trusted as is.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(path, 0o600);
  return readFile(path);
}

async function createOwnerOnly(path: string, bytes: string | Buffer): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** A PEM file readable by its owner only. */
export function fileKeyStore(path: string): KeyStore {
  return {
    where: path,
    read: async () => (await readOwnerOnly(path))?.toString('utf8'),
    create: (pem) => createOwnerOnly(path, pem),
  };
}

/** The key encrypted by Electron's safeStorage, in a file readable by its owner only. */
export function safeStorageKeyStore(path: string, safeStorage: SafeStorageLike): KeyStore {
  return {
    where: `Electron safeStorage (${path})`,
    read: async () => {
      const bytes = await readOwnerOnly(path);
      return bytes && safeStorage.decryptString(bytes);
    },
    create: (pem) => createOwnerOnly(path, safeStorage.encryptString(pem)),
  };
}

/** safeStorage where it is available, else the owner-only PEM file. */
export function investigatorKeyStore(dataDir: string, safeStorage?: SafeStorageLike): KeyStore {
  return safeStorage?.isEncryptionAvailable()
    ? safeStorageKeyStore(keyFileIn(dataDir, true), safeStorage)
    : fileKeyStore(keyFileIn(dataDir, false));
}

function signerOf(privateKey: KeyObject): BundleSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The signing key is not an Ed25519 key.');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

/** The stored key, or a new one created and stored on first use. */
export async function loadOrCreateSigner(store: KeyStore): Promise<BundleSigner> {
  const stored = await store.read();
  if (stored !== undefined) return signerOf(parsePrivateKey(stored, store.where));
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  if (await store.create(pem)) return signerOf(privateKey);
  const raced = await store.read();
  if (raced === undefined) throw new Error(`${store.where}: the signing key could be neither created nor read.`);
  return signerOf(parsePrivateKey(raced, store.where));
}

/** A private key from a PEM file given by the user (`--signing-key`). */
export async function signerFromFile(path: string): Promise<BundleSigner> {
  return signerOf(parsePrivateKey(await readFile(path, 'utf8'), path));
}

function parsePrivateKey(pem: string, where: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${where}: not a PEM private key (${(error as Error).message})`);
  }
}

/** One signer per store for the life of the process, created on first use. */
export function lazySigner(store: KeyStore): () => Promise<BundleSigner> {
  let signer: Promise<BundleSigner> | undefined;
  return () => {
    signer ??= loadOrCreateSigner(store).catch((error: unknown) => {
      signer = undefined;
      throw error;
    });
    return signer;
  };
}
