import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { SHA, testEvidence } from '../analysis/test-evidence';
import { headlessCase } from '../case/headless-case';
import { investigate } from '../case/investigation';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord } from '../model/records';
import { renderCaseMarkdown } from './case-markdown';
import type { ReportInput } from './report-data';
import { renderReportMarkdown } from './report-markdown';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Names a hostile export could carry: raw HTML, autolinks, bare URLs and e-mails, link and image syntax, pipes. */
const HOSTILE = {
  model: 'm <img src=x onerror=alert(1)> ![i](https://evil.example/i.png)',
  job: 'features|<b>job</b> <https://evil.example/job>',
  dataset: 'www.evil.example [click](javascript:alert(1))',
  message: 'raise threshold https://evil.example/pr <script>alert(2)</script> `code|cell` **bold**',
  author: 'dee@evil.example <a href="https://evil.example">dee</a> [x]: https://evil.example',
};

/** Every string equal to a benign name, replaced by its hostile counterpart (a consistent rename of the evidence). */
function renamed(records: ReadonlyArray<EvidenceRecord>, names: Readonly<Record<string, string>>): EvidenceRecord[] {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return names[v] ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return records.map((r) => walk(r) as EvidenceRecord);
}

async function reportInput(names: Readonly<Record<string, string>>): Promise<ReportInput> {
  const base = testEvidence();
  const all = [
    ...base.commits,
    ...base.runs,
    ...base.decisions,
    ...base.deployments,
    ...base.pullRequests,
    ...base.audit,
  ] as EvidenceRecord[];
  const set = toEvidenceSet(renamed(all, names));
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const inv = investigate(set, decision, 'flag');
  const record = await headlessCase(
    inv,
    {
      id: 'case-7',
      owner: 'maria',
      actor: 'test',
      time: '2026-10-12T09:00:00Z',
      title: `Case of ${decision.model.name}`,
    },
    sha256,
  );
  return {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames: { 'test-source': 'events.ndjson' },
    generatedAt: '2026-10-12T11:00:00Z',
    timeZone: 'UTC',
    generator: 'test',
  };
}

const HOSTILE_NAMES = {
  m: HOSTILE.model,
  features: HOSTILE.job,
  profile: HOSTILE.dataset,
  'raise threshold': HOSTILE.message,
  dee: HOSTILE.author,
};

/** The elements a renderer makes of the Markdown, counted by tag, and the links and images among them. */
function elements(html: string) {
  const counts = new Map<string, number>();
  for (const [, tag] of html.matchAll(/<([a-z][a-z0-9]*)\b/g)) counts.set(tag!, (counts.get(tag!) ?? 0) + 1);
  return { counts, links: [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]), images: html.match(/<img\b/g) ?? [] };
}

describe('the Markdown report rendered by a common renderer (markdown-it, raw HTML and linkify on)', () => {
  const md = new MarkdownIt({ html: true, linkify: true });

  it('makes no element, link or image of hostile names: the same elements as with plain names', async () => {
    const plain = await renderReportMarkdown(await reportInput({}), sha256);
    const hostile = await renderReportMarkdown(await reportInput(HOSTILE_NAMES), sha256);
    // The hostile names are in the report (as text), else the comparison proves nothing.
    const shown = md.render(hostile.text);
    for (const name of Object.values(HOSTILE)) expect(shown).toContain(md.utils.escapeHtml(name));
    const a = elements(md.render(plain.text));
    const b = elements(shown);
    expect(b.images).toEqual([]);
    expect(b.links).toEqual(a.links);
    expect(Object.fromEntries(b.counts)).toEqual(Object.fromEntries(a.counts));
  });

  it('keeps every table row to its header’s cells, a pipe in a name or code span splitting none', async () => {
    const hostile = await renderReportMarkdown(await reportInput(HOSTILE_NAMES), sha256);
    const tokens = md.parse(hostile.text, {});
    let header = 0;
    let cells = 0;
    for (const t of tokens) {
      if (t.type === 'thead_open') header = 0;
      if (t.type === 'th_open') header += 1;
      if (t.type === 'tr_open') cells = 0;
      if (t.type === 'td_open') cells += 1;
      if (t.type === 'tr_close' && cells > 0) expect(cells).toBe(header);
    }
    const suspects = md
      .render(hostile.text)
      .split('<tr>')
      .find((row) => row.includes(SHA.bad));
    expect(suspects).toContain(md.utils.escapeHtml(HOSTILE.message));
  });

  it('holds for the case Markdown export too', async () => {
    const input = await reportInput(HOSTILE_NAMES);
    const inv = input.investigation;
    const caseMarkdown = (names: ReportInput) =>
      renderCaseMarkdown({
        title: names.case.title,
        generatedAt: names.generatedAt,
        timeZone: 'UTC',
        decision: names.investigation.decision,
        featureName: names.investigation.featureName,
        scope: names.investigation.scope,
        trace: names.investigation.trace,
        changes: names.investigation.changes,
        governance: names.investigation.governance,
        remediation: names.investigation.remediation,
        notes: [{ text: HOSTILE.message, createdAt: names.generatedAt }],
      });
    const a = elements(md.render(caseMarkdown(await reportInput({}))));
    const b = elements(md.render(caseMarkdown(input)));
    expect(inv.decision.model.name).toBe(HOSTILE.model);
    expect(b.images).toEqual([]);
    expect(b.links).toEqual(a.links);
    expect(Object.fromEntries(b.counts)).toEqual(Object.fromEntries(a.counts));
  });
});
