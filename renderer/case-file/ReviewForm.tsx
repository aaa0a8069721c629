import { useId, useState } from 'react';
import { getApi } from '../api';
import { newId } from '../case/case-labels';
import { selectReviewerName, UNNAMED_REVIEWER, useReviewer } from '../case/reviewer-store';
import { targetText } from '../case/describe-activity';
import { selectCaseFileBusy, selectReviewCaseFile, useCaseFile, type OpenedCaseFile } from './case-file-store';
import {
  annotationTargets,
  reviewActions,
  VERDICT_LABELS,
  type DraftAnnotation,
  type DraftVerdict,
} from './review-actions';
import { caseFileName, saveCaseFile } from './save-case-file';

/**
 * The reviewer's part: annotations on the root cause, a change or a traced node, and a verdict with reasons; signed
 * with this app's key onto the file's chain, then exported back to the investigator.
 */
export function ReviewForm({ opened, mode }: { readonly opened: OpenedCaseFile; readonly mode: 'electron' | 'web' }) {
  const review = useCaseFile(selectReviewCaseFile);
  const busy = useCaseFile(selectCaseFileBusy);
  const reviewer = useReviewer(selectReviewerName) || UNNAMED_REVIEWER;
  const targets = annotationTargets(opened.file);
  const [drafts, setDrafts] = useState<DraftAnnotation[]>([]);
  const [targetIndex, setTargetIndex] = useState(0);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [verdict, setVerdict] = useState<DraftVerdict>({ verdict: '', text: '' });
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const ids = { target: useId(), text: useId(), tags: useId(), reasons: useId() };
  const intact = opened.verdict.ok;

  const addAnnotation = () => {
    const target = targets[targetIndex]?.target;
    if (!target || !text.trim()) return setProblem('An annotation needs its text.');
    setDrafts([...drafts, { id: newId('annotation'), target, text, tags }]);
    setText('');
    setTags('');
    setProblem(undefined);
  };

  const save = async (fileText: string) => {
    const title = opened.file.content.case.title;
    setSaved(await saveCaseFile(getApi(), mode, caseFileName(title, true), fileText));
  };

  const signAndExport = async () => {
    const built = reviewActions(drafts, verdict);
    if ('problem' in built) return setProblem(built.problem);
    setProblem(undefined);
    setSaved(undefined);
    if (!(await review(reviewer, built.actions))) return;
    setDrafts([]);
    setVerdict({ verdict: '', text: '' });
    const next = useCaseFile.getState().opened;
    if (next) await save(next.text).catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section aria-labelledby="review-heading" className="card case-file-review">
      <h2 id="review-heading">Your review</h2>
      {!intact && <p className="notice error">This file does not verify: a review cannot be signed onto it.</p>}
      <p className="muted small">
        Signed as <strong>{reviewer}</strong> with this app’s key ({opened.localFingerprint || 'none'}). Your entries
        are chained after the investigator’s; the rest of the file stays as it is.
      </p>
      <fieldset disabled={!intact || busy}>
        <legend>Annotation</legend>
        <div className="case-file-grid">
          <label htmlFor={ids.target}>On</label>
          <select id={ids.target} value={targetIndex} onChange={(e) => setTargetIndex(Number(e.target.value))}>
            {targets.map((t, i) => (
              <option key={`${t.target.kind}:${t.target.id}`} value={i}>
                {t.label}
              </option>
            ))}
          </select>
          <label htmlFor={ids.text}>Annotation</label>
          <textarea id={ids.text} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <label htmlFor={ids.tags}>Tags (comma-separated)</label>
          <input id={ids.tags} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
        <button type="button" onClick={addAnnotation}>
          Add annotation
        </button>
        {drafts.length > 0 && (
          <ul className="record-list" aria-label="Annotations to sign">
            {drafts.map((d) => (
              <li key={d.id}>
                <span className="record-meta">on {targetText(d.target)}</span>
                <p>{d.text}</p>
                <button type="button" onClick={() => setDrafts(drafts.filter((x) => x.id !== d.id))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset disabled={!intact || busy}>
        <legend>Verdict on the root cause</legend>
        <div className="segmented-list">
          {VERDICT_LABELS.map(([value, label]) => (
            <label key={value} className="export-check">
              <input
                type="radio"
                name="review-verdict"
                value={value}
                checked={verdict.verdict === value}
                onChange={() => setVerdict({ ...verdict, verdict: value })}
              />{' '}
              {label}
            </label>
          ))}
        </div>
        <label htmlFor={ids.reasons}>Reasons</label>
        <textarea
          id={ids.reasons}
          rows={3}
          value={verdict.text}
          onChange={(e) => setVerdict({ ...verdict, text: e.target.value })}
        />
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" disabled={!intact || busy} onClick={() => void signAndExport()}>
          Sign and export the reviewed file…
        </button>
        {opened.reviewedHere && (
          <button type="button" disabled={busy} onClick={() => void save(opened.text)}>
            Export the reviewed file again…
          </button>
        )}
      </div>
      <div aria-live="polite">
        {busy && <p className="muted">Signing…</p>}
        {saved && (
          <p className="export-done" data-testid="review-saved">
            Signed by {reviewer} ({opened.localFingerprint}). {saved}
          </p>
        )}
      </div>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
