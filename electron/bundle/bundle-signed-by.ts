/**
 * Who signed a bundle, and whether the bag says so consistently: the key that verifies the signature must be the
 * one bag-info.txt names (`Signer-Ed25519`, covered by the signature) and the one the reports anchor. A report that
 * names its signer in a bag without a signature has had its signature stripped.
 */
import type { Discrepancy } from './bagit-verify.js';
import { SIGNATURE_FILE, type BagSignature } from './bundle-signature.js';

export function checkSignatureAgainst(
  signature: BagSignature,
  infoSigner: string | undefined,
  reportSigner: string | undefined,
  found: Discrepancy[],
): void {
  const signedBy = signature.kind === 'signed' ? signature.fingerprint : undefined;
  if (signature.kind === 'invalid') return;
  if (infoSigner !== undefined && infoSigner !== signedBy)
    found.push({
      file: 'bag-info.txt',
      message: signedBy
        ? 'Signer-Ed25519 is not the key the bundle is signed with'
        : `Signer-Ed25519 names a signer, but the bundle carries no ${SIGNATURE_FILE}`,
      expected: infoSigner,
      actual: signedBy ?? 'unsigned',
    });
  if (signedBy && infoSigner === undefined)
    found.push({ file: 'bag-info.txt', message: `has no Signer-Ed25519, though the bundle is signed by ${signedBy}` });
  if (reportSigner !== undefined && reportSigner !== signedBy)
    found.push({
      file: 'data/report/report.html',
      message: signedBy
        ? 'names another signing key than the one the bundle is signed with'
        : 'names the key that signs its bundle, but the bundle carries no signature',
      expected: reportSigner,
      actual: signedBy ?? 'unsigned',
    });
}
