/**
 * Attack: a decision log whose model is named with terminal escapes — an OSC 8 link, a colour, a bare CR that
 * rewrites the line, a right-to-left override — printed by the CLI as the user runs it. Nothing of it reaches the
 * terminal as a control: the text output shows each as `\uXXXX`, and `--json` still gives the name exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'li-terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOSTILE = 'offer\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u001b[31m\rsafe\u202Eexe.pdf\u009b2J';
/** What a terminal acts on, or what re-orders a line. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202A-\u202E\u2066-\u2069]/;

/** The sample's decision log, its model renamed. */
function hostileLog(): string {
  const lines = readFileSync('assets/sample/decisions.jsonl', 'utf8').trimEnd().split('\n');
  const renamed = lines.map((l) => {
    const d = JSON.parse(l) as { model: { name: string } };
    return JSON.stringify({ ...d, model: { ...d.model, name: HOSTILE } });
  });
  const path = join(work, 'decisions.jsonl');
  writeFileSync(path, `${renamed.join('\n')}\n`);
  return path;
}

const cli = (...args: string[]) => {
  const run = spawnSync('npx', ['tsx', 'electron/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

describe('imported names printed by the CLI', () => {
  const log = hostileLog();

  it('reach the terminal as visible escapes, never as controls', () => {
    const { out } = cli('watch', '--source', log);
    expect(out).toContain('offer\\u001b]8;;https://evil.example\\u0007click');
    expect(out).toContain('\\u000dsafe\\u202eexe.pdf\\u009b2J');
    expect(CONTROLS.exec(out)).toBeNull();
  }, 60_000);

  it('and as the same name in --json', () => {
    const { out } = cli('watch', '--source', log, '--json');
    expect(CONTROLS.exec(out)).toBeNull();
    const alerts = (JSON.parse(out) as { alerts: Array<{ model: string }> }).alerts;
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => a.model))).toEqual(new Set([HOSTILE]));
  }, 60_000);
});
