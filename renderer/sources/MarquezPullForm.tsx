import { useId, useRef, useState, type FormEvent } from 'react';
import type { MarquezJobs, MarquezPullRequest } from '../../shared/ipc/marquez-channels';
import { getApi } from '../api';
import { plural } from '../import/format-progress';
import { selectImportText, useImports } from '../import/import-store';
import { pagedPull, type PullProgress } from './marquez-paged-pull';
import { pullSentence } from './marquez-pull-text';
import './marquez-pull.css';

const FIELDS = [
  ['url', 'Marquez URL', 'http://localhost:5000'],
  ['apiKey', 'API key', 'none'],
  ['namespace', 'Namespace', 'every namespace'],
  ['job', 'Job', 'every job'],
  ['after', 'From', '2026-02-01T00:00:00Z'],
  ['before', 'To', '2026-02-08T00:00:00Z'],
] as const;

type Field = (typeof FIELDS)[number][0];

/**
 * "Pull from Marquez": a window of a Marquez server's lineage events, the jobs asked for and their upstream, read by
 * the main process and imported as any OpenLineage file is (its SHA-256, its lines cited). The API key stays in the
 * main process for the run; the source is named by the server and the window.
 */
export function MarquezPullForm({ caseId }: { readonly caseId?: string }) {
  const importText = useImports(selectImportText);
  const [values, setValues] = useState<Readonly<Record<Field, string>>>({
    url: '',
    apiKey: '',
    namespace: '',
    job: '',
    after: '',
    before: '',
  });
  const [keyKept, setKeyKept] = useState(false);
  const [known, setKnown] = useState<MarquezJobs['namespaces']>([]);
  const [pulling, setPulling] = useState(false);
  const [summary, setSummary] = useState<string>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<PullProgress>();
  const stop = useRef<AbortController | undefined>(undefined);
  const id = useId();

  const apiKey = values.apiKey !== '' ? { apiKey: values.apiKey } : {};
  const listJobs = async () => {
    setPulling(true);
    setError(undefined);
    try {
      const listed = await getApi().invoke('marquez:jobs', { url: values.url.trim(), ...apiKey });
      setKeyKept(listed.keyKept);
      setValues({ ...values, apiKey: '' });
      setKnown(listed.namespaces);
      const jobs = listed.namespaces.reduce((n, ns) => n + ns.jobs.length, 0);
      setSummary(
        `${plural(listed.namespaces.length, 'namespace')} and ${plural(jobs, 'job')}: pick them under Namespace and Job.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPulling(false);
    }
  };
  const offered = {
    namespace: known.map((ns) => ns.namespace),
    job: known.filter((ns) => !values.namespace || ns.namespace === values.namespace).flatMap((ns) => ns.jobs),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPulling(true);
    setError(undefined);
    setSummary(undefined);
    const given = Object.entries(values).filter(([k, v]) => v.trim() !== '' && k !== 'apiKey');
    const request = { ...Object.fromEntries(given.map(([k, v]) => [k, v.trim()])), ...apiKey } as MarquezPullRequest;
    const controller = new AbortController();
    stop.current = controller;
    setProgress({ pages: 0, read: 0 });
    let last: PullProgress = { pages: 0, read: 0 };
    try {
      // A page a request, so that its progress shows and Cancel stops it between pages.
      const pull = await pagedPull(request, (p) => setProgress((last = p)), controller.signal);
      if (!pull) {
        setSummary(
          `Pull cancelled after ${plural(last.pages, 'page')} (${plural(last.read, 'event')}): nothing imported.`,
        );
        return;
      }
      setKeyKept(pull.keyKept);
      setValues({ ...values, apiKey: '' });
      setSummary(pullSentence(pull) + (pull.kept > 0 ? ' Importing it: its progress is under “Import evidence”.' : ''));
      if (pull.kept > 0) importText(pull.file, caseId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      stop.current = undefined;
      setProgress(undefined);
      setPulling(false);
    }
  };

  return (
    <section className="marquez-pull" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Pull from Marquez</h2>
      <p className="muted">
        A window of lineage from a Marquez server’s API (<code>/api/v1/events/lineage</code>, page by page): the jobs of
        a namespace, or one job, with every job upstream of them; empty fields take everything. The API key stays in the
        app’s main process, in memory until it quits; the source is named by the server and the window.
      </p>
      <form className="marquez-pull-form" onSubmit={(e) => void submit(e)} aria-label="Pull from Marquez">
        {FIELDS.map(([field, label, placeholder]) => (
          <label key={field} htmlFor={`${id}-${field}`}>
            {label}
            <input
              id={`${id}-${field}`}
              className={field === 'url' ? 'mono' : undefined}
              type={field === 'apiKey' ? 'password' : 'text'}
              autoComplete="off"
              required={field === 'url'}
              value={values[field]}
              placeholder={field === 'apiKey' && keyKept ? 'kept: type to replace it' : placeholder}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              {...((field === 'namespace' || field === 'job') && { list: `${id}-${field}-known` })}
            />
          </label>
        ))}
        {(['namespace', 'job'] as const).map((field) => (
          <datalist key={field} id={`${id}-${field}-known`}>
            {offered[field].map((name, i) => (
              <option key={`${i}-${name}`} value={name} />
            ))}
          </datalist>
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={pulling || values.url.trim() === ''}>
            {pulling ? 'Pulling…' : 'Pull lineage'}
          </button>
          <button type="button" disabled={pulling || values.url.trim() === ''} onClick={() => void listJobs()}>
            List namespaces and jobs
          </button>
        </div>
      </form>
      {pulling && !progress && (
        <p className="muted" aria-busy="true">
          Asking {values.url.trim()}…
        </p>
      )}
      {progress && (
        <PullProgressRow url={values.url.trim()} progress={progress} onCancel={() => stop.current?.abort()} />
      )}
      {summary && (
        <p className="notice" role="status">
          {summary}
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** A pull's progress as an import's shows (ImportProgressList.tsx): a bar, pages and events so far, and Cancel. */
function PullProgressRow({
  url,
  progress,
  onCancel,
}: {
  readonly url: string;
  readonly progress: PullProgress;
  readonly onCancel: () => void;
}) {
  const { pages, read, totalCount } = progress;
  return (
    <ul className="import-jobs">
      <li className="import-job">
        <span className="import-name mono">{url}</span>
        <progress max={totalCount || 1} value={totalCount ? read : 0} aria-label={`Pulling lineage from ${url}`} />
        <span className="import-figures muted small" data-testid="marquez-pull-progress">
          Pulling: {plural(pages, 'page')} read, {plural(read, 'event')} so far
          {totalCount !== undefined ? ` of ${totalCount.toLocaleString('en')}` : ''}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel the pull
        </button>
      </li>
    </ul>
  );
}
