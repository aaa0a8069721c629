import { useEffect, useState } from 'react';
import type { CaseFileMergeResponse } from '../../shared/ipc/case-file-channels';
import { getApi } from '../api';
import { keyProblemOf, NO_PSEUDONYMS, PseudonymizeOptions, pseudonymizeKeyOf } from '../components/PseudonymizeOptions';
import { selectCanRecord, useCaseLog } from '../stores/case-log-store';
import { selectCaseRecord, selectDecision, useInvestigation } from '../stores/investigation-store';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { exportOpenCaseFile } from './export-case-file';
import { mergeReviewFile } from './merge-review';
import { MergeResult } from './MergeResult';
import { pickTextFile } from './pick-text-file';
import { caseFileName, saveCaseFile } from './save-case-file';
import './case-file.css';

type Busy = 'export' | 'merge';

/**
 * The investigator's side of the portable case file: "Export case file…" (signed with this app's key, optionally
 * pseudonymized) for a reviewer on another machine, and "Merge reviewer's file…" back into this case.
 */
export function CaseFilePanel() {
  const caseRecord = useInvestigation(selectCaseRecord);
  const decision = useInvestigation(selectDecision);
  const canRecord = useCaseLog(selectCanRecord);
  const timeZone = useSettings(selectTimeZone);
  const [mode, setMode] = useState<'electron' | 'web'>('web');
  const [busy, setBusy] = useState<Busy>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [merge, setMerge] = useState<{ text: string; result: CaseFileMergeResponse }>();
  const [pseudonyms, setPseudonyms] = useState(NO_PSEUDONYMS);

  useEffect(() => {
    getApi()
      .invoke('app:info', {})
      .then((info) => setMode(info.mode))
      .catch(() => undefined);
  }, []);

  const ready = Boolean(caseRecord && decision && canRecord);
  const keyProblem = keyProblemOf(pseudonyms);

  const run = async (what: Busy, work: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    setDone(undefined);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  const exportFile = () =>
    run('export', async () => {
      const api = getApi();
      const key = pseudonymizeKeyOf(pseudonyms);
      const out = await exportOpenCaseFile(api, timeZone, key === undefined ? {} : { pseudonymizeKey: key });
      const saved = await saveCaseFile(api, mode, caseFileName(out.title), out.text);
      setDone(
        `Signed by ${out.fingerprint}: ${out.entries} activity entries, ${out.records} cited records, ${out.nodes} traced nodes. ${saved}`,
      );
    });

  const mergeText = (text: string, rechain: boolean) =>
    run('merge', async () => {
      setMerge(undefined);
      setMerge({ text, result: await mergeReviewFile(getApi(), text, rechain) });
    });

  const mergeFile = async () => {
    const picked = await pickTextFile().catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    });
    if (picked) await mergeText(picked.text, false);
  };

  return (
    <section aria-labelledby="case-file-heading" className="card case-file-panel">
      <h3 id="case-file-heading">Portable case file (for a reviewer)</h3>
      <p className="muted">
        One signed JSON file with the case’s activity chain, the cited evidence records with their SHA-256, the traced
        subgraph and the pinned items. A reviewer opens it read-only in their copy of the app, adds annotations and a
        verdict signed with their key, and sends it back for you to merge.
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || Boolean(busy) || Boolean(keyProblem)}
          onClick={() => void exportFile()}
        >
          Export case file…
        </button>
        <button type="button" disabled={!ready || Boolean(busy)} onClick={() => void mergeFile()}>
          Merge reviewer’s file…
        </button>
      </div>
      <PseudonymizeOptions
        legend="Case file options"
        checkLabel="Pseudonymize subject ids in the evidence and the subgraph"
        keyLabel="Case file pseudonymization key"
        hint="Subject ids become pseud- and the first 20 hex digits of HMAC-SHA-256(key, id). The activity log is never rewritten: if an entry names a subject, the export stops and names the entry."
        value={pseudonyms}
        onChange={setPseudonyms}
      />
      {!ready && (
        <p className="muted small">
          The case file needs an open case with a chosen decision and an intact activity log.
        </p>
      )}
      <div aria-live="polite">
        {busy === 'export' && <p className="muted">Signing the case file…</p>}
        {busy === 'merge' && <p className="muted">Verifying both chains and every signature…</p>}
        {done && (
          <p className="export-done" data-testid="case-file-exported">
            {done}
          </p>
        )}
        {merge && <MergeResult result={merge.result} onRechain={() => void mergeText(merge.text, true)} />}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
