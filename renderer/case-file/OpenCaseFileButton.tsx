import { chooseAndOpenCaseFile, selectCaseFileBusy, useCaseFile } from './case-file-store';
import { pickTextFile } from './pick-text-file';

/** The case list's "Open a case file…": a reviewer opens a case file read-only, with its provenance. */
export function OpenCaseFileButton() {
  const busy = useCaseFile(selectCaseFileBusy);
  return (
    <button type="button" disabled={busy} onClick={() => void chooseAndOpenCaseFile(pickTextFile)}>
      Open a case file…
    </button>
  );
}
