/**
 * The bundle's signature: Ed25519 (RFC 8032, Node's built-in crypto) over the bytes of `tagmanifest-sha256.txt`,
 * which holds the hashes of `bag-info.txt` (the report's hash, the log's head, the signer's fingerprint) and of
 * `manifest-sha256.txt` (every payload file). The raw 64-byte signature is `tagmanifest-sha256.txt.sig` and the
 * signer's public key `signer-public-key.pem` (SPKI), so an auditor checks it with OpenSSL 3:
 *
 *     openssl pkeyutl -verify -pubin -inkey PINNED.pem -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
 *
 * A key's fingerprint is `sha256:` + the SHA-256 of its SPKI DER (`openssl pkey -pubin -outform DER | sha256sum`).
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from './hashing.js';

export const SIGNATURE_FILE = 'tagmanifest-sha256.txt.sig';
export const PUBLIC_KEY_FILE = 'signer-public-key.pem';
export const SIGNED_FILE = 'tagmanifest-sha256.txt';

/** An investigator's signing key: the private key (kept by the main process) and its public half. */
export interface BundleSigner {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly fingerprint: string;
}

/** `sha256:<hex>` of a public key's SPKI DER. */
export function fingerprintOf(publicKey: KeyObject): string {
  return `sha256:${sha256Hex(publicKey.export({ type: 'spki', format: 'der' }))}`;
}

/** A public key from PEM (a private key's PEM gives its public half); throws unless it is Ed25519. */
export function ed25519PublicKey(pem: string | Buffer, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new Error(`${where}: not a PEM public key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`${where}: an ${String(key.asymmetricKeyType)} key, where an Ed25519 key is expected`);
  return key;
}

/** Signs a written bag: the signature over its tag manifest, and the signer's public key beside it. */
export async function signBag(dir: string, signer: BundleSigner): Promise<void> {
  const signature = sign(null, await readFile(join(dir, SIGNED_FILE)), signer.privateKey);
  await writeFile(join(dir, SIGNATURE_FILE), signature);
  await writeFile(
    join(dir, PUBLIC_KEY_FILE),
    signer.publicKeyPem.endsWith('\n') ? signer.publicKeyPem : `${signer.publicKeyPem}\n`,
  );
}

export type BagSignature =
  | { readonly kind: 'unsigned' }
  | { readonly kind: 'signed'; readonly fingerprint: string }
  | { readonly kind: 'invalid'; readonly file: string; readonly reason: string; readonly fingerprint?: string };

/** Reads and checks a bag's signature against the public key it carries (whether that key is trusted is apart). */
export async function readBagSignature(dir: string): Promise<BagSignature> {
  const signature = await readFile(join(dir, SIGNATURE_FILE)).catch(() => undefined);
  const pem = await readFile(join(dir, PUBLIC_KEY_FILE)).catch(() => undefined);
  if (!signature && !pem) return { kind: 'unsigned' };
  if (!signature) return { kind: 'invalid', file: SIGNATURE_FILE, reason: `is missing beside ${PUBLIC_KEY_FILE}` };
  if (!pem) return { kind: 'invalid', file: PUBLIC_KEY_FILE, reason: `is missing beside ${SIGNATURE_FILE}` };
  let key: KeyObject;
  try {
    key = ed25519PublicKey(pem, PUBLIC_KEY_FILE);
  } catch (error) {
    return {
      kind: 'invalid',
      file: PUBLIC_KEY_FILE,
      reason: (error as Error).message.replace(`${PUBLIC_KEY_FILE}: `, 'is '),
    };
  }
  const fingerprint = fingerprintOf(key);
  const signed = await readFile(join(dir, SIGNED_FILE)).catch(() => undefined);
  if (!signed)
    return {
      kind: 'invalid',
      file: SIGNED_FILE,
      reason: 'is missing: there is nothing the signature covers',
      fingerprint,
    };
  if (signature.length !== 64 || !verify(null, signed, key, signature))
    return {
      kind: 'invalid',
      file: SIGNATURE_FILE,
      reason: `does not verify ${SIGNED_FILE} under the key ${fingerprint}: the tag manifest or the signature was changed`,
      fingerprint,
    };
  return { kind: 'signed', fingerprint };
}

/**
 * The fingerprints an auditor trusts, from a file of PEM public keys and/or lines `sha256:<hex>` (`#` comments).
 * Throws naming the file and what is wrong.
 */
export function trustedFingerprints(text: string, where: string): string[] {
  const out: string[] = [];
  const pems = text.match(/-----BEGIN [A-Z ]*KEY-----[\s\S]*?-----END [A-Z ]*KEY-----/g) ?? [];
  pems.forEach((pem, i) => out.push(fingerprintOf(ed25519PublicKey(pem, `${where} (key ${i + 1})`))));
  // Each PEM block becomes as many empty lines, so the lines after it keep their numbers.
  const rest = text.replace(/-----BEGIN [A-Z ]*KEY-----[\s\S]*?-----END [A-Z ]*KEY-----/g, (m) =>
    '\n'.repeat(m.split('\n').length - 1),
  );
  rest.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    if (!/^sha256:[0-9a-f]{64}$/i.test(line))
      throw new Error(
        `${where} line ${i + 1}: neither a PEM public key nor a fingerprint sha256:<64 hex>: ${JSON.stringify(raw.slice(0, 80))}`,
      );
    out.push(line.toLowerCase());
  });
  if (out.length === 0) throw new Error(`${where}: holds no key and no fingerprint`);
  return out;
}
