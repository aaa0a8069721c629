/**
 * Signed evidence end to end: the CLI signs a real bundle of the sample with the investigator's key (created on
 * first use, owner-only), `verify` says plainly which of signed-and-intact, unsigned, unknown key or altered holds,
 * and OpenSSL checks the same signature with the command docs/evidence-bundle.md gives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand } from '../cli/report-command.js';
import { runVerifyCommand } from '../cli/verify-command.js';
import { keyFileIn } from '../services/signing-key.js';
import { fingerprintOf } from './bundle-signature.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'li-signature-'));
const dataDir = join(work, 'data');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const quiet = { out: () => {}, err: () => {} };
const sample = ['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--format', 'bagit'];

async function verify(bag: string, ...options: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerifyCommand([bag, ...options], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let n = 0;
const copyOf = (bag: string) => {
  const copy = join(work, `copy-${++n}`);
  cpSync(bag, copy, { recursive: true });
  return copy;
};
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));
const retag = (bag: string) =>
  writeFileSync(
    join(bag, 'tagmanifest-sha256.txt'),
    ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']
      .map((t) => `${sha(readFileSync(join(bag, t)))}  ${t}\n`)
      .join(''),
  );

let signed = '';
let unsigned = '';
let investigatorKey = '';
let fingerprint = '';
let strangerKey = '';

beforeAll(async () => {
  signed = join(work, 'signed');
  unsigned = join(work, 'unsigned');
  expect(await runReportCommand([...sample, '--out', signed], quiet)).toBe(0);
  expect(await runReportCommand([...sample, '--out', unsigned, '--unsigned'], quiet)).toBe(0);
  // What the investigator hands the auditor: the public half of the key the app created.
  const publicKey = createPublicKey(createPrivateKey(readFileSync(keyFileIn(dataDir, false))));
  investigatorKey = join(work, 'investigator.pub.pem');
  writeFileSync(investigatorKey, publicKey.export({ type: 'spki', format: 'pem' }));
  fingerprint = fingerprintOf(publicKey);
  strangerKey = join(work, 'stranger.pub.pem');
  writeFileSync(strangerKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
}, 120_000);

describe("the investigator's key", () => {
  it('is created on first use under the data folder, readable by its owner only, and kept', async () => {
    const file = keyFileIn(dataDir, false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = join(work, 'again');
    expect(await runReportCommand([...sample, '--out', again], quiet)).toBe(0);
    expect((await verify(again, '--key', investigatorKey)).out).toContain(`SIGNED BY ${fingerprint} AND INTACT`);
  }, 60_000);

  it("is printed in the report: its fingerprint and public key, and the report's anchors name it", () => {
    const html = readFileSync(join(signed, 'data', 'report', 'report.html'), 'utf8');
    const md = readFileSync(join(signed, 'data', 'report', 'report.md'), 'utf8');
    const pem = readFileSync(investigatorKey, 'utf8').trim();
    for (const text of [html, md]) {
      expect(text).toContain(fingerprint);
      expect(text).toContain(pem.split('\n')[1]);
      expect(text).toMatch(new RegExp(`^signer ed25519 ${fingerprint}$`, 'm'));
    }
  });
});

describe('verify says which holds', () => {
  it('signed by the pinned key and intact (exit 0)', async () => {
    const v = await verify(signed, '--key', investigatorKey);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(new RegExp(`^SIGNED BY ${fingerprint} AND INTACT `));
  });

  it('the same through a trusted-keys file of PEM keys and fingerprints', async () => {
    const list = join(work, 'trusted.txt');
    writeFileSync(list, `# the team\n${readFileSync(strangerKey, 'utf8')}\n${fingerprint}\n`);
    const v = await verify(signed, '--trusted-keys', list);
    expect(v.code).toBe(0);
    expect(v.out).toContain(`SIGNED BY ${fingerprint} AND INTACT`);
  });

  it('intact but signed by an unknown key: exit 3 when a key is pinned, 0 when none is', async () => {
    const pinnedOther = await verify(signed, '--key', strangerKey);
    expect(pinnedOther.code).toBe(3);
    expect(pinnedOther.out).toMatch(/^INTACT BUT SIGNED BY AN UNKNOWN KEY .*which is none of the keys pinned/);
    const none = await verify(signed);
    expect(none.code).toBe(0);
    expect(none.out).toContain(`INTACT BUT SIGNED BY AN UNKNOWN KEY ${signed}: signed by ${fingerprint}`);
  });

  it('intact but unsigned: exit 3 when a key is pinned', async () => {
    const v = await verify(unsigned, '--key', investigatorKey);
    expect(v.code).toBe(3);
    expect(v.out).toMatch(/^INTACT BUT UNSIGNED /);
  });

  it('altered: a payload file edited and every manifest re-hashed, without the key', async () => {
    const bag = copyOf(signed);
    edit(join(bag, 'data', 'sources.json'), (t) => t.replace('"name"', '"name" '));
    const manifest = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8').replace(
      /^[0-9a-f]{64}(?=  data\/sources\.json$)/m,
      sha(readFileSync(join(bag, 'data', 'sources.json'))),
    );
    writeFileSync(join(bag, 'manifest-sha256.txt'), manifest);
    edit(join(bag, 'bag-info.txt'), (t) =>
      t.replace(/^Payload-Oxum: (\d+)\.(\d+)$/m, (_m, b: string, f: string) => `Payload-Oxum: ${Number(b) + 1}.${f}`),
    );
    retag(bag);
    const v = await verify(bag, '--key', investigatorKey, '--all');
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/^ALTERED /);
    expect(v.err).toContain(
      `tagmanifest-sha256.txt.sig: does not verify tagmanifest-sha256.txt under the key ${fingerprint}`,
    );
  });

  it('altered: re-signed with the forger’s own key, or the signature stripped', async () => {
    const forger = generateKeyPairSync('ed25519');
    const resigned = copyOf(signed);
    const forgerFingerprint = fingerprintOf(forger.publicKey);
    edit(join(resigned, 'bag-info.txt'), (t) =>
      t.replace(/^Signer-Ed25519: .*$/m, `Signer-Ed25519: ${forgerFingerprint}`),
    );
    retag(resigned);
    writeFileSync(join(resigned, 'signer-public-key.pem'), forger.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(
      join(resigned, 'tagmanifest-sha256.txt.sig'),
      sign(null, readFileSync(join(resigned, 'tagmanifest-sha256.txt')), forger.privateKey),
    );
    const v = await verify(resigned, '--all');
    expect(v.code).toBe(1);
    expect(v.err).toContain(
      `data/report/report.html: names another signing key than the one the bundle is signed with (expected ${fingerprint}, actual ${forgerFingerprint})`,
    );

    const stripped = copyOf(signed);
    unlinkSync(join(stripped, 'tagmanifest-sha256.txt.sig'));
    unlinkSync(join(stripped, 'signer-public-key.pem'));
    edit(join(stripped, 'bag-info.txt'), (t) => t.replace(/^Signer-Ed25519: .*\n/m, ''));
    retag(stripped);
    const s = await verify(stripped, '--all');
    expect(s.code).toBe(1);
    expect(s.err).toContain('names the key that signs its bundle, but the bundle carries no signature');
  });

  it('names a pinned key file that is no Ed25519 public key', async () => {
    const rsa = join(work, 'rsa.pem');
    writeFileSync(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const v = await verify(signed, '--key', rsa);
    expect(v.code).toBe(2);
    expect(v.err).toContain(`${rsa}: an rsa key, where an Ed25519 key is expected`);
  });
});

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
describe.skipIf(openssl.status !== 0)('an auditor with OpenSSL', () => {
  const check = (bag: string) =>
    spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        investigatorKey,
        '-rawin',
        '-in',
        'tagmanifest-sha256.txt',
        '-sigfile',
        'tagmanifest-sha256.txt.sig',
      ],
      { cwd: bag, encoding: 'utf8' },
    );

  it('checks the signature with the documented command, and sees the tag manifest altered', () => {
    const ok = check(signed);
    expect(ok.stdout).toContain('Signature Verified Successfully');
    expect(ok.status).toBe(0);
    const bag = copyOf(signed);
    edit(join(bag, 'tagmanifest-sha256.txt'), (t) => t.replace(/^./, (c) => (c === '0' ? '1' : '0')));
    const bad = check(bag);
    expect(bad.status).not.toBe(0);
    expect(`${bad.stdout}${bad.stderr}`).toContain('Signature Verification Failure');
  });

  it('computes the same fingerprint from the public key', () => {
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', investigatorKey, '-outform', 'DER']);
    expect(`sha256:${sha(der)}`).toBe(fingerprint);
  });
});
