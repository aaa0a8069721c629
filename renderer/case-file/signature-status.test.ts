import { describe, expect, it } from 'vitest';
import type { CaseFileVerdictView } from '../../shared/ipc/case-file-channels';
import { fileVerdict, normalFingerprint, signatureRows } from './signature-status';

const fp = (c: string) => `sha256:${c.repeat(64)}`;
const sig = (
  role: 'investigator' | 'reviewer',
  signer: string,
  fingerprint: string,
  entries: number,
  valid = true,
) => ({
  role,
  signer,
  fingerprint,
  signedAt: '2026-04-01T10:00:00.000Z',
  entries,
  head: 'e'.repeat(64),
  valid,
});
const verdict = (signatures: CaseFileVerdictView['signatures'], problems: string[] = []): CaseFileVerdictView => ({
  ok: problems.length === 0,
  problems,
  signatures,
  investigatorEntries: signatures[0]?.entries ?? 0,
  reviewerEntries: 0,
  evidenceRecords: 0,
});

describe('signatureRows and fileVerdict (what the reviewer reads about a case file)', () => {
  it('names the investigator’s key unknown on the reviewer’s machine, and known once its fingerprint is pinned', () => {
    const v = verdict([sig('investigator', 'ines', fp('a'), 9)]);
    const rows = signatureRows(v, fp('b'), []);
    expect(rows.map((r) => [r.signer, r.firstAdded, r.entries, r.state])).toEqual([['ines', 1, 9, 'unknown-key']]);
    expect(fileVerdict(v, rows)).toMatchObject({ state: 'unknown-key' });
    expect(fileVerdict(v, rows).headline).toContain(fp('a'));
    const pinned = signatureRows(v, fp('b'), [` SHA256:${'A'.repeat(64)} `]);
    expect(pinned[0]?.state).toBe('pinned-key');
    expect(fileVerdict(v, pinned).state).toBe('intact');
  });

  it('gives each signer the entries it added, and the own key as intact', () => {
    const v = verdict([sig('investigator', 'ines', fp('a'), 9), sig('reviewer', 'tomas', fp('b'), 11)]);
    const rows = signatureRows(v, fp('a'), [fp('b')]);
    expect(rows.map((r) => [r.role, r.firstAdded, r.entries, r.state])).toEqual([
      ['investigator', 1, 9, 'own-key'],
      ['reviewer', 10, 11, 'pinned-key'],
    ]);
    expect(fileVerdict(v, rows).state).toBe('intact');
  });

  it('says altered when a signature fails, or when the file has a problem though every signature verifies', () => {
    const failed = verdict(
      [sig('investigator', 'ines', fp('a'), 9), sig('reviewer', 'tomas', fp('b'), 11, false)],
      ['signature 2: does not verify'],
    );
    const rows = signatureRows(failed, fp('a'), []);
    expect(rows[1]?.state).toBe('altered');
    expect(rows[1]?.result).toMatch(/^Altered/);
    expect(fileVerdict(failed, rows)).toMatchObject({ state: 'altered' });
    expect(fileVerdict(failed, rows).headline).toContain('1 problem below');
    const chain = verdict([sig('investigator', 'ines', fp('a'), 9)], ['entry 4: hash mismatch', 'evidence record 2']);
    const chainRows = signatureRows(chain, fp('a'), []);
    expect(chainRows[0]?.state).toBe('own-key');
    expect(fileVerdict(chain, chainRows).headline).toContain('2 problems');
  });

  it('says altered for every signature over an entry changed after signing, though the signature itself verifies', () => {
    const v = {
      ...verdict(
        [sig('investigator', 'ines', fp('a'), 9), sig('reviewer', 'tomas', fp('b'), 11)],
        ['activity entry 11 hash expected …'],
      ),
      brokenEntry: 11,
    };
    const rows = signatureRows(v, fp('b'), [fp('a')]);
    expect(rows.map((r) => r.state)).toEqual(['pinned-key', 'altered']);
    expect(rows[1]?.result).toBe('Altered: entry 11 was changed after it was signed');
    expect(fileVerdict(v, rows).state).toBe('altered');
  });

  it('reads a fingerprint as people type it', () => {
    expect(normalFingerprint(`  ${'AB'.repeat(32)}\n`)).toBe(`sha256:${'ab'.repeat(32)}`);
  });
});
