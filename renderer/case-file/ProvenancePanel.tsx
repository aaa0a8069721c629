import { useId, useState } from 'react';
import { Time } from '../components/Time';
import { selectPinKey, selectPinnedKeys, useCaseFile, type OpenedCaseFile } from './case-file-store';
import { fileVerdict, signatureRows } from './signature-status';

const STATE_CLASS = { intact: 'ok', 'unknown-key': 'warn', altered: 'danger' } as const;

/**
 * Who signed the case file and whether it is intact: the verdict in one line, then every signer with role,
 * fingerprint, time, the entries covered and the result; every problem the verification found; and a field to pin
 * the fingerprint the investigator gave you.
 */
export function ProvenancePanel({ opened }: { readonly opened: OpenedCaseFile }) {
  const pinned = useCaseFile(selectPinnedKeys);
  const pin = useCaseFile(selectPinKey);
  const [typed, setTyped] = useState('');
  const pinId = useId();
  const rows = signatureRows(opened.verdict, opened.localFingerprint, pinned);
  const verdict = fileVerdict(opened.verdict, rows);
  const { content } = opened.file;
  return (
    <section aria-labelledby="provenance-heading" className="card case-file-provenance">
      <h2 id="provenance-heading">Provenance</h2>
      <p
        className={`case-file-verdict ${STATE_CLASS[verdict.state]}`}
        data-testid="case-file-verdict"
        data-state={verdict.state}
      >
        {verdict.headline}
      </p>
      <p className="small muted">
        {opened.name} · case <span className="mono">{content.caseId}</span> · exported{' '}
        <Time value={content.exportedAt} /> by {content.generator} · {opened.file.activity.length} activity entries,{' '}
        {content.evidence.length} cited records
        {content.pseudonymization
          ? ` · subject ids pseudonymized (${content.pseudonymization.method}, ${content.pseudonymization.subjects} subjects)`
          : ''}
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Signatures">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Signer</th>
              <th scope="col">Key fingerprint</th>
              <th scope="col">Signed</th>
              <th scope="col">Entries covered</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid="case-file-signature" data-state={r.state}>
                <td>{r.role}</td>
                <td>{r.signer}</td>
                <td className="mono wrap">{r.fingerprint}</td>
                <td>
                  <Time value={r.signedAt} />
                </td>
                <td>
                  1–{r.entries}
                  <span className="muted small">
                    {' '}
                    (added {r.firstAdded === r.entries ? r.entries : `${r.firstAdded}–${r.entries}`})
                  </span>
                </td>
                <td className={`case-file-result ${r.state}`}>{r.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        This app’s own key: <span className="mono wrap">{opened.localFingerprint || 'none'}</span>
      </p>
      {opened.verdict.problems.length > 0 && (
        <div role="alert" className="notice error">
          <p>What the verification found:</p>
          <ul data-testid="case-file-problems">
            {opened.verdict.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <form
        className="case-file-pin"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) pin(typed);
          setTyped('');
        }}
      >
        <label htmlFor={pinId}>Fingerprint the signer gave you (pin it as known)</label>
        <input
          id={pinId}
          className="mono"
          value={typed}
          placeholder="sha256:…"
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" disabled={!typed.trim()}>
          Pin key
        </button>
      </form>
    </section>
  );
}
