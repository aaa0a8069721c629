import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { getApi } from '../api';
import { selectImportFiles, selectImportText, useImports } from './import-store';
import { ImportProgressList } from './ImportProgressList';
import { LastImportSummary } from './LastImportSummary';
import { watchImports } from './last-import-store';
import { MappingDialog } from './MappingDialog';
import { inputsFromDrop, inputsFromFileList, type PickedInputs } from './picked-inputs';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Importing evidence: drop files or folders anywhere on the window, pick files or a folder, or give a Git
 * repository's folder (read by the main process). Every file goes through the import worker; what the last import
 * gave stays above its rows, and after a reload (LastImportSummary).
 */
export function ImportPanel({ caseId, desktop }: { readonly caseId?: string; readonly desktop: boolean }) {
  const importFiles = useImports(selectImportFiles);
  const importText = useImports(selectImportText);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [repoPath, setRepoPath] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [reading, setReading] = useState(false);
  const repoId = useId();

  // Each import's summary is kept from its first file on, wherever the user is when it ends.
  useEffect(watchImports, []);

  const accept = (picked: PickedInputs) => {
    setError(undefined);
    if (picked.files.length > 0) importFiles(picked.files, caseId);
    const repos = picked.repositories;
    setNotice(
      repos.length > 0
        ? `${repos.join(', ')} ${repos.length === 1 ? 'is a Git repository' : 'are Git repositories'}: the browser ` +
            'cannot read its history. Give its folder’s absolute path below.'
        : picked.files.length === 0
          ? 'Nothing to import there (hidden files and node_modules are skipped).'
          : undefined,
    );
    if (repos.length > 0 && !repoPath) setRepoPath(repos[0] ?? '');
  };

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer) return;
      event.preventDefault();
      setDragging(false);
      inputsFromDrop(event.dataTransfer).then(accept, (e: unknown) =>
        setError(`Could not read the drop: ${message(e)}`),
      );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.files) accept(inputsFromFileList(event.target.files));
    event.target.value = '';
  };

  const readRepository = async (path: string) => {
    setReading(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const { file, warnings } = await getApi().invoke('git:readRepository', { path });
      importText(file, caseId);
      if (warnings.length) setNotice(warnings.join(' '));
    } catch (e) {
      setError(message(e));
    } finally {
      setReading(false);
    }
  };

  const submitRepository = (event: FormEvent) => {
    event.preventDefault();
    if (repoPath.trim()) void readRepository(repoPath.trim());
  };

  const chooseRepository = async () => {
    try {
      const { path } = await getApi().invoke('dialog:openRepository', {});
      if (path) {
        setRepoPath(path);
        await readRepository(path);
      }
    } catch (e) {
      setError(message(e));
    }
  };

  return (
    <section className={`import-panel${dragging ? ' dragging' : ''}`} aria-labelledby="import-heading">
      <h2 id="import-heading">Import evidence</h2>
      <p className="muted">
        Drop files or folders anywhere on this window, or pick them. Lineage events, decision logs, deployments, audit
        and enforcement logs, pull-request exports, identity graphs are recognized by their content.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => filesRef.current?.click()}>
          Import files…
        </button>
        <button type="button" onClick={() => folderRef.current?.click()}>
          Import a folder…
        </button>
        <input ref={filesRef} type="file" multiple hidden data-testid="import-files" onChange={onPicked} />
        <input
          ref={folderRef}
          type="file"
          multiple
          hidden
          data-testid="import-folder"
          onChange={onPicked}
          {...{ webkitdirectory: '' }}
        />
      </div>
      <form className="repository-form" onSubmit={submitRepository}>
        <label htmlFor={repoId}>Git repository folder (absolute path)</label>
        <div className="actions">
          <input
            id={repoId}
            className="mono"
            value={repoPath}
            placeholder="/home/you/src/pipelines"
            onChange={(e) => setRepoPath(e.target.value)}
          />
          <button type="submit" disabled={!repoPath.trim() || reading}>
            {reading ? 'Reading…' : 'Read repository'}
          </button>
          {desktop && (
            <button type="button" onClick={() => void chooseRepository()}>
              Choose folder…
            </button>
          )}
        </div>
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <LastImportSummary caseId={caseId} />
      <ImportProgressList caseId={caseId} />
      <MappingDialog />
    </section>
  );
}
