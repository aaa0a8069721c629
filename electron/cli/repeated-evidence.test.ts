/**
 * Attack: the same evidence given again as other files — the sample's decision log with CRLF line ends, its audit log
 * behind a byte order mark, its OpenLineage events as one JSON array — is no duplicate input (other bytes), yet it
 * must not change a count: `investigate` answers as on the sample alone and says what it read once. A decision given
 * again with another outcome is named with its line, and the first read counts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from './investigate-command.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'li-repeated-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function investigate(...sources: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...sources.flatMap((s) => ['--source', s]), '--decision', truth.caseDecisionId, '--json'];
  const code = await runInvestigateCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  expect(code).toBe(0);
  return { result: JSON.parse(out.join('\n')), err: err.join('\n') };
}

/** What a user compares: the counts of the scope, and the suspects in their order with their verdicts. */
const answers = (r: {
  scope: unknown;
  suspects: ReadonlyArray<{ changeId: string; score: number; consistency: unknown }>;
}) => ({ scope: r.scope, suspects: r.suspects.map((s) => [s.changeId, s.score, s.consistency]) });

const lines = (file: string) => readFileSync(join('assets/sample', file), 'utf8').trimEnd().split('\n');
const write = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};

let alone: ReturnType<typeof answers>;
beforeAll(async () => {
  alone = answers((await investigate('assets/sample')).result);
  expect(alone.scope).toMatchObject({ affectedDecisions: truth.decisions.affected });
}, 120_000);

describe('the same evidence in other files counts once', () => {
  it('re-encoded copies of the decision, audit and lineage logs change no count and are named', async () => {
    const decisions = lines('decisions.jsonl');
    const audit = lines('audit-log.jsonl');
    const events = lines('openlineage-events.ndjson');
    const copies = [
      write('decisions-crlf.jsonl', decisions.map((l) => `${l}\r\n`).join('')),
      write('audit-bom.jsonl', `\uFEFF${audit.join('\n')}\n`),
      write('events.json', `[\n${events.join(',\n')}\n]\n`),
    ];
    const { result, err } = await investigate('assets/sample', ...copies);
    expect(answers(result)).toEqual(alone);
    expect(err).toContain(
      `decisions-crlf.jsonl: ${decisions.length.toLocaleString('en-US')} decisions already read from decisions.jsonl, the same identity and content`,
    );
    expect(err).toContain(`audit-bom.jsonl: ${audit.length} audit entries already read from audit-log.jsonl`);
    expect(err).toContain(`events.json: ${events.length} run events already read from openlineage-events.ndjson`);
  }, 120_000);

  it("the case's decision given again with another outcome: named with its line, the first read counts", async () => {
    const original = lines('decisions.jsonl').find((l) => l.includes(`"${truth.caseDecisionId}"`)) as string;
    const record = JSON.parse(original) as { output: { label: string }; action: string; model: { name: string } };
    const flipped = { ...record, output: { ...record.output, label: `not ${record.output.label}` }, action: 'other' };
    const file = write('late-export.jsonl', `${lines('decisions.jsonl')[0]}\n${JSON.stringify(flipped)}\n`);
    const { result, err } = await investigate('assets/sample', file);
    expect(answers(result)).toEqual(alone);
    expect(err).toContain(
      `late-export.jsonl: 1 decision with the identity of one read from decisions.jsonl but other content (first line 2, ${record.model.name} ${truth.caseDecisionId}, read before at decisions.jsonl line `,
    );
    expect(err).toMatch(/late-export\.jsonl: 1 decision with .*: the first read counts$/m);
    expect(err).toContain('late-export.jsonl: 1 decision already read from decisions.jsonl');
  }, 120_000);
});
