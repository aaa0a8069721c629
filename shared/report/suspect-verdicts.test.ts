import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import { recordAction } from '../case/case-actions';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import type { TimeZoneChoice } from '../time/format-time';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const HOSTILE = 'It only touched <img src=x onerror=alert(1)> | [docs](http://evil.example) `x`';
const REVIEWER = 'Tom *Berger* <b>';

/** The hand-written pipeline's case: the top-ranked change confirmed, the second dismissed with a hostile reason. */
async function judgedInput(timeZone: TimeZoneChoice = 'UTC'): Promise<ReportInput> {
  const set = testEvidence();
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const inv = investigate(set, decision, 'flag');
  const [top, second] = inv.changes.changes;
  if (!top || !second) throw new Error('The test pipeline ranks fewer than two changes.');
  let record = await headlessCase(
    inv,
    { id: 'case-9', owner: 'maria', actor: 'maria', time: '2026-10-12T09:00:00Z', title: 'Flagged' },
    sha256,
  );
  // The second is dismissed first, so the report's order (the engine's ranking) is not the order they were given.
  record = await recordAction(
    record,
    {
      time: '2026-10-13T08:00:00Z',
      actor: REVIEWER,
      action: 'suspect.dismissed',
      payload: { id: second.id, label: `${second.kind} ${second.summary}`, reason: HOSTILE },
    },
    sha256,
  );
  record = await recordAction(
    record,
    {
      time: '2026-10-13T09:30:00Z',
      actor: 'maria',
      action: 'suspect.confirmed',
      payload: { id: top.id, label: `${top.kind} ${top.summary}` },
    },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': 'pipeline.ndjson' },
    generatedAt: '2026-10-13T11:00:00Z',
    timeZone,
    generator: 'test',
  };
}

const section = (text: string, heading: string, next: string) =>
  text.slice(text.indexOf(heading), text.indexOf(next, text.indexOf(heading)));

describe('the investigator’s verdicts on ranked changes in the report', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('lists each verdict under the suspects in the engine’s rank order, with reason, who and when (Markdown)', async () => {
    const input = await judgedInput();
    const [top, second] = input.investigation.changes.changes;
    const md = (await renderReportMarkdown(input, sha256)).text;
    const verdicts = section(md, '### Investigator’s verdicts', '## Governance');
    expect(section(md, '## Suspects', '## Governance')).toContain('### Investigator’s verdicts');
    expect(verdicts).toContain('the engine’s');
    const rows = verdicts.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 1 \| /);
    expect(rows[0]).toContain(top!.id);
    expect(rows[0]).toContain('Confirmed as a cause');
    expect(rows[0]).toContain('2026-10-13 09:30:00 UTC');
    expect(rows[1]).toMatch(/^\| 2 \| /);
    expect(rows[1]).toContain(second!.id);
    expect(rows[1]).toContain('Dismissed');
    expect(rows[1]).toContain('2026-10-13 08:00:00 UTC');
    // The hostile reason and name stay text in one cell: no raw HTML, link, emphasis or extra column.
    expect(rows[1]).toContain('It only touched &lt;img src=x onerror=alert\\(1\\)&gt; \\| \\[docs\\]');
    expect(rows[1]).toContain('Tom \\*Berger\\* &lt;b&gt;');
    expect(rows[1]).not.toContain('<img');
    expect(rows[1]!.split(/(?<!\\)\|/).length).toBe(rows[0]!.split(/(?<!\\)\|/).length);
  });

  it('lists the same verdicts in the HTML (and so the PDF) report, escaped', async () => {
    const input = await judgedInput();
    const [top, second] = input.investigation.changes.changes;
    const html = (await renderReportHtml(input, sha256)).text;
    const suspects = section(html, '<h2>Suspects</h2>', '</section>');
    const verdicts = suspects.slice(suspects.indexOf('<h3>Investigator’s verdicts</h3>'));
    expect(verdicts).toContain('the engine’s');
    const rows = verdicts.split('\n').filter((l) => l.startsWith('<tr><td>'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`<td>1</td><td><code>${top!.id}</code>`);
    expect(rows[0]).toContain('<td>Confirmed as a cause</td><td>—</td><td>maria</td><td>2026-10-13 09:30:00 UTC</td>');
    expect(rows[1]).toContain(`<td>2</td><td><code>${second!.id}</code>`);
    expect(rows[1]).toContain('<td>Dismissed</td>');
    expect(rows[1]).toContain(
      'It only touched &lt;img src=x onerror=alert(1)&gt; | [docs](http://evil.example) &#96;x&#96;',
    );
    expect(rows[1]).toContain('<td>Tom *Berger* &lt;b&gt;</td>');
    expect(html).not.toContain('<img');
  });

  it('gives the verdicts’ times in the report’s zone', async () => {
    process.env.TZ = 'Europe/Berlin';
    const input = await judgedInput('local');
    const md = section(
      (await renderReportMarkdown(input, sha256)).text,
      '### Investigator’s verdicts',
      '## Governance',
    );
    expect(md).toContain('2026-10-13 11:30:00 +02:00');
    expect(md).not.toContain('09:30:00 UTC');
    const html = section(
      (await renderReportHtml(input, sha256)).text,
      '<h3>Investigator’s verdicts</h3>',
      '</section>',
    );
    expect(html).toContain('2026-10-13 10:00:00 +02:00');
  });

  it('names a verdict on a change the ranking no longer lists, and says when there is none', async () => {
    const input = await judgedInput();
    const [top, ...rest] = input.investigation.changes.changes;
    const reranked = {
      ...input,
      investigation: { ...input.investigation, changes: { ...input.investigation.changes, changes: rest } },
    };
    const md = (await renderReportMarkdown(reranked, sha256)).text;
    const row = md.split('\n').find((l) => l.includes('Confirmed as a cause'));
    expect(row).toMatch(/^\| no longer ranked \| /);
    expect(row).toContain(top!.id);

    const none = { ...input, case: { ...input.case, suspectVerdicts: undefined } };
    const noneMd = section((await renderReportMarkdown(none, sha256)).text, '## Suspects', '## Governance');
    expect(noneMd).toContain('has not confirmed or dismissed any ranked change');
    expect(noneMd).not.toContain('Confirmed as a cause');
    const noneHtml = section((await renderReportHtml(none, sha256)).text, '<h2>Suspects</h2>', '</section>');
    expect(noneHtml).toContain('has not confirmed or dismissed any ranked change');
  });
});
