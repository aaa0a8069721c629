/**
 * What the reviewer reads first about a case file: for each signature, who signed, with which key, when, which
 * activity entries it covers, and the verification result named plainly — intact under this app's key, under a key
 * the reviewer pinned, under a key this app does not know, or altered. Pure.
 */
import type { CaseFileVerdictView } from '../../shared/ipc/case-file-channels';

export type SignatureState = 'own-key' | 'pinned-key' | 'unknown-key' | 'altered';

export interface SignatureRow {
  readonly role: 'investigator' | 'reviewer';
  readonly signer: string;
  readonly fingerprint: string;
  readonly signedAt: string;
  /** The chain up to `entries` (1-based, inclusive): everything before it is covered through the hash chain. */
  readonly entries: number;
  /** The entries this signer added: from `firstAdded` to `entries`. */
  readonly firstAdded: number;
  readonly state: SignatureState;
  readonly result: string;
}

export type FileState = 'intact' | 'unknown-key' | 'altered';

export interface FileVerdict {
  readonly state: FileState;
  readonly headline: string;
}

const RESULT: Record<SignatureState, string> = {
  'own-key': 'Intact: verifies under this app’s own key',
  'pinned-key': 'Intact: verifies under the key you pinned',
  'unknown-key': 'Intact, but signed by a key this app does not know',
  altered: 'Altered: does not verify — the file was changed after it was signed',
};

/** Normalises a fingerprint as typed (`sha256:` optional, case and spaces ignored). */
export function normalFingerprint(text: string): string {
  const hex = text
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '')
    .replace(/[\s:]/g, '');
  return `sha256:${hex}`;
}

/** One row per signature, in signing order. */
export function signatureRows(
  verdict: CaseFileVerdictView,
  localFingerprint: string,
  pinned: ReadonlyArray<string>,
): SignatureRow[] {
  const known = new Set(pinned.map(normalFingerprint));
  const broken = verdict.brokenEntry;
  let before = 0;
  return verdict.signatures.map((s) => {
    // A signature covers the entries up to its head through the hash chain: an entry changed below it alters it.
    const chainBroken = broken !== undefined && broken <= s.entries;
    const state: SignatureState =
      !s.valid || chainBroken
        ? 'altered'
        : s.fingerprint === localFingerprint
          ? 'own-key'
          : known.has(s.fingerprint)
            ? 'pinned-key'
            : 'unknown-key';
    const row = {
      role: s.role,
      signer: s.signer,
      fingerprint: s.fingerprint,
      signedAt: s.signedAt,
      entries: s.entries,
      firstAdded: Math.min(before + 1, s.entries),
      state,
      result: chainBroken && s.valid ? `Altered: entry ${broken} was changed after it was signed` : RESULT[state],
    };
    before = Math.max(before, s.entries);
    return row;
  });
}

/** The file's verdict in one line: altered wins over an unknown key, which wins over intact. */
export function fileVerdict(verdict: CaseFileVerdictView, rows: ReadonlyArray<SignatureRow>): FileVerdict {
  if (!verdict.ok || rows.some((r) => r.state === 'altered')) {
    const n = verdict.problems.length;
    return {
      state: 'altered',
      headline: `Altered: the file does not verify (${n} problem${n === 1 ? '' : 's'} below). Do not rely on it.`,
    };
  }
  const unknown = rows.filter((r) => r.state === 'unknown-key');
  if (unknown.length > 0)
    return {
      state: 'unknown-key',
      headline: `Intact, but signed by ${unknown.length === 1 ? 'a key' : `${unknown.length} keys`} this app does not know (${unknown
        .map((r) => `${r.signer}, ${r.fingerprint}`)
        .join('; ')}): compare the fingerprint with the one the signer gave you.`,
    };
  return {
    state: 'intact',
    headline: `Intact: every signature verifies (${rows.length}), and every key is known to this app.`,
  };
}
