/**
 * The portable case file's Ed25519 signing and checking in Node (the CLI and the main process), with the same keys
 * and fingerprints as evidence bundles (bundle-signature.ts). The private key never leaves the main process.
 */
import { sign, verify } from 'node:crypto';
import type { CaseFileSignatureCheck, CaseFileSigner } from '../../shared/case/case-file-format.js';
import { ed25519PublicKey, fingerprintOf, type BundleSigner } from './bundle-signature.js';

/** A case-file signer over the investigator's (or reviewer's) key, signing as `name`. */
export function caseFileSigner(key: BundleSigner, name: string): CaseFileSigner {
  return {
    name,
    fingerprint: key.fingerprint,
    publicKeyPem: key.publicKeyPem,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64'),
  };
}

/** Checks a signature under the PEM key a case file embeds; names a key that is not an Ed25519 public key. */
export const checkCaseFileSignature: CaseFileSignatureCheck = async (pem, text, signature) => {
  try {
    const key = ed25519PublicKey(pem, 'the embedded public key');
    const bytes = Buffer.from(signature, 'base64');
    const valid = bytes.length === 64 && verify(null, Buffer.from(text, 'utf8'), key, bytes);
    return { fingerprint: fingerprintOf(key), valid };
  } catch (error) {
    return { error: (error as Error).message };
  }
};
