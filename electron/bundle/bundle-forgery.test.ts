/**
 * Forgeries of a real evidence bundle, each re-hashed end to end as an attacker would (manifest, Payload-Oxum, tag
 * manifest): `verify` must name every one. The bundles are written by the CLI's own export from the sample.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHashInput, GENESIS_HASH } from '../../shared/case/activity-log.js';
import { caseFromActivity } from '../../shared/case/case-actions.js';
import type { ActivityEntry } from '../../shared/case/case-types.js';
import { runReportCommand } from '../cli/report-command.js';
import { runVerifyCommand } from '../cli/verify-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'li-forgery-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const quiet = { out: () => {}, err: () => {} };

async function verify(bag: string, ...options: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerifyCommand([bag, '--all', ...options], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What a forger does after editing: every manifest, Payload-Oxum and the tag manifest made to match again. */
function rehash(bag: string): void {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(dir, e.name));
      else files.push(relative(bag, join(dir, e.name)).split(sep).join('/'));
  };
  walk(join(bag, 'data'));
  files.sort();
  const manifest = files.map((f) => `${sha(readFileSync(join(bag, f)))}  ${f}\n`).join('');
  writeFileSync(join(bag, 'manifest-sha256.txt'), manifest);
  const bytes = files.reduce((n, f) => n + statSync(join(bag, f)).size, 0);
  const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8').replace(
    /^Payload-Oxum: .*$/m,
    `Payload-Oxum: ${bytes}.${files.length}`,
  );
  writeFileSync(join(bag, 'bag-info.txt'), info);
  const tags = ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt'];
  writeFileSync(
    join(bag, 'tagmanifest-sha256.txt'),
    tags.map((t) => `${sha(readFileSync(join(bag, t)))}  ${t}\n`).join(''),
  );
}

let n = 0;
/** A fresh copy of a genuine bundle to forge. */
function copyOf(bag: string): string {
  const copy = join(work, `forged-${++n}`);
  cpSync(bag, copy, { recursive: true });
  return copy;
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

/** The bag-relative path of the decision log as the bag carries it (an excerpt, or the whole file). */
function decisionsIn(bag: string): { path: string; included: string } {
  const list = JSON.parse(readFileSync(join(bag, 'data', 'sources.json'), 'utf8')) as Array<Record<string, string>>;
  const entry = list.find((s) => s.name === 'decisions.jsonl');
  if (!entry) throw new Error('the sample bundle lists no decisions.jsonl');
  return { path: entry.path as string, included: entry.included as string };
}

const bags: Record<'files' | 'excerpts', string> = { files: '', excerpts: '' };

beforeAll(async () => {
  for (const include of ['files', 'excerpts'] as const) {
    bags[include] = join(work, `genuine-${include}`);
    const args = ['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--format', 'bagit'];
    expect(await runReportCommand([...args, '--out', bags[include], '--include', include], quiet)).toBe(0);
  }
}, 120_000);

describe('a genuine bundle', () => {
  it.each(['files', 'excerpts'] as const)('verifies (sources included as %s)', async (include) => {
    const v = await verify(bags[include]);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
  });

  it('verifies when the case is titled and owned like a seal (`Report SHA-256: 000…`)', async () => {
    const bag = join(work, 'lookalike');
    const lookalike = `Report SHA-256: ${'0'.repeat(64)}`;
    const args = ['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--format', 'bagit', '--out', bag];
    expect(await runReportCommand([...args, '--title', lookalike, '--owner', lookalike], quiet)).toBe(0);
    expect(readFileSync(join(bag, 'data', 'report', 'report.md'), 'utf8')).toContain(lookalike);
    const v = await verify(bag);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
  }, 60_000);

  it("verifies against the report's hash the auditor recorded, and fails against another", async () => {
    const html = readFileSync(join(bags.excerpts, 'data', 'report', 'report.html'));
    const seal = /<meta name="report-sha256" content="([0-9a-f]{64})">/.exec(html.toString('utf8'))?.[1] as string;
    expect((await verify(bags.excerpts, '--expect-report-sha256', seal)).code).toBe(0);
    const other = await verify(bags.excerpts, '--expect-report-sha256', sha('another report'));
    expect(other.code).toBe(1);
    expect(other.err).toContain('neither report is sealed with the hash the auditor expects');
  });
});

describe('forgeries re-hashed end to end are named', () => {
  it.each(['files', 'excerpts'] as const)('a cited decision line changed (sources included as %s)', async (include) => {
    const bag = copyOf(bags[include]);
    const { path } = decisionsIn(bag);
    const file = join(bag, ...path.split('/'));
    const before = readFileSync(file, 'utf8');
    const line = before.split('\n').findIndex((l) => l.includes(`${truth.caseDecisionId}`));
    expect(line).toBeGreaterThanOrEqual(0);
    edit(file, (text) =>
      text
        .split('\n')
        .map((l, i) => (i === line ? l.replace('reject', 'approve') : l))
        .join('\n'),
    );
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    const cited = include === 'files' ? line + 1 : (JSON.parse(before.split('\n')[line] as string).line as number);
    expect(v.err).toContain(`${path}: line ${cited} is not what the report cites (SHA-256 of its entry)`);
  });

  it('a case.json whose last activity entries were dropped (case re-folded, bag-info updated)', async () => {
    const bag = copyOf(bags.excerpts);
    const file = join(bag, 'data', 'case', 'case.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as { case: unknown; activity: ActivityEntry[] };
    const activity = record.activity.slice(0, -1);
    const head = { entries: activity.length, hash: activity[activity.length - 1]?.hash };
    writeFileSync(
      file,
      `${JSON.stringify({ case: caseFromActivity(activity), activity, activityHead: head }, null, 2)}\n`,
    );
    edit(join(bag, 'bag-info.txt'), (t) => t.replace(/^Activity-Log-Head: .*$/m, `Activity-Log-Head: ${head.hash}`));
    edit(join(bag, 'bag-info.txt'), (t) =>
      t.replace(/^Activity-Log-Entries: .*$/m, `Activity-Log-Entries: ${activity.length}`),
    );
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain(
      `data/case/case.json: its activity log's head is not the one the report anchors (entries and last hash) (expected ${record.activity.length} `,
    );
  });

  it("the activity log's last entry dropped: named by case.json's head, bag-info's and the report's", async () => {
    const bag = copyOf(bags.excerpts);
    const file = join(bag, 'data', 'case', 'case.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as { activity: ActivityEntry[]; activityHead: unknown };
    const activity = record.activity.slice(0, -1);
    const kept = { case: caseFromActivity(activity), activity, activityHead: record.activityHead };
    writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`);
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain('data/case/case.json: its activity log is not the one its activityHead records');
    expect(v.err).toContain("bag-info.txt: Activity-Log-Head is not the last hash of case.json's activity log");
    expect(v.err).toContain("data/case/case.json: its activity log's head is not the one the report anchors");
  });

  it('a case.json edited and chained again from the edit on', async () => {
    const bag = copyOf(bags.excerpts);
    const file = join(bag, 'data', 'case', 'case.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as { case: unknown; activity: ActivityEntry[] };
    const rechained: ActivityEntry[] = [];
    for (const [i, e] of record.activity.entries()) {
      const body = {
        ...e,
        actor: i === 0 ? 'someone-else' : e.actor,
        prevHash: rechained[i - 1]?.hash ?? GENESIS_HASH,
      };
      rechained.push({ ...body, hash: sha(entryHashInput(body)) });
    }
    const head = { entries: rechained.length, hash: rechained[rechained.length - 1]?.hash };
    const forged = { case: caseFromActivity(rechained), activity: rechained, activityHead: head };
    writeFileSync(file, `${JSON.stringify(forged, null, 2)}\n`);
    edit(join(bag, 'bag-info.txt'), (t) => t.replace(/^Activity-Log-Head: .*$/m, `Activity-Log-Head: ${head.hash}`));
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain("data/case/case.json: its activity log's head is not the one the report anchors");
  });

  it('both reports deleted', async () => {
    const bag = copyOf(bags.excerpts);
    unlinkSync(join(bag, 'data', 'report', 'report.html'));
    unlinkSync(join(bag, 'data', 'report', 'report.md'));
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain('data/report/report.html: is missing: the bundle must carry both reports');
    expect(v.err).toContain('data/report/report.md: is missing: the bundle must carry both reports');
    // Without --all, verify names the first and counts the rest in words.
    const more = v.err.split('\n').filter((l) => l.startsWith('FAILED ')).length - 1;
    const err: string[] = [];
    expect(await runVerifyCommand([bag], { out: () => {}, err: (l) => err.push(l) })).toBe(1);
    expect(err.filter((l) => l.startsWith('FAILED '))).toHaveLength(1);
    expect(err).toContain(`${more} more ${more === 1 ? 'discrepancy' : 'discrepancies'}; --all lists them.`);
  });

  it('a forged Report-SHA256 in bag-info.txt', async () => {
    const bag = copyOf(bags.excerpts);
    const forged = sha('a report the forger prefers');
    edit(join(bag, 'bag-info.txt'), (t) => t.replace(/^Report-SHA256: .*$/m, `Report-SHA256: ${forged}`));
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(
      new RegExp(
        `bag-info\\.txt: Report-SHA256 is not the hash data/report/report\\.html is sealed with \\(expected [0-9a-f]{64}, actual ${forged}\\)`,
      ),
    );
  });

  it('the decision log dropped and sources.json saying it was never included', async () => {
    const bag = copyOf(bags.excerpts);
    const { path } = decisionsIn(bag);
    unlinkSync(join(bag, ...path.split('/')));
    edit(join(bag, 'data', 'sources.json'), (t) => {
      const list = JSON.parse(t) as Array<Record<string, unknown>>;
      const entry = list.find((s) => s.name === 'decisions.jsonl') as Record<string, unknown>;
      delete entry.path;
      entry.included = 'none';
      entry.reason = 'not cited by the case';
      return JSON.stringify(list, null, 2);
    });
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(
      /data\/sources\.json: the report cites (1 line or pointer|[\d,]+ lines or pointers) of source decisions\.jsonl, which the bundle does not carry/,
    );
  });

  it('a cited line added to an excerpt, and a whole source file swapped for another', async () => {
    const bag = copyOf(bags.excerpts);
    const { path } = decisionsIn(bag);
    edit(
      join(bag, ...path.split('/')),
      (t) => `${t}${JSON.stringify({ line: 999999, text: '{"decision_id":"d-x"}' })}\n`,
    );
    rehash(bag);
    expect((await verify(bag)).err).toContain(`${path}: holds line 999999, which the report does not cite`);

    const files = copyOf(bags.files);
    const deployments = join(files, 'data', 'sources', 'deployments.jsonl');
    edit(deployments, (t) => `${t}{"id":"dep-forged"}\n`);
    rehash(files);
    expect((await verify(files)).err).toMatch(
      /data\/sources\/deployments\.jsonl: is not the source data\/sources\.json names \(its SHA-256 at import\)/,
    );
  });

  it('an excerpt of a source the report never cites, added with its sources.json entry', async () => {
    const bag = copyOf(bags.excerpts);
    const fake = 'f'.repeat(64);
    const path = 'data/excerpts/extra-decisions.jsonl.excerpt.jsonl';
    writeFileSync(
      join(bag, ...path.split('/')),
      `${JSON.stringify({ source: 'extra-decisions.jsonl', sha256: fake })}\n${JSON.stringify({ line: 1, text: '{}' })}\n`,
    );
    edit(join(bag, 'data', 'sources.json'), (t) => {
      const list = JSON.parse(t) as unknown[];
      list.push({
        name: 'extra-decisions.jsonl',
        sha256: fake,
        cited: { lines: 1, pointers: 0 },
        included: 'excerpt',
        path,
      });
      return JSON.stringify(list, null, 2);
    });
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain(`${path}: is an excerpt of extra-decisions.jsonl, of which the report cites nothing`);
  });

  it('an extra file and an extra tag manifest at the bag root', async () => {
    const bag = copyOf(bags.excerpts);
    writeFileSync(join(bag, 'README-the-real-story.txt'), 'something else happened\n');
    writeFileSync(join(bag, 'tagmanifest-md5.txt'), '');
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain("README-the-real-story.txt: is at the bag's root but is no part of the bundle");
    expect(v.err).toContain('tagmanifest-md5.txt: is a manifest this bundle never writes');
  });

  it('a payload file no listing names, beside the reports, the case and the sources', async () => {
    const bag = copyOf(bags.excerpts);
    writeFileSync(join(bag, 'data', 'report', 'addendum.html'), '<p>The real cause was elsewhere.</p>\n');
    rehash(bag);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain('data/report/addendum.html: is in the payload but data/sources.json does not list it');
  });

  it('an empty folder in the payload, named as a message', async () => {
    const bag = copyOf(bags.excerpts);
    mkdirSync(join(bag, 'data', 'the real cause is in ticket 4711'));
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain('data/the real cause is in ticket 4711/: is an empty folder: no part of the bundle');
  });

  it('a FIFO in the payload, listed in the manifest: named, and verify ends', async () => {
    const bag = copyOf(bags.excerpts);
    execFileSync('mkfifo', [join(bag, 'data', 'stream.jsonl')]);
    edit(join(bag, 'manifest-sha256.txt'), (t) => `${t}${sha('')}  data/stream.jsonl\n`);
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain('data/stream.jsonl: is a FIFO (named pipe), not a file');
  }, 20_000);

  it('a cited source swapped for a link to a file outside the bag', async () => {
    const bag = copyOf(bags.files);
    const { path } = decisionsIn(bag);
    const outside = join(work, `outside-${n}.jsonl`);
    cpSync(join(bag, ...path.split('/')), outside);
    unlinkSync(join(bag, ...path.split('/')));
    symlinkSync(outside, join(bag, ...path.split('/')));
    const v = await verify(bag);
    expect(v.code).toBe(1);
    expect(v.err).toContain(`${path}: is a symbolic link, not a file`);
  });
});
