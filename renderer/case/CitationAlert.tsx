import { useEffect } from 'react';
import type { CitedSource } from '../../shared/case/citations';
import { lineList } from '../../shared/report/report-data';
import { getApi } from '../api';
import {
  selectActivity,
  selectCase,
  selectCheckCitations,
  selectCitations,
  selectLogStatus,
  useCaseLog,
} from '../stores/case-log-store';
import {
  selectCaseRecord,
  selectDecision,
  selectEvidence,
  selectFeatureName,
  selectResults,
  selectSources,
  selectStatus,
  useInvestigation,
} from '../stores/investigation-store';
import { type CitationFinding, caseCitedSources, recheckCitations } from './citation-check';
import './case.css';

/** What a source without a path says, by mode: the browser never gives one. */
const NO_PATH = {
  web: 'no path known (imported in the browser)',
  electron: 'no path known (imported before the app recorded paths)',
} as const;

/** `file (path)` for a cited source. */
function where(source: CitedSource) {
  return (
    <>
      <strong>{source.name}</strong>
      {source.path && source.path !== source.name && <span className="muted"> ({source.path})</span>}
    </>
  );
}

/** The citations in a source: its lines and JSON pointers. */
function citedIn(source: CitedSource): string {
  const parts = [];
  if (source.lines.length > 0) parts.push(`line${source.lines.length === 1 ? '' : 's'} ${lineList(source.lines, 20)}`);
  if (source.pointers.length > 0)
    parts.push(source.pointers.slice(0, 10).join(', ') + (source.pointers.length > 10 ? ' …' : ''));
  return parts.join('; ') || 'the whole file';
}

function Finding({ finding }: { readonly finding: CitationFinding }) {
  const s = finding.source;
  if (finding.kind === 'changed')
    return (
      <li>
        {where(s)}: changed on disk — expected SHA-256 <code>{finding.expected}</code>, actual{' '}
        <code>{finding.actual}</code>. Cited: {citedIn(s)}.
      </li>
    );
  if (finding.kind === 'unreadable')
    return (
      <li>
        {where(s)}: cannot be read ({finding.reason}) — expected SHA-256 <code>{finding.expected}</code>. Cited:{' '}
        {citedIn(s)}.
      </li>
    );
  return (
    <li>
      {where(s)}: {finding.commits.length} cited commit{finding.commits.length === 1 ? ' is' : 's are'} no longer in the
      repository ({finding.commits.map((c) => c.slice(0, 12)).join(', ')}){finding.reason && `: ${finding.reason}`}.
      Cited: {citedIn(s)}.
    </li>
  );
}

/**
 * Shown under the case header when the case opens: the cited sources re-checked on disk. Citations whose file
 * changed, is gone, or whose commits left the repository are listed in an alert — about the evidence files, not
 * the case's own activity log (that is ChainAlert). Sources with no known path are named as not re-checked.
 */
export function CitationAlert({ mode }: { readonly mode: 'web' | 'electron' }) {
  const caseRecord = useInvestigation(selectCaseRecord);
  const status = useInvestigation(selectStatus);
  const evidence = useInvestigation(selectEvidence);
  const sources = useInvestigation(selectSources);
  const decision = useInvestigation(selectDecision);
  const featureName = useInvestigation(selectFeatureName);
  const results = useInvestigation(selectResults);
  const logStatus = useCaseLog(selectLogStatus);
  const caseState = useCaseLog(selectCase);
  const activity = useCaseLog(selectActivity);
  const citations = useCaseLog(selectCitations);
  const check = useCaseLog(selectCheckCitations);

  useEffect(() => {
    if (status !== 'ready' || logStatus !== 'ready' || !caseRecord || !evidence || !caseState || citations) return;
    const input = { case: caseState, activity, evidence, sources, decision, featureName, results };
    void check(caseRecord.id, () =>
      recheckCitations(getApi(), caseCitedSources(input), sources, evidence, NO_PATH[mode]),
    );
  }, [
    status,
    logStatus,
    caseRecord,
    evidence,
    caseState,
    citations,
    activity,
    sources,
    decision,
    featureName,
    results,
    check,
    mode,
  ]);

  if (!citations || citations.status === 'checking') return null;
  if (citations.status === 'failed')
    return (
      <p className="notice error case-alert" role="alert">
        {citations.error}
      </p>
    );
  const { problems, unchanged, notChecked } = citations.report;
  // Nothing cited yet (no decision chosen when the case opened): nothing to say.
  if (problems.length + unchanged.length + notChecked.length === 0) return null;
  return (
    <section className="case-alert citation-check" aria-label="Cited sources re-checked">
      {problems.length > 0 && (
        <div className="notice citation-alert" role="alert">
          <strong>Cited evidence no longer matches what was imported.</strong> {problems.length} cited source
          {problems.length === 1 ? '' : 's'} changed since import, so the findings citing{' '}
          {problems.length === 1 ? 'it' : 'them'} no longer prove what they say (the case&apos;s activity log is not
          concerned). Re-import the file to cite its current content, or restore it.
          <ul>
            {problems.map((p) => (
              <Finding key={p.source.sha256} finding={p} />
            ))}
          </ul>
        </div>
      )}
      <details className="muted small citation-summary">
        <summary>
          Cited sources re-checked on opening: {unchanged.length} unchanged
          {problems.length > 0 && `, ${problems.length} no longer matching`}
          {notChecked.length > 0 && `, ${notChecked.length} not re-checked`}.
        </summary>
        <ul>
          {unchanged.map((source) => (
            <li key={source.sha256}>
              {source.name}: unchanged (SHA-256 {source.sha256.slice(0, 12)}…)
            </li>
          ))}
          {notChecked.map(({ source, reason }) => (
            <li key={source.sha256}>
              {source.name}: not re-checked: {reason}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
