/** The sections of the HTML report, each from the case and the engine's outputs; all imported text escaped. */
import { CASE_STEPS } from '../case/case-types';
import { formatTime, formatTimesIn, type TimeZoneChoice } from '../time/format-time';
import { CONTROL_VERDICT_LABEL, governanceControls } from '../analysis/governance-controls';
import type { Change, GovernanceFinding } from '../analysis/types';
import type { Investigation } from '../case/investigation';
import { verdictWords } from './governance-markdown';
import { citationList } from '../model/citation';
import { el, htmlBreakable, htmlTable, htmlText } from './html-escape';
import {
  cardRows,
  citeText,
  evidenceIndex,
  lineList,
  reportTimeline,
  starredEntries,
  subjectAndAction,
  type ReportInput,
} from './report-data';
import { reviewRows, reviewsHtml } from './review-verdicts';
import { scopeSentence, subjectsUnrecorded } from './scope-words';
import { suspectVerdictRows, suspectVerdictsHtml } from './suspect-verdicts';
import { histogramSvg, lineagePathSvg } from './svg-figures';

const code = (v: unknown) => `<code>${htmlText(v)}</code>`;
/** A time in a table cell: it may wrap between its date and its clock, never inside either. */
const timeCell = (text: string) =>
  text
    .split(/ (?=\d\d:)/)
    .map((part) => `<span class="time">${htmlText(part)}</span>`)
    .join(' ');

/** The case's facts, its steps and the root cause. */
export function caseSection(input: ReportInput): string {
  const c = input.case;
  const t = (iso: string | undefined) => (iso ? formatTime(iso, input.timeZone) : '—');
  const inv = input.investigation;
  const d = inv.decision;
  const top = inv.changes.changes[0];
  const facts = htmlTable(
    ['case', 'severity', 'status', 'owner', 'opened', 'decisions'],
    [
      [
        code(c.id),
        htmlText(c.severity),
        htmlText(c.status),
        htmlText(c.owner),
        timeCell(t(c.openedAt)),
        c.decisionIds.map(code).join(', '),
      ],
    ],
  );
  const recorded = subjectAndAction(d).map(htmlText);
  const summary =
    `<p>Decision ${code(d.decisionId)} of model ${htmlText(d.model.name)}${d.model.version ? ` ${htmlText(d.model.version)}` : ''} ` +
    `at ${htmlText(t(d.timestamp))}${recorded.length ? ` (${recorded.join(', ')})` : ''}. ` +
    `Suspect feature: ${code(inv.featureName)}. ${htmlText(scopeSentence(inv.scope, t))}` +
    (top
      ? ` Top-ranked change: ${htmlText(top.kind)} ${code(top.id)} — ${htmlText(top.summary)} by ${htmlText(top.actor)} (score ${top.score}).`
      : '') +
    '</p>';
  const root = c.rootCause
    ? `<p><strong>Root cause</strong> (confirmed by ${htmlText(c.rootCause.author)} at ${htmlText(t(c.rootCause.confirmedAt))}): ${htmlText(c.rootCause.statement)} ${c.rootCause.changeIds.map(code).join(', ')}</p>`
    : '<p><strong>Root cause:</strong> not yet confirmed.</p>';
  const steps = htmlTable(
    ['step', 'state', 'when'],
    CASE_STEPS.map((name) => {
      const s = c.steps.find((x) => x.step === name);
      const state = s?.completedAt ? 'completed' : s?.skippedReason ? `skipped: ${s.skippedReason}` : 'open';
      return [htmlText(name), htmlText(state), timeCell(t(s?.completedAt ?? s?.skippedAt))];
    }),
  );
  return `<section><h2>Summary</h2>${facts}${summary}${root}<h3>Steps</h3>${steps}</section>`;
}

/** The lineage card's eight answers and the lineage path as a figure. */
export function lineageSection(input: ReportInput): string {
  const inv = input.investigation;
  const names = input.sourceNames;
  const rows = cardRows(inv, input.timeZone).map((r) => [
    htmlText(r.question),
    r.gap ? `<span class="gap">Gap: ${htmlText(r.gap)}.</span> ${htmlBreakable(r.answer)}` : htmlBreakable(r.answer),
    htmlBreakable(citationList(r.evidence, (id) => names[id] ?? id.slice(0, 12), 'words') || '—'),
  ]);
  return (
    `<section><h2>Lineage card (as of ${htmlText(formatTime(inv.card.asOf, input.timeZone))})</h2>` +
    htmlTable(['question', 'answer', 'evidence'], rows) +
    `<h3>Lineage path</h3><figure>${lineagePathSvg(inv.card.path)}<figcaption>The traced path of decision ${code(inv.decision.decisionId)}, from its origin (top left) to the decision.</figcaption></figure>` +
    (inv.trace.gaps.length
      ? `<ul>${inv.trace.gaps.map((g) => el('li', `Gap: ${formatTimesIn(g, input.timeZone)}`)).join('')}</ul>`
      : '') +
    '</section>'
  );
}

/** The timeline of changes, deployments and wrong decisions, and the scope with its chart. */
export function timelineAndScopeSection(input: ReportInput): string {
  const t = (iso: string | undefined) => (iso ? formatTime(iso, input.timeZone) : '—');
  const s = input.investigation.scope;
  const timeline = htmlTable(
    ['time', 'kind', 'id', 'what'],
    reportTimeline(input.investigation).map((e) => [
      timeCell(t(e.time)),
      htmlText(e.kind),
      code(e.id),
      htmlBreakable(e.text),
    ]),
  );
  const version =
    s.versionKind === 'none' ? 'no version recorded' : `${s.versionKind.replace('_', ' ')} ${s.version ?? ''}`;
  const figures = htmlTable(
    ['decisions', 'subjects', 'version', 'first', 'last'],
    [
      [
        String(s.decisions),
        subjectsUnrecorded(s) ? 'not recorded in the decision log' : String(s.subjects),
        htmlText(version),
        timeCell(t(s.first)),
        timeCell(t(s.last)),
      ],
    ],
  );
  // Each bar is labelled by its start in the report's zone, as every other time of the report.
  const bins = s.histogram.map((b) => ({ ...b, start: t(b.start) }));
  const chart = histogramSvg(bins, `Decisions per ${s.bucket} on ${s.featureName} ${s.version ?? ''}`);
  return (
    `<section><h2>Timeline</h2>${timeline}</section>` +
    `<section><h2>Scope</h2>${figures}${
      // One bar is the table's one count again: the chart shows a spread over time, or is not drawn.
      s.histogram.length > 1
        ? `<figure>${chart}<figcaption>Decisions per ${htmlText(s.bucket)} (UTC buckets, each labelled by its start).</figcaption></figure>`
        : ''
    }</section>`
  );
}

/** Suspects with every score term and the investigator's verdicts on them, governance verdicts with their evidence, and remediation. */
export function findingsSection(input: ReportInput): string {
  const t = (iso: string | undefined) => (iso ? formatTime(iso, input.timeZone) : '—');
  const inv = input.investigation;
  const names = input.sourceNames;
  const suspects = suspectsTable(inv.changes.changes, t, (note) => formatTimesIn(note, input.timeZone), names);
  const gaps = inv.changes.gaps.length
    ? `<ul>${inv.changes.gaps.map((g) => el('li', `Gap: ${formatTimesIn(g, input.timeZone)}`)).join('')}</ul>`
    : '';
  const verdictRows = suspectVerdictRows(input.case, inv);
  // With nothing ranked and nothing judged, there is nothing to say verdicts on.
  const verdicts =
    inv.changes.changes.length === 0 && verdictRows.length === 0 ? '' : suspectVerdictsHtml(verdictRows, t);
  const governance = inv.governance
    .map(
      (g) =>
        `<h3>${code(g.changeId)} — <span class="verdict ${htmlText(g.verdict)}">${htmlText(verdictWords(g.verdict))}</span></h3>` +
        governanceControlsHtml(g.findings, input.timeZone, (f) =>
          f.evidence ? ` <span class="cite">(${htmlText(citeText(f.evidence, names))})</span>` : '',
        ),
    )
    .join('');
  const remediation = htmlTable(
    ['change', 'job', 'last known-good', 'rollback'],
    inv.remediation.map((r) => [
      code(r.changeId),
      r.jobId ? `<code class="name">${htmlBreakable(r.jobId)}</code>` : '—',
      r.previousCommit ? code(r.previousCommit) : '—',
      htmlBreakable(r.rollback),
    ]),
  );
  return (
    `<section><h2>Suspects</h2><p>Window ${htmlText(t(inv.changes.window.from))} → ${htmlText(t(inv.changes.window.to))}.</p>${suspects}${gaps}${verdicts}</section>` +
    `<section><h2>Governance</h2>${governance || '<p class="none">No changes to validate.</p>'}</section>` +
    `<section><h2>Remediation</h2>${remediation}</section>`
  );
}

/**
 * The ranked changes, one per row group: the change's facts on a row, its score terms in full under it across the
 * table (so eight narrow columns never squeeze the terms into a word a line). Where the rank is not the score's order
 * (the engine ranks by whether a change fits the shift and ran at all before its score), a sentence above says so.
 */
function suspectsTable(
  changes: Investigation['changes']['changes'],
  t: (iso: string | undefined) => string,
  sentence: (note: string) => string,
  names: ReportInput['sourceNames'],
): string {
  if (changes.length === 0) return '<p class="none">No change in this window was ranked.</p>';
  const header = ['rank', 'kind', 'id', 'time', 'actor', 'summary', 'score', 'evidence'];
  const groups = changes.map((c, i) => {
    const facts = [
      String(i + 1),
      htmlText(c.kind),
      code(c.id),
      timeCell(t(c.timestamp)),
      htmlBreakable(c.actor),
      htmlBreakable(c.summary),
      String(c.score),
      htmlBreakable(citeText(c.evidence, names)),
    ];
    const terms = c.reasons.map((r) => `<li>${htmlBreakable(`${r.term} ${r.value}: ${sentence(r.note)}`)}</li>`);
    return (
      `<tbody class="suspect"><tr class="suspect">${facts.map((f) => `<td>${f}</td>`).join('')}</tr>` +
      `<tr><td class="terms" colspan="${header.length}">Score terms<ul class="terms">${terms.join('')}</ul></td></tr></tbody>`
    );
  });
  const outOfScoreOrder = changes.some((c, i) => i > 0 && c.score > (changes[i - 1] as Change).score);
  const order = outOfScoreOrder
    ? '<p class="meta">The rank weighs first whether each change reached the data when the outcomes shifted, and whether it ran at all; only then its score, so a change may rank above one with a higher score.</p>'
    : '';
  return (
    order +
    `<table class="suspects"><thead><tr>${header.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead>` +
    `${groups.join('\n')}</table>`
  );
}

/** Annotations, preventive actions, pinned and starred evidence, and the evidence index. */
export function documentSection(input: ReportInput): string {
  const t = (iso: string) => formatTime(iso, input.timeZone);
  const c = input.case;
  const annotations = htmlTable(
    ['on', 'author', 'time', 'tags', 'text'],
    c.annotations.map((a) => [
      `${htmlText(a.target.kind)} ${code(a.target.id)}`,
      htmlText(a.author),
      timeCell(t(a.time)),
      htmlText(a.tags.join(', ')),
      htmlText(a.text),
    ]),
  );
  const actions = htmlTable(
    ['kind', 'action', 'author', 'time'],
    c.preventiveActions.map((p) => [htmlText(p.kind), htmlText(p.text), htmlText(p.author), timeCell(t(p.time))]),
  );
  const pinned = htmlTable(
    ['evidence', 'cited', 'pinned by'],
    c.pinnedEvidence.map((p) => [
      htmlText(p.label),
      htmlBreakable(citeText(p.evidence, input.sourceNames)),
      htmlText(p.pinnedBy),
    ]),
  );
  const starred = htmlTable(
    ['time', 'kind', 'evidence', 'tags', 'cited', 'starred by'],
    starredEntries(c).map((s) => [
      timeCell(t(s.entryTime)),
      htmlText(s.kind),
      htmlText(s.label),
      htmlText(s.tags.join(', ')),
      htmlBreakable(citeText(s.evidence, input.sourceNames)),
      htmlText(s.starredBy),
    ]),
  );
  const index = htmlTable(
    ['source file', 'SHA-256', 'lines or pointers cited'],
    evidenceIndex(input).map((s) => [
      htmlBreakable(s.name),
      `<code class="hash">${htmlText(s.sha256)}</code>`,
      htmlBreakable([lineList(s.lines), ...s.pointers.slice(0, 20)].filter(Boolean).join(', ') || '—'),
    ]),
  );
  const last = input.activity[input.activity.length - 1];
  return (
    reviewsHtml(reviewRows(c, input.activity), t) +
    `<section><h2>Annotations</h2>${annotations}</section>` +
    `<section><h2>Preventive actions</h2>${actions}</section>` +
    `<section><h2>Pinned evidence</h2>${pinned}</section>` +
    `<section><h2>Starred evidence</h2>${starred}</section>` +
    `<section><h2>Evidence index</h2>${index}<p>Activity log: ${input.activity.length} entries${last ? `, last hash <code class="hash">${htmlText(last.hash)}</code>` : ''}.</p></section>`
  );
}

/** A change's governance: its facts, then one row per control with its one verdict and the findings behind it. */
function governanceControlsHtml(
  findings: ReadonlyArray<GovernanceFinding>,
  zone: TimeZoneChoice,
  cite: (f: GovernanceFinding) => string,
) {
  const { controls, notes } = governanceControls(findings);
  const text = (f: GovernanceFinding) => htmlText(formatTimesIn(f.text, zone));
  const facts = notes.map((f) => `<p>${text(f)}${cite(f)}</p>`).join('');
  if (controls.length === 0) return facts;
  return (
    facts +
    htmlTable(
      ['control', 'verdict', 'evidence'],
      controls.map((c) => [
        htmlText(c.label),
        `<span class="control ${c.verdict}">${CONTROL_VERDICT_LABEL[c.verdict]}</span>`,
        c.findings.map((f) => `${text(f)}${cite(f)}`).join('<br>'),
      ]),
    )
  );
}
