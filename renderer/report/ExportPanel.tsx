import { useEffect, useState } from 'react';
import type { BundleExportResponse } from '../../shared/ipc/contract';
import { getApi } from '../api';
import { keyProblemOf, NO_PSEUDONYMS, PseudonymizeOptions, pseudonymizeKeyOf } from '../components/PseudonymizeOptions';
import { downloadText } from '../export/download';
import { selectCaseRecord, selectDecision, useInvestigation } from '../stores/investigation-store';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { BundleResult } from './BundleResult';
import { downloadBytes } from './download-bytes';
import { buildOpenCaseReport, exportCaseBundle, fromBase64, printReportPdf } from './export-actions';
import { openCaseTitle } from './open-case-record';
import './report.css';

type Busy = 'html' | 'md' | 'pdf' | 'bundle';
const BUSY_TEXT: Record<Busy, string> = {
  html: 'Building the HTML report…',
  md: 'Building the Markdown report…',
  pdf: 'Printing the PDF…',
  bundle: 'Writing the evidence bundle…',
};

/** The Document step's exports: the sealed report (HTML, Markdown, PDF) and the evidence bundle of the open case. */
export function ExportPanel() {
  const caseRecord = useInvestigation(selectCaseRecord);
  const decision = useInvestigation(selectDecision);
  const timeZone = useSettings(selectTimeZone);
  const [busy, setBusy] = useState<Busy>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [bundle, setBundle] = useState<BundleExportResponse>();
  const [pseudonyms, setPseudonyms] = useState(NO_PSEUDONYMS);
  const [web, setWeb] = useState(false);

  useEffect(() => {
    getApi()
      .invoke('app:info', {})
      .then((info) => setWeb(info.mode === 'web'))
      .catch(() => undefined);
    // Start the PDF printer now, so the first PDF does not wait for Chromium to start (a failure shows on print).
    getApi()
      .invoke('report:preparePdf', {})
      .catch(() => undefined);
  }, []);

  const ready = Boolean(caseRecord && decision);
  const keyProblem = keyProblemOf(pseudonyms);
  const base = caseRecord ? `${openCaseTitle(caseRecord)} — report` : 'report';

  const run = (what: Busy) => async () => {
    setBusy(what);
    setError(undefined);
    setDone(undefined);
    if (what === 'bundle') setBundle(undefined);
    try {
      const api = getApi();
      const report = await buildOpenCaseReport(api, timeZone);
      const seal = `report SHA-256 ${report.html.hash}`;
      if (what === 'html') {
        downloadText(`${base}.html`, report.html.text, 'text/html');
        setDone(`Saved ${base}.html (${seal}).`);
      } else if (what === 'md') {
        downloadText(`${base}.md`, report.markdown.text, 'text/markdown');
        setDone(`Saved ${base}.md (report SHA-256 ${report.markdown.hash}).`);
      } else if (what === 'pdf') {
        const pdf = await printReportPdf(api, report.html.text);
        downloadBytes(`${base}.pdf`, pdf, 'application/pdf');
        setDone(`Saved ${base}.pdf (${Math.ceil(pdf.byteLength / 1024)} KB; ${seal}).`);
      } else {
        const result = await exportCaseBundle(api, report, {
          pseudonymizeKey: pseudonymizeKeyOf(pseudonyms),
          archive: web,
        });
        setBundle(result);
        setDone(
          report.recordSource === 'headless'
            ? 'The case has no activity log yet: the bundle carries a case opened on the decision.'
            : undefined,
        );
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  const downloadTar = () => {
    if (bundle?.tarBase64 && bundle.tarName)
      downloadBytes(bundle.tarName, fromBase64(bundle.tarBase64), 'application/x-tar');
  };

  return (
    <section aria-labelledby="report-export-heading" className="card export-panel">
      <h3 id="report-export-heading">Report and evidence bundle</h3>
      <p className="muted">
        The sealed case report (its SHA-256 on every page) with the lineage card, timeline, scope, suspects, governance
        verdicts, remediation and evidence index, times in {timeZone === 'UTC' ? 'UTC' : 'local time'}. The bundle is a
        BagIt bag an auditor verifies offline.
      </p>
      <div className="actions">
        <button type="button" disabled={!ready || Boolean(busy)} onClick={run('html')}>
          Report (HTML)
        </button>
        <button type="button" disabled={!ready || Boolean(busy)} onClick={run('md')}>
          Markdown
        </button>
        <button type="button" disabled={!ready || Boolean(busy)} onClick={run('pdf')}>
          PDF
        </button>
        <button
          type="button"
          className="primary"
          disabled={!ready || Boolean(busy) || Boolean(keyProblem)}
          onClick={run('bundle')}
        >
          Evidence bundle
        </button>
      </div>
      <PseudonymizeOptions
        legend="Evidence bundle options"
        checkLabel="Pseudonymize subject ids"
        keyLabel="Pseudonymization key"
        hint="Subject ids become pseud- and the first 20 hex digits of HMAC-SHA-256(key, id), in the reports, the excerpts and the case's log (chained again). The key is never written into the bundle; keep it to recompute a known subject's pseudonym."
        value={pseudonyms}
        onChange={setPseudonyms}
      />
      {!ready && <p className="muted small">Exports need an open case with a chosen decision.</p>}
      <div aria-live="polite">
        {busy && <p className="muted">{BUSY_TEXT[busy]}</p>}
        {done && <p className="export-done">{done}</p>}
        {bundle && <BundleResult bundle={bundle} onDownloadTar={bundle.tarBase64 ? downloadTar : undefined} />}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
