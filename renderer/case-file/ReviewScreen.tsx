import type { AppInfo } from '../../shared/ipc/contract';
import { ReviewerName } from '../case/ReviewerName';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { CaseFileContents } from './CaseFileContents';
import { selectCaseFileError, selectCloseCaseFile, selectOpenedCaseFile, useCaseFile } from './case-file-store';
import { ProvenancePanel } from './ProvenancePanel';
import { ReviewForm } from './ReviewForm';
import './case-file.css';

/**
 * A portable case file opened read-only, as a reviewer on another machine sees it: its provenance (every signer,
 * fingerprint, time, entries covered, verification result), the case, the cited evidence, the traced subgraph, the
 * pinned items and the activity chain; then the reviewer's annotations and verdict, signed and exported back.
 */
export function ReviewScreen({ info }: { readonly info: AppInfo }) {
  const opened = useCaseFile(selectOpenedCaseFile);
  const error = useCaseFile(selectCaseFileError);
  const close = useCaseFile(selectCloseCaseFile);
  return (
    <div className="app-shell">
      <header className="app-header">
        <p className="brand">Lineage Investigator</p>
        <button type="button" onClick={close}>
          ← Close the case file
        </button>
        <span className="muted small">Case file · read-only</span>
        <span className="spacer" />
        <ReviewerName />
        <TimeZoneSwitch />
        <ThemeSwitch />
      </header>
      <main className="page case-file-page">
        {!opened ? (
          <p className="notice error" role="alert">
            {error ?? 'No case file is open.'}
          </p>
        ) : (
          <>
            <div className="page-title">
              <h1>{opened.file.content.case.title}</h1>
              <span className="badge">read-only</span>
            </div>
            {error && (
              <p className="notice error" role="alert">
                {error}
              </p>
            )}
            <ProvenancePanel opened={opened} />
            <ReviewForm key={`${opened.name}:${opened.file.content.caseId}`} opened={opened} mode={info.mode} />
            <CaseFileContents file={opened.file} />
          </>
        )}
      </main>
    </div>
  );
}
