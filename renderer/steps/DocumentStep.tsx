import { renderCaseMarkdown } from '../../shared/report/case-markdown';
import { ActivityPanel } from '../case/ActivityPanel';
import { AnnotationsPanel } from '../case/AnnotationsPanel';
import { targetText } from '../case/describe-activity';
import { PinnedEvidencePanel } from '../case/PinnedEvidencePanel';
import { PreventiveActionsPanel } from '../case/PreventiveActionsPanel';
import { RootCausePanel } from '../case/RootCausePanel';
import { StepProgressList } from '../case/StepProgressList';
import { downloadText } from '../export/download';
import { selectCase, useCaseLog } from '../stores/case-log-store';
import {
  selectCaseRecord,
  selectDecision,
  selectFeatureName,
  selectResults,
  useInvestigation,
} from '../stores/investigation-store';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { ExportPanel } from '../report/ExportPanel';
import { CaseFilePanel } from '../case-file/CaseFilePanel';

/**
 * Step 7: the case record — root cause, preventive actions, annotations, pinned evidence, step progress and the
 * activity log — and the case file.
 */
export function DocumentStep() {
  const caseRecord = useInvestigation(selectCaseRecord);
  const decision = useInvestigation(selectDecision);
  const featureName = useInvestigation(selectFeatureName);
  const results = useInvestigation(selectResults);
  const current = useCaseLog(selectCase);
  const timeZone = useSettings(selectTimeZone);

  const { scope, trace, changes, governance, remediation } = results;
  const exportable = caseRecord && decision && featureName && scope && trace && changes && governance && remediation;
  const exportCase = () => {
    if (!exportable) return;
    const markdown = renderCaseMarkdown({
      title: current?.title ?? caseRecord.title,
      generatedAt: new Date().toISOString(),
      timeZone,
      decision,
      featureName,
      scope,
      trace,
      changes,
      governance,
      remediation,
      notes: (current?.annotations ?? []).map((a) => ({
        text: `${a.author} on ${targetText(a.target)}${a.tags.length ? ` [${a.tags.join(', ')}]` : ''}: ${a.text}`,
        createdAt: a.time,
      })),
    });
    downloadText(`${caseRecord.title}.md`, markdown);
  };

  return (
    <div className="stack">
      <ExportPanel />
      <CaseFilePanel />
      <RootCausePanel />
      <PreventiveActionsPanel />
      <AnnotationsPanel />
      <PinnedEvidencePanel />
      <section aria-labelledby="export-heading" className="card">
        <h3 id="export-heading">Case file</h3>
        <p className="muted">
          A Markdown file with the decision, its scope, the trace, the ranked changes, governance verdicts, the rollback
          plan and the annotations, with times in {timeZone === 'UTC' ? 'UTC' : 'local time'}.
        </p>
        <button type="button" className="primary" disabled={!exportable} onClick={exportCase}>
          Export case as Markdown
        </button>
        {!exportable && (
          <p className="muted small">Export needs a decision, a suspect feature and all analysis results.</p>
        )}
      </section>
      <StepProgressList />
      <ActivityPanel />
    </div>
  );
}
