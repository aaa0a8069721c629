import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendActivity, verifyChain } from './activity-log';
import { caseFromActivity, recordAction } from './case-actions';
import type { CaseFileSignatureCheck, CaseFileSigner, PortableCaseFile } from './case-file-format';
import type { CaseRecord } from './case-types';
import { buildCaseFile, reviewCaseFile } from './portable-case';
import { mergeCaseFile } from './portable-case-merge';
import { parseCaseFile, verifyCaseFile } from './portable-case-verify';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function keyOf(name: string): CaseFileSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    name,
    fingerprint: `sha256:${createHash('sha256').update(der).digest('hex')}`,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}

const check: CaseFileSignatureCheck = async (pem, text, signature) => {
  try {
    const key = createPublicKey(pem);
    const der = key.export({ type: 'spki', format: 'der' });
    const fingerprint = `sha256:${createHash('sha256').update(der).digest('hex')}`;
    return { fingerprint, valid: verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64')) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const maria = keyOf('maria');
const rui = keyOf('rui');
const mallory = keyOf('maria');

async function investigatorCase(): Promise<CaseRecord> {
  let r = await recordAction(
    undefined,
    {
      time: '2026-03-02T09:00:00Z',
      actor: 'maria',
      action: 'case.opened',
      payload: { id: 'case-7', title: 'Refused loan', severity: 'high', owner: 'maria', decisionIds: ['d-7'] },
    },
    sha256,
  );
  r = await recordAction(
    r,
    {
      time: '2026-03-02T09:10:00Z',
      actor: 'maria',
      action: 'evidence.pinned',
      payload: {
        id: 'p1',
        label: 'the commit that changed the threshold',
        evidence: { sourceId: 'f'.repeat(64), line: 3 },
      },
    },
    sha256,
  );
  return recordAction(
    r,
    {
      time: '2026-03-02T11:00:00Z',
      actor: 'maria',
      action: 'root-cause.confirmed',
      payload: { statement: 'The LTV threshold was changed to cents.', changeIds: ['abc123'] },
    },
    sha256,
  );
}

const excerpt = {
  name: 'decisions.jsonl',
  sha256: 'f'.repeat(64),
  text: [
    JSON.stringify({ source: 'decisions.jsonl', sha256: 'f'.repeat(64) }),
    JSON.stringify({ line: 3, text: '{"decision_id":"d-7","subject_id":"cust-42","outcome":"reject"}' }),
    JSON.stringify({ line: 9, text: '{"decision_id":"d-9","subject_id":"cust-7","outcome":"reject"}' }),
  ].join('\n'),
};

const subgraph = {
  nodes: [{ id: 'decision:d-7', kind: 'decision' as const, label: 'd-7 for cust-42', depth: 0, details: {} }],
  edges: [],
};

async function exported(record?: CaseRecord): Promise<PortableCaseFile> {
  return buildCaseFile(
    {
      record: record ?? (await investigatorCase()),
      excerpts: [excerpt],
      subgraph,
      generator: 'test',
      now: '2026-03-02T12:00:00Z',
    },
    maria,
    sha256,
  );
}

const review = [
  {
    time: '2026-03-03T08:00:00Z',
    action: 'annotation.added',
    payload: { id: 'r1', target: { kind: 'change', id: 'abc123' }, tags: ['confirmed'], text: 'Seen in the diff too.' },
  },
  { time: '2026-03-03T08:05:00Z', action: 'review.verdict', payload: { verdict: 'agree', text: 'Root cause holds.' } },
];

const reviewed = async (file: PortableCaseFile) =>
  reviewCaseFile(file, review, rui, '2026-03-03T08:10:00Z', sha256, check);

/** Round-trips through JSON text, as a file on disk does, so tests can tamper with it. */
const copy = (f: PortableCaseFile): PortableCaseFile => parseCaseFile(JSON.stringify(f), 'case.json');

describe('a portable case file', () => {
  it('carries the chain, the cited records with their hashes, the subgraph and the pinned items, and verifies', async () => {
    const file = await exported();
    expect(file.activity).toHaveLength(3);
    expect(file.content.evidence.map((e) => [e.entry.line, e.sha256])).toEqual([
      [
        3,
        sha256(
          `{"line":3,"text":${JSON.stringify('{"decision_id":"d-7","subject_id":"cust-42","outcome":"reject"}')}}`,
        ),
      ],
      [9, expect.stringMatching(/^[0-9a-f]{64}$/)],
    ]);
    expect(file.content.pinned.map((p) => p.label)).toEqual(['the commit that changed the threshold']);
    const verdict = await verifyCaseFile(copy(file), sha256, check);
    expect(verdict).toMatchObject({ ok: true, problems: [], investigatorEntries: 3, reviewerEntries: 0 });
    expect(verdict.signatures).toEqual([
      expect.objectContaining({ role: 'investigator', fingerprint: maria.fingerprint, valid: true }),
    ]);
  });

  it('names a tampered entry, even when the tamperer re-hashed the chain', async () => {
    const f = copy(await exported());
    (f.activity[2] as { payload: unknown }).payload = { statement: 'A data-quality blip.', changeIds: [] };
    const v = await verifyCaseFile(f, sha256, check);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatch(/^activity entry 3 hash expected/);
    // Re-chained end to end: the chain holds, the signature's head does not.
    let log: CaseRecord['activity'] = [];
    for (const e of f.activity) log = await appendActivity(log, e, sha256);
    const rechained = { ...f, activity: log };
    const w = await verifyCaseFile(rechained, sha256, check);
    expect(w.chain.ok).toBe(true);
    expect(w.problems.join('\n')).toMatch(
      /signature 1 \(investigator maria, sha256:[0-9a-f]+\): covers head [0-9a-f]{64} at entry 3/,
    );
  });

  it('names a dropped last entry', async () => {
    const f = copy(await reviewed(await exported()));
    const dropped = { ...f, activity: f.activity.slice(0, -1) };
    const v = await verifyCaseFile(dropped, sha256, check);
    expect(v.ok).toBe(false);
    expect(v.problems).toContain(
      `signature 2 (reviewer rui, ${rui.fingerprint}): covers 5 activity entries, the file holds 4: entries were dropped`,
    );
  });

  it('names a changed evidence record, and content changed under the signature', async () => {
    const f = copy(await exported());
    (f.content.evidence[0] as { entry: Record<string, unknown> }).entry.text =
      '{"decision_id":"d-7","outcome":"approve"}';
    const v = await verifyCaseFile(f, sha256, check);
    expect(v.problems.join('\n')).toMatch(
      /evidence record 1 \(decisions.jsonl line 3\): SHA-256 expected [0-9a-f]{64}, actual/,
    );
    expect(v.problems.join('\n')).toMatch(/signature 1 .*: covers content SHA-256/);
  });

  it('a file re-signed by another key verifies as that key, and the investigator will not merge it', async () => {
    const f = await exported();
    const resigned = await buildCaseFile(
      {
        record: { case: { ...f.content.case }, activity: f.activity },
        excerpts: [excerpt],
        subgraph,
        generator: 'test',
        now: '2026-03-02T12:00:00Z',
      },
      mallory,
      sha256,
    );
    const v = await verifyCaseFile(resigned, sha256, check);
    expect(v.ok).toBe(true);
    expect(v.signatures[0]?.fingerprint).toBe(mallory.fingerprint);
    const withReview = await reviewed(resigned);
    const out = await mergeCaseFile(
      await investigatorCase(),
      withReview,
      { localFingerprint: maria.fingerprint, actor: 'maria', time: '2026-03-04T09:00:00Z' },
      sha256,
      check,
    );
    expect(out.kind).toBe('conflict');
    if (out.kind === 'conflict') {
      expect(out.conflicts[0]?.kind).toBe('other-investigator');
      expect(out.reviewerEntries.map((e) => e.action)).toEqual(['annotation.added', 'review.verdict']);
    }
    // A signature swapped in place, without signing anew, does not verify.
    const swapped = copy(f);
    (swapped.signatures[0] as { publicKeyPem: string }).publicKeyPem = mallory.publicKeyPem;
    const w = await verifyCaseFile(swapped, sha256, check);
    expect(w.problems.join('\n')).toMatch(/does not verify under its public key/);
  });

  it('refuses a reviewer entry that changes the case, or one added after the reviewer signed', async () => {
    const f = await exported();
    await expect(
      reviewCaseFile(
        f,
        [{ time: '2026-03-03T08:00:00Z', action: 'case.updated', payload: { status: 'closed' } }],
        rui,
        'x',
        sha256,
        check,
      ),
    ).rejects.toThrow(/case.updated is not a reviewer's/);
    const r = copy(await reviewed(f));
    const extra = await appendActivity(
      r.activity,
      {
        ...review[0]!,
        actor: 'rui',
        payload: { id: 'r9', target: { kind: 'change', id: 'x' }, tags: [], text: 'late' },
      },
      sha256,
    );
    const v = await verifyCaseFile({ ...r, activity: extra }, sha256, check);
    expect(v.problems).toContain('activity entries 6-6 are signed by no one: they were added after the last signature');
  });
});

describe("merging a review into the investigator's case", () => {
  const opts = { localFingerprint: maria.fingerprint, actor: 'maria', time: '2026-03-04T09:00:00Z' };

  it("appends the reviewer's signed entries unchanged and records the merge; a second merge is a no-op", async () => {
    const local = await investigatorCase();
    const file = await reviewed(await exported(local));
    const out = await mergeCaseFile(local, copy(file), opts, sha256, check);
    if (out.kind !== 'merged') throw new Error(JSON.stringify(out));
    expect(out.rechained).toBe(false);
    expect(out.record.activity.slice(3, 5)).toEqual(file.activity.slice(3));
    expect(out.appended.map((e) => e.action)).toEqual(['annotation.added', 'review.verdict', 'review.merged']);
    expect((await verifyChain(out.record.activity, sha256)).ok).toBe(true);
    const c = caseFromActivity(out.record.activity);
    expect(c.reviews).toEqual([
      { verdict: 'agree', text: 'Root cause holds.', reviewer: 'rui', time: '2026-03-03T08:05:00Z' },
    ]);
    expect(c.annotations.map((a) => `${a.author}: ${a.text}`)).toEqual(['rui: Seen in the diff too.']);
    expect((await mergeCaseFile(out.record, file, opts, sha256, check)).kind).toBe('already-merged');
  });

  it('a review based on an older head is a conflict that keeps the entries; re-chained only when asked', async () => {
    const old = await investigatorCase();
    const file = await reviewed(await exported(old));
    const local = await recordAction(
      old,
      { time: '2026-03-03T10:00:00Z', actor: 'maria', action: 'step.completed', payload: { step: 'document' } },
      sha256,
    );
    const out = await mergeCaseFile(local, file, opts, sha256, check);
    expect(out.kind).toBe('conflict');
    if (out.kind !== 'conflict') return;
    expect(out.conflicts).toEqual([
      {
        kind: 'advanced',
        message:
          "Your case's log advanced by 1 entries since the file was exported (entries 4-4); the reviewer's 2 entries extend entry 3.",
      },
    ]);
    expect(out.reviewerEntries).toHaveLength(2);
    const re = await mergeCaseFile(local, file, { ...opts, rechain: true }, sha256, check);
    if (re.kind !== 'merged') throw new Error(re.kind);
    expect(re.rechained).toBe(true);
    const merged = re.record.activity[re.record.activity.length - 1];
    expect(merged?.payload).toMatchObject({ rechained: true, entryHashes: file.activity.slice(3).map((e) => e.hash) });
    expect(caseFromActivity(re.record.activity).reviews).toHaveLength(1);
  });

  it('a file whose base is not a prefix of the local chain is never merged', async () => {
    const local = await investigatorCase();
    const other = await recordAction(
      { case: caseFromActivity(local.activity.slice(0, 2)), activity: local.activity.slice(0, 2) },
      { time: '2026-03-02T10:00:00Z', actor: 'maria', action: 'step.completed', payload: { step: 'trace' } },
      sha256,
    );
    const file = await reviewed(await exported(other));
    const out = await mergeCaseFile(local, file, { ...opts, rechain: true }, sha256, check);
    expect(out.kind).toBe('conflict');
    if (out.kind === 'conflict') {
      expect(out.conflicts[0]).toEqual({
        kind: 'diverged',
        message: "The file's base differs from your case's log from entry 3 on: it is not a prefix of your log.",
      });
      expect(out.reviewerEntries).toHaveLength(2);
    }
  });

  it('a tampered reviewer entry stops the merge with the problem named', async () => {
    const local = await investigatorCase();
    const file = copy(await reviewed(await exported(local)));
    (file.activity[4] as { payload: unknown }).payload = { verdict: 'disagree', text: 'Root cause holds.' };
    const out = await mergeCaseFile(local, file, opts, sha256, check);
    expect(out.kind === 'conflict' && out.conflicts[0]).toMatchObject({
      kind: 'file-unverified',
      message: expect.stringMatching(/^activity entry 5 hash expected/),
    });
  });
});
