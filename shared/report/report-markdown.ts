/**
 * The case report as Markdown, with the same sections as the HTML report (figures as tables). All imported text
 * is escaped; the report's own hash is printed at the top and the bottom (see `report-seal.ts`).
 */
import type { Sha256 } from '../case/case-types';
import { CASE_STEPS } from '../case/case-types';
import { formatTime, formatTimesIn } from '../time/format-time';
import { citationList } from '../model/citation';
import { governanceMarkdown } from './governance-markdown';
import { mdCode, mdTable, mdText } from './markdown-escape';
import {
  cardRows,
  citeText,
  evidenceIndex,
  lineList,
  recordKeepingRows,
  reportTimeline,
  starredEntries,
  subjectAndAction,
  type ReportInput,
} from './report-data';
import { anchorsSectionMarkdown } from './report-anchor-section';
import { reviewRows, reviewsMarkdown } from './review-verdicts';
import { decisionsAndSubjects, scopeSentence } from './scope-words';
import { suspectVerdictRows, suspectVerdictsMarkdown } from './suspect-verdicts';
import { REPORT_HASH_LABEL, REPORT_HASH_PLACEHOLDER, sealReport } from './report-seal';

/** The Markdown report before sealing (holds the hash placeholder). */
export function renderReportMarkdownUnsealed(input: ReportInput): string {
  const t = (iso: string | undefined) => (iso ? formatTime(iso, input.timeZone) : '—');
  const cite = (p: Parameters<typeof citeText>[0]) => mdText(citeText(p, input.sourceNames));
  const c = input.case;
  const inv = input.investigation;
  const d = inv.decision;
  const s = inv.scope;
  const seal = `${REPORT_HASH_LABEL}${REPORT_HASH_PLACEHOLDER}`;
  const out: string[] = [`# ${mdText(c.title)}`, ''];
  out.push(`Case ${mdCode(c.id)} · generated ${t(input.generatedAt)} by ${mdText(input.generator)} · ${seal}`, '');
  out.push('## Summary', '');
  out.push(
    mdTable(
      ['case', 'severity', 'status', 'owner', 'opened', 'decisions'],
      [
        [
          mdCode(c.id),
          mdText(c.severity),
          mdText(c.status),
          mdText(c.owner),
          t(c.openedAt),
          c.decisionIds.map(mdCode).join(', '),
        ],
      ],
    ),
    '',
  );
  const top = inv.changes.changes[0];
  const recorded = subjectAndAction(d);
  out.push(
    `Decision ${mdCode(d.decisionId)} of model ${mdText(d.model.name)}${d.model.version ? ` ${mdText(d.model.version)}` : ''} at ${t(d.timestamp)}` +
      `${recorded.length ? ` (${recorded.map(mdText).join(', ')})` : ''}. Suspect feature: ${mdCode(inv.featureName)}. ` +
      `${mdText(scopeSentence(s, t))}` +
      (top
        ? ` Top-ranked change: ${mdText(top.kind)} ${mdCode(top.id)} — ${mdText(top.summary)} by ${mdText(top.actor)} (score ${top.score}).`
        : ''),
    '',
  );
  out.push(
    c.rootCause
      ? `**Root cause** (confirmed by ${mdText(c.rootCause.author)} at ${t(c.rootCause.confirmedAt)}): ${mdText(c.rootCause.statement)} ${c.rootCause.changeIds.map(mdCode).join(', ')}`
      : '**Root cause:** not yet confirmed.',
    '',
  );
  out.push(
    mdTable(
      ['step', 'state', 'when'],
      CASE_STEPS.map((name) => {
        const st = c.steps.find((x) => x.step === name);
        return [
          name,
          mdText(st?.completedAt ? 'completed' : st?.skippedReason ? `skipped: ${st.skippedReason}` : 'open'),
          t(st?.completedAt ?? st?.skippedAt),
        ];
      }),
    ),
    '',
  );
  out.push(`## Lineage card (as of ${t(inv.card.asOf)})`, '');
  out.push(
    mdTable(
      ['question', 'answer', 'evidence'],
      cardRows(inv, input.timeZone).map((r) => [
        mdText(r.question),
        `${r.gap ? `**Gap: ${mdText(r.gap)}.** ` : ''}${mdText(r.answer)}`,
        mdText(citationList(r.evidence, (id) => input.sourceNames[id] ?? id.slice(0, 12), 'words')) || '—',
      ]),
    ),
    '',
  );
  out.push('### Lineage path (decision first, up to the origin)', '');
  out.push(
    mdTable(
      ['#', 'kind', 'node', 'version', 'time', 'evidence'],
      inv.card.path.map((n, i) => [
        String(i + 1),
        n.kind,
        mdCode(n.id),
        n.version ? mdCode(n.version) : '—',
        t(n.time),
        cite(n.evidence),
      ]),
    ),
    '',
  );
  for (const gap of inv.trace.gaps) out.push(`- Gap: ${mdText(formatTimesIn(gap, input.timeZone))}`);
  out.push('## Timeline', '');
  out.push(
    mdTable(
      ['time', 'kind', 'id', 'what'],
      reportTimeline(inv).map((e) => [t(e.time), e.kind, mdCode(e.id), mdText(e.text)]),
    ),
    '',
  );
  out.push('## Scope', '');
  out.push(
    `${mdText(decisionsAndSubjects(s, ', '))}, ${s.versionKind === 'none' ? 'no version recorded' : `${s.versionKind.replace('_', ' ')} ${mdCode(s.version)}`}, from ${t(s.first)} to ${t(s.last)}.`,
    '',
  );
  out.push(
    mdTable(
      [`${s.bucket} from (UTC buckets)`, 'decisions'],
      s.histogram.filter((b) => b.count > 0).map((b) => [t(b.start), String(b.count)]),
    ),
    '',
  );
  out.push('## Suspects', '', `Window ${t(inv.changes.window.from)} → ${t(inv.changes.window.to)}.`, '');
  out.push(
    mdTable(
      ['rank', 'kind', 'id', 'time', 'actor', 'summary', 'score', 'terms', 'evidence'],
      inv.changes.changes.map((ch, i) => [
        String(i + 1),
        ch.kind,
        mdCode(ch.id),
        t(ch.timestamp),
        mdText(ch.actor),
        mdText(ch.summary),
        String(ch.score),
        ch.reasons.map((r) => mdText(`${r.term} ${r.value}: ${formatTimesIn(r.note, input.timeZone)}`)).join('; '),
        cite(ch.evidence),
      ]),
    ),
    '',
  );
  for (const gap of inv.changes.gaps) out.push(`- Gap: ${mdText(formatTimesIn(gap, input.timeZone))}`);
  if (inv.changes.gaps.length) out.push('');
  out.push(...suspectVerdictsMarkdown(suspectVerdictRows(c, inv), t));
  out.push('## Governance', '');
  out.push(...governanceMarkdown(inv.governance, cite, input.timeZone));
  const kept = recordKeepingRows(input);
  out.push('## Record keeping', '');
  out.push(
    `Decision ${mdCode(d.decisionId)}: ${kept.filter((r) => r.present).length} of ${kept.length} fields logged (EU AI Act Art. 12 and 19, ISO/IEC 42001 A.6.2.8).`,
    '',
    mdTable(
      ['field', 'status', 'value', 'evidence'],
      kept.map((r) => [
        mdText(r.field),
        r.present ? 'present' : '**missing**',
        mdText(r.value),
        r.evidence ? cite(r.evidence) : '—',
      ]),
    ),
    '',
  );
  out.push('## Remediation', '');
  out.push(
    mdTable(
      ['change', 'job', 'last known-good', 'rollback'],
      inv.remediation.map((r) => [
        mdCode(r.changeId),
        r.jobId ? mdCode(r.jobId) : '—',
        r.previousCommit ? mdCode(r.previousCommit) : '—',
        mdText(r.rollback),
      ]),
    ),
    '',
  );
  out.push(...reviewsMarkdown(reviewRows(c, input.activity), t));
  out.push('## Annotations', '');
  out.push(
    c.annotations.length
      ? mdTable(
          ['on', 'author', 'time', 'tags', 'text'],
          c.annotations.map((a) => [
            `${a.target.kind} ${mdCode(a.target.id)}`,
            mdText(a.author),
            t(a.time),
            mdText(a.tags.join(', ')),
            mdText(a.text),
          ]),
        )
      : 'None.',
    '',
  );
  out.push('## Preventive actions', '');
  out.push(
    c.preventiveActions.length
      ? mdTable(
          ['kind', 'action', 'author', 'time'],
          c.preventiveActions.map((p) => [p.kind, mdText(p.text), mdText(p.author), t(p.time)]),
        )
      : 'None.',
    '',
  );
  out.push('## Pinned evidence', '');
  out.push(
    c.pinnedEvidence.length
      ? mdTable(
          ['evidence', 'cited', 'pinned by'],
          c.pinnedEvidence.map((p) => [mdText(p.label), cite(p.evidence), mdText(p.pinnedBy)]),
        )
      : 'None.',
    '',
  );
  out.push('## Starred evidence', '');
  const starred = starredEntries(c);
  out.push(
    starred.length
      ? mdTable(
          ['time', 'kind', 'evidence', 'tags', 'cited', 'starred by'],
          starred.map((s) => [
            t(s.entryTime),
            mdText(s.kind),
            mdText(s.label),
            mdText(s.tags.join(', ')),
            cite(s.evidence),
            mdText(s.starredBy),
          ]),
        )
      : 'None.',
    '',
  );
  out.push('## Evidence index', '');
  out.push(
    mdTable(
      ['source file', 'SHA-256', 'lines or pointers cited'],
      evidenceIndex(input).map((e) => [
        mdText(e.name),
        mdCode(e.sha256),
        mdText([lineList(e.lines), ...e.pointers.slice(0, 20)].filter(Boolean).join(', ') || '—'),
      ]),
    ),
    '',
  );
  const last = input.activity[input.activity.length - 1];
  out.push(`Activity log: ${input.activity.length} entries${last ? `, last hash ${mdCode(last.hash)}` : ''}.`, '');
  out.push(...anchorsSectionMarkdown(input));
  out.push(
    '---',
    '',
    seal,
    '',
    'The hash is the SHA-256 of this file with every occurrence of the hash replaced by the placeholder \\{\\{REPORT-SHA256\\}\\} (see docs/evidence-bundle.md).',
    '',
  );
  return out.join('\n');
}

/** Renders and seals the Markdown report. */
export function renderReportMarkdown(input: ReportInput, sha256: Sha256): Promise<{ text: string; hash: string }> {
  return sealReport(renderReportMarkdownUnsealed(input), sha256);
}
