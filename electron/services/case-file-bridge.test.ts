/**
 * The portable case file's channels in web mode: the real handlers behind two loopback bridges, each with its own
 * key (the investigator's machine and the reviewer's), reached the way the renderer reaches them (bridge client).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAction } from '../../shared/case/case-actions.js';
import type { CaseRecord } from '../../shared/case/case-types.js';
import { createBridgeClient } from '../../shared/ipc/bridge-client.js';
import type { IpcApi } from '../../shared/ipc/contract.js';
import type { BundleSigner } from '../bundle/bundle-signature.js';
import { fingerprintOf } from '../bundle/bundle-signature.js';
import { startBridge, type Bridge } from '../bridge/server.js';
import { fakeHandlers } from '../fake-handlers.js';
import { createCaseFileHandlers } from './case-file-services.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const root = mkdtempSync(join(tmpdir(), 'li-casefile-bridge-'));
const rendererDir = join(root, 'renderer');

function newKey(): BundleSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

const investigatorKey = newKey();
const reviewerKey = newKey();
const bridges: Bridge[] = [];
let investigator: IpcApi;
let reviewer: IpcApi;

async function machine(key: BundleSigner): Promise<IpcApi> {
  const handlers = fakeHandlers(
    createCaseFileHandlers({ appName: 'lineage-investigator', appVersion: '0.1.0', signer: async () => key }),
  );
  const bridge = await startBridge({ handlers, rendererDir });
  bridges.push(bridge);
  return createBridgeClient(bridge.origin, bridge.token);
}

async function openedCase(): Promise<CaseRecord> {
  const opened = await recordAction(
    undefined,
    {
      time: '2026-04-01T08:00:00Z',
      actor: 'ines',
      action: 'case.opened',
      payload: { id: 'case-41', title: 'Declined claim', severity: 'high', owner: 'ines', decisionIds: ['c-41'] },
    },
    sha256,
  );
  return recordAction(
    opened,
    {
      time: '2026-04-01T09:30:00Z',
      actor: 'ines',
      action: 'root-cause.confirmed',
      payload: { statement: 'The fraud score was read in the wrong unit.', changeIds: ['9f1c2e7'] },
    },
    sha256,
  );
}

beforeAll(async () => {
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lineage Investigator</title>');
  investigator = await machine(investigatorKey);
  reviewer = await machine(reviewerKey);
});
afterAll(async () => {
  for (const b of bridges) await b.close();
  rmSync(root, { recursive: true, force: true });
});

describe('caseFile channels over the web-mode bridge', () => {
  it('exports, opens elsewhere, reviews under the reviewer’s key and merges back with both signatures', async () => {
    const record = await openedCase();
    const caseRecord = { case: record.case, activity: [...record.activity] };
    const exported = await investigator.invoke('caseFile:export', {
      caseRecord,
      excerpts: [],
      subgraph: { nodes: [], edges: [] },
      signer: 'ines',
    });
    expect(exported.fingerprint).toBe(investigatorKey.fingerprint);
    expect(exported.entries).toBe(2);

    const opened = await reviewer.invoke('caseFile:open', { text: exported.text });
    expect(opened.verdict.ok).toBe(true);
    expect(opened.localFingerprint).toBe(reviewerKey.fingerprint);
    expect(opened.verdict.signatures.map((s) => [s.role, s.signer, s.fingerprint, s.entries, s.valid])).toEqual([
      ['investigator', 'ines', investigatorKey.fingerprint, 2, true],
    ]);

    const reviewed = await reviewer.invoke('caseFile:review', {
      text: exported.text,
      reviewer: 'tomas',
      actions: [
        { action: 'review.verdict', payload: { verdict: 'disagree', text: 'The unit was right; the cap moved.' } },
      ],
    });
    expect(reviewed.fingerprint).toBe(reviewerKey.fingerprint);

    const merged = await investigator.invoke('caseFile:merge', {
      text: reviewed.text,
      caseRecord,
      actor: 'ines',
      rechain: false,
    });
    expect(merged.kind).toBe('merged');
    expect(merged.verdict.signatures.map((s) => [s.role, s.fingerprint, s.valid])).toEqual([
      ['investigator', investigatorKey.fingerprint, true],
      ['reviewer', reviewerKey.fingerprint, true],
    ]);
    expect(merged.appended.map((e) => [e.seq, e.actor, e.action])).toEqual([
      [3, 'tomas', 'review.verdict'],
      [4, 'ines', 'review.merged'],
    ]);

    // The reviewer's own app cannot merge it into a case it did not export: another investigator's file.
    const elsewhere = await reviewer.invoke('caseFile:merge', {
      text: reviewed.text,
      caseRecord,
      actor: 'tomas',
      rechain: false,
    });
    expect(elsewhere.kind).toBe('conflict');
    expect(elsewhere.conflicts.map((c) => c.kind)).toEqual(['other-investigator']);
    expect(elsewhere.reviewerEntries.map((e) => e.action)).toEqual(['review.verdict']);
  });

  it('names an altered file: a changed verdict breaks the chain and the reviewer’s signature', async () => {
    const record = await openedCase();
    const caseRecord = { case: record.case, activity: [...record.activity] };
    const { text } = await investigator.invoke('caseFile:export', {
      caseRecord,
      excerpts: [],
      subgraph: { nodes: [], edges: [] },
      signer: 'ines',
    });
    const reviewed = await reviewer.invoke('caseFile:review', {
      text,
      reviewer: 'tomas',
      actions: [{ action: 'review.verdict', payload: { verdict: 'agree', text: 'Confirmed.' } }],
    });
    const forged = reviewed.text.replace('"verdict": "agree"', '"verdict": "disagree"');
    expect(forged).not.toBe(reviewed.text);
    const opened = await investigator.invoke('caseFile:open', { text: forged });
    expect(opened.verdict.ok).toBe(false);
    expect(opened.verdict.problems.join('\n')).toMatch(/entry 3/);
    expect(opened.verdict.brokenEntry).toBe(3);
  });

  it('refuses the main process’s dialogs in web mode (the browser chooses and downloads) and a name with a folder', async () => {
    await expect(investigator.invoke('caseFile:choose', {})).rejects.toThrow(/No file dialog in web mode/);
    await expect(investigator.invoke('caseFile:save', { text: '{}\n', suggestedName: 'a.json' })).rejects.toThrow(
      /web mode/,
    );
    await expect(
      investigator.invoke('caseFile:save', { text: '{}\n', suggestedName: '../etc/a.json' }),
    ).rejects.toThrow(/suggestedName: a file name without a folder/);
  });
});
