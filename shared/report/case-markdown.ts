import type { ChangesResult, GovernanceRow, RemediationPlan, ScopeResult, TraceResult } from '../analysis/types';
import type { Decision, Provenance } from '../model/records';
import { formatTime, type TimeZoneChoice } from '../time/format-time';
import { governanceMarkdown } from './governance-markdown';
import { mdCode, mdTable, mdText } from './markdown-escape';
import { subjectAndAction } from './report-data';
import { scopeSentence } from './scope-words';
import { pointerText } from '../model/citation';

export interface CaseNote {
  readonly text: string;
  readonly createdAt: string;
}

export interface CaseReportInput {
  readonly title: string;
  readonly generatedAt: string;
  readonly timeZone: TimeZoneChoice;
  readonly decision: Decision;
  readonly featureName: string;
  readonly scope: ScopeResult;
  readonly trace: TraceResult;
  readonly changes: ChangesResult;
  readonly governance: ReadonlyArray<GovernanceRow>;
  readonly remediation: ReadonlyArray<RemediationPlan>;
  readonly notes: ReadonlyArray<CaseNote>;
  /** Source id → file name, to cite evidence by file. */
  readonly sourceNames?: Readonly<Record<string, string>>;
}

/** Renders the case as a Markdown file: every step's findings, with full ids and evidence citations. */
export function renderCaseMarkdown(input: CaseReportInput): string {
  const t = (iso: string | undefined) => (iso ? formatTime(iso, input.timeZone) : '—');
  const cite = (p: Provenance | undefined) => citation(p, input.sourceNames);
  const d = input.decision;
  const top = input.changes.changes[0];
  const recorded = subjectAndAction(d);
  const out: string[] = [];
  out.push(`# ${mdText(input.title)}`, '');
  out.push(`Generated ${t(input.generatedAt)} by Lineage Investigator.`, '');
  out.push('## Summary', '');
  out.push(
    `Decision ${mdCode(d.decisionId)} of model ${mdText(d.model.name)}${d.model.version ? ` ${mdText(d.model.version)}` : ''} ` +
      `at ${t(d.timestamp)}${recorded.length ? ` (${recorded.map(mdText).join(', ')})` : ''}. ` +
      `Suspect feature: ${mdText(input.featureName)}.`,
  );
  if (top) {
    out.push(
      '',
      `Top-ranked change: ${top.kind} ${mdCode(top.id)} — ${mdText(top.summary)} by ${mdText(top.actor)} at ${t(top.timestamp)} (score ${top.score}).`,
    );
  }
  out.push('', '## 1. Identify', '');
  out.push(
    mdTable(
      ['feature', 'value', 'dataset', 'field', 'dataset version', 'feature version'],
      d.features.map((f) => [
        mdText(f.name),
        mdText(JSON.stringify(f.value ?? null)),
        f.dataset ? mdCode(`${f.dataset.namespace}:${f.dataset.name}`) : '—',
        mdText(f.field ?? '—'),
        f.datasetVersion ? mdCode(f.datasetVersion) : '—',
        mdText(f.featureVersion ?? '—'),
      ]),
    ),
  );
  const s = input.scope;
  out.push('', '## 2. Scope', '');
  out.push(`${mdText(scopeSentence(s, t))} The first on ${t(s.first)}, the last on ${t(s.last)}.`);
  out.push('', '## 3. Trace (as of the decision)', '');
  out.push(
    mdTable(
      ['depth', 'kind', 'node', 'version', 'time', 'evidence'],
      [...input.trace.nodes]
        .sort((a, b) => a.depth - b.depth)
        .map((n) => [
          String(n.depth),
          n.kind,
          mdCode(n.id),
          n.version ? mdCode(n.version) : '—',
          t(n.time),
          cite(n.evidence),
        ]),
    ),
  );
  for (const gap of input.trace.gaps) out.push(`- Gap: ${mdText(gap)}`);
  const c = input.changes;
  out.push('', '## 4. Changes', '');
  out.push(
    `Window ${t(c.window.from)} → ${t(c.window.to)}; onset: decision ${mdCode(c.firstWrong?.decisionId ?? '—')} at ${t(c.firstWrong?.timestamp)}.`,
    '',
  );
  out.push(
    mdTable(
      ['rank', 'kind', 'id', 'time', 'actor', 'summary', 'touches', 'score', 'reasons'],
      c.changes.map((ch, i) => [
        String(i + 1),
        ch.kind,
        mdCode(ch.id),
        t(ch.timestamp),
        mdText(ch.actor),
        mdText(ch.summary),
        ch.touches.map(mdCode).join(', '),
        String(ch.score),
        ch.reasons.map((r) => `${r.term} ${r.value}`).join('; '),
      ]),
    ),
  );
  for (const gap of c.gaps) out.push(`- Gap: ${mdText(gap)}`);
  out.push('', '## 5. Governance', '');
  out.push(...governanceMarkdown(input.governance, cite, input.timeZone));
  out.push('## 6. Remediate', '');
  for (const r of input.remediation) {
    out.push(
      `- ${mdCode(r.changeId)}${r.jobId ? ` on ${mdCode(r.jobId)}` : ''}: last known-good ${r.previousCommit ? mdCode(r.previousCommit) : '—'}. ${mdText(r.rollback)}`,
    );
  }
  out.push('', '## 7. Notes', '');
  if (input.notes.length === 0) out.push('No notes.');
  for (const n of input.notes) out.push(`- ${t(n.createdAt)}: ${mdText(n.text)}`);
  return `${out.join('\n')}\n`;
}

function citation(p: Provenance | undefined, names: Readonly<Record<string, string>> | undefined): string {
  if (!p) return '—';
  const file = names?.[p.sourceId] ?? p.sourceId.slice(0, 12);
  const where = p.line !== undefined ? `line ${p.line}` : p.pointer !== undefined ? pointerText(p.pointer) : '';
  return `${mdText(file)}${where ? ` ${mdText(where)}` : ''}`;
}
