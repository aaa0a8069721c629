import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import { recordAction } from '../case/case-actions';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import { buildTimeline, type TimelineEntry } from '../timeline/evidence-timeline';
import type { ReportInput } from './report-data';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hand-written pipeline's case with the last deployment and the first audit edit starred, the edit tagged. */
async function starredInput(): Promise<{ input: ReportInput; deployment: TimelineEntry; edit: TimelineEntry }> {
  const set = testEvidence();
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const inv = investigate(set, decision, 'flag');
  const { entries } = buildTimeline(set);
  const deployment = entries.filter((e) => e.kind === 'deployment').at(-1)!;
  const edit = entries.find((e) => e.kind === 'audit')!;
  let record = await headlessCase(
    inv,
    { id: 'case-9', owner: 'maria', actor: 'maria', time: '2026-10-12T09:00:00Z', title: 'Flagged' },
    sha256,
  );
  const star = (e: TimelineEntry, actor: string, time: string) =>
    recordAction(
      record,
      {
        time,
        actor,
        action: 'timeline.starred',
        payload: { id: e.id, kind: e.kind, label: e.title, entryTime: e.time, evidence: e.evidence },
      },
      sha256,
    );
  // Starred latest first: the report lists them in the evidence's time order.
  record = await star(deployment, 'maria', '2026-10-12T09:10:00Z');
  record = await star(edit, 'tom', '2026-10-12T09:11:00Z');
  record = await recordAction(
    record,
    {
      time: '2026-10-12T09:12:00Z',
      actor: 'tom',
      action: 'timeline.tagged',
      payload: { id: edit.id, tags: ['manual-edit'] },
    },
    sha256,
  );
  const input: ReportInput = {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': 'pipeline.ndjson' },
    generatedAt: '2026-10-12T11:00:00Z',
    timeZone: 'UTC',
    generator: 'test',
  };
  return { input, deployment, edit };
}

const section = (text: string, heading: string, next: string) =>
  text.slice(text.indexOf(heading), text.indexOf(next, text.indexOf(heading)));

describe('starred evidence in the report', () => {
  it('lists the starred timeline entries in time order with tags, citation and who starred them (Markdown)', async () => {
    const { input, deployment, edit } = await starredInput();
    expect(Date.parse(edit.time)).toBeLessThan(Date.parse(deployment.time));
    const { text } = await renderReportMarkdown(input, sha256);
    const part = section(text, '## Starred evidence', '## Evidence index');
    const rows = part.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| time') && !l.includes('---'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('manual-edit');
    expect(rows[0]).toMatch(new RegExp(`pipeline\\\\?\\.ndjson line ${edit.evidence?.line} `));
    expect(rows[0]).toContain('tom');
    expect(rows[1]).toMatch(new RegExp(`pipeline\\\\?\\.ndjson line ${deployment.evidence?.line} `));
    expect(rows[1]).toContain('maria');
    // The evidence's time in the report's zone, never the raw instant.
    expect(rows[1]).toContain(new Date(deployment.time).toISOString().slice(0, 10));
    expect(rows[1]).toContain(' UTC');
    expect(part).not.toContain(deployment.time);
  });

  it('has the same section in the HTML report, and says None. when nothing is starred', async () => {
    const { input, deployment } = await starredInput();
    const { text } = await renderReportHtml(input, sha256);
    const part = section(text, '<h2>Starred evidence</h2>', '</section>');
    expect(part).toContain('<td>deployment</td>');
    expect(part).toContain(`pipeline.ndjson line ${deployment.evidence?.line}`);
    const none = { ...input, case: { ...input.case, starredEvidence: undefined } };
    expect(section((await renderReportHtml(none, sha256)).text, '<h2>Starred evidence</h2>', '</section>')).toContain(
      'None.',
    );
  });
});
