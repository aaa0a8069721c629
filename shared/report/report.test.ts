import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHA, testEvidence } from '../analysis/test-evidence';
import { headlessCase, type HeadlessCaseOptions } from '../case/headless-case';
import { investigate, type Investigation } from '../case/investigation';
import { recordAction } from '../case/case-actions';
import type { EvidenceSet } from '../model/evidence-set';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import { verifyReportSeal } from './report-seal';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const SCRIPT = '<script>alert(1)</script>';
const EVENT = 'Order|Completed `x` <img src=x onerror=alert(2)>';

/** The hand-written pipeline with hostile text where imported data goes: a commit message, an event name, a note. */
async function hostileInput(): Promise<ReportInput> {
  const base = testEvidence();
  const set: EvidenceSet = {
    ...base,
    commits: base.commits.map((c) => (c.sha === SHA.bad ? { ...c, subject: SCRIPT, authorName: EVENT } : c)),
    audit: base.audit.map((a) => ({ ...a, action: EVENT, target: { ...a.target, name: EVENT } })),
  };
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const inv = investigate(set, { ...decision, action: EVENT }, 'flag');
  let record = await headlessCase(
    inv,
    { id: 'case-7', owner: 'maria', actor: 'test', time: '2026-10-12T09:00:00Z', title: `Case ${EVENT}` },
    sha256,
  );
  record = await recordAction(
    record,
    {
      time: '2026-10-12T10:00:00Z',
      actor: EVENT,
      action: 'annotation.added',
      payload: { id: 'n1', target: { kind: 'change', id: SHA.bad }, tags: [EVENT], text: SCRIPT },
    },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': `events ${EVENT}.ndjson` },
    generatedAt: '2026-10-12T11:00:00+02:00',
    timeZone: 'UTC',
    generator: 'test',
  };
}

/** The report's input for a case the CLI walked on `inv` (headlessCase), its times in UTC. */
async function cliCaseInput(inv: Investigation, options: Partial<HeadlessCaseOptions> = {}): Promise<ReportInput> {
  const record = await headlessCase(
    inv,
    { id: 'case-8', owner: 'maria', actor: 'test', time: '2026-10-12T09:00:00Z', ...options },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: {},
    generatedAt: '2026-10-12T11:00:00Z',
    timeZone: 'UTC',
    generator: 'test',
  };
}

describe('the case report', () => {
  it('never lets imported text become HTML markup', async () => {
    const { text } = await renderReportHtml(await hostileInput(), sha256);
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('Order|Completed &#96;x&#96; &lt;img src=x onerror=alert(2)&gt;');
    // The case title also goes into the @page margin box as a CSS string: it cannot close the <style> element.
    expect(text.match(/<\/style>/g)).toHaveLength(1);
    expect(text).not.toMatch(/(src|href)\s*=\s*["']?https?:|<link|@import|url\((?!#)/); // self-contained
  });

  it('never lets imported text become Markdown markup or break a table', async () => {
    const { text } = await renderReportMarkdown(await hostileInput(), sha256);
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<img');
    expect(text).toContain('Order\\|Completed \\`x\\` &lt;img src=x onerror=alert\\(2\\)&gt;');
    const suspectRow = text
      .split('\n')
      .find((l) => l.includes(SHA.bad) && l.includes('alert(1)') === false && /^\| \d+ \| commit/.test(l))!;
    // Every table row of the suspects has the header's 9 cells: the `|` in the text did not split a cell.
    expect(suspectRow.split(/(?<!\\)\|/).length - 2).toBe(9);
  });

  it('prints a hash that checks against the content, and fails after a one-character edit', async () => {
    const input = await hostileInput();
    for (const render of [renderReportHtml, renderReportMarkdown]) {
      const { text, hash } = await render(input, sha256);
      expect(text).toContain(`Report SHA-256: ${hash}`);
      expect(await verifyReportSeal(text, sha256)).toEqual({ ok: true, hash });
      const edited = text.replace('flag', 'flab');
      expect(await verifyReportSeal(edited, sha256)).toMatchObject({ ok: false, expected: hash });
    }
  });

  it('prints the case id, page numbers and hash in the page margins, and the zone with the generation time', async () => {
    const { text, hash } = await renderReportHtml(await hostileInput(), sha256);
    expect(text).toMatch(/@top-left \{ content: "Case case-7"/);
    expect(text).toContain('counter(page)');
    expect(text).toContain(`@bottom-left { content: "Report SHA-256: ${hash}"`);
    expect(text).toContain('Generated 2026-10-12 09:00:00 UTC');
  });

  it('lists the record-keeping fields of the investigated decision, each cited or marked missing', async () => {
    const input = await hostileInput();
    const line = input.investigation.decision.provenance.line;
    for (const render of [renderReportHtml, renderReportMarkdown]) {
      const { text } = await render(input, sha256);
      const section = text.slice(text.indexOf('Record keeping'));
      expect(section).toContain('time of use');
      expect(section).toContain(`line ${line}`);
      expect(section).toContain('human verifier or override');
      expect(section).toMatch(/missing/);
    }
  });
});

describe('what the decision log does not record', () => {
  it('is left out of the summary instead of printed as "subject —", in the HTML and the Markdown', async () => {
    const base = testEvidence();
    const logged = base.decisions.find((d) => d.decisionId === 'd-23')!;
    const { subjectId: _subject, action: _action, ...bare } = logged;
    const inv = investigate(base, bare, 'flag');
    const input = await cliCaseInput(inv, { title: 'Bare decision' });
    const html = (await renderReportHtml(input, sha256)).text;
    const markdown = (await renderReportMarkdown(input, sha256)).text;
    for (const text of [html, markdown]) {
      expect(text).toMatch(/Decision .*d-23.* at 2026-\d\d-\d\d \d\d:\d\d:\d\d UTC\. /);
      expect(text).not.toMatch(/(subject|action) —/);
    }
    // Where the log records them, they are named.
    const full = investigate(base, { ...logged, subjectId: 'u-9', action: 'approve' }, 'flag');
    const named = await renderReportHtml({ ...input, investigation: full }, sha256);
    expect(named.text).toContain('(subject u-9, action approve)');
  });
});

describe('a case walked by the CLI', () => {
  const input = (rootCause?: string) => {
    const base = testEvidence();
    const decision = base.decisions.find((d) => d.decisionId === 'd-23')!;
    return cliCaseInput(investigate(base, decision, 'flag'), rootCause ? { rootCause } : {});
  };
  const documentState = (markdown: string) => markdown.match(/\|\s*document\s*\|\s*([^|]+?)\s*\|/)?.[1];

  it('leaves Document open while no root cause is confirmed, and completes it with one', async () => {
    const open = (await renderReportMarkdown(await input(), sha256)).text;
    expect(open).toMatch(/Root cause:\**\s*not yet confirmed/);
    expect(documentState(open)).toBe('open');
    const confirmed = (await renderReportMarkdown(await input('The flag threshold change'), sha256)).text;
    expect(confirmed).not.toMatch(/not yet confirmed/);
    expect(documentState(confirmed)).toBe('completed');
  });
});
