/**
 * The portable case file in the main process: export (signed with the investigator's key it keeps), open (verify),
 * review (the reviewer's entries signed with this app's key) and merge (both chains and every signature verified
 * against the open case). The key never reaches the renderer; the domain is shared/case/portable-case*.ts.
 */
import type { CaseRecord } from '../../shared/case/case-types.js';
import type { PortableCaseFile } from '../../shared/case/case-file-format.js';
import { buildCaseFile, reviewCaseFile } from '../../shared/case/portable-case.js';
import { mergeCaseFile } from '../../shared/case/portable-case-merge.js';
import { parseCaseFile, verifyCaseFile, type CaseFileVerdict } from '../../shared/case/portable-case-verify.js';
import type { CaseFileVerdictView } from '../../shared/ipc/case-file-channels.js';
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import type { BundleSigner } from '../bundle/bundle-signature.js';
import { caseFileSigner, checkCaseFileSignature } from '../bundle/case-file-keys.js';
import { pseudonymFor, sha256Hex } from '../bundle/hashing.js';
import { findSubjectId, pseudonymizeText } from '../bundle/pseudonymize.js';
import type { ChooseFile } from './file-chooser.js';
import type { SaveFile } from './file-saver.js';
import { checkCaseRecord } from './report-services.js';

export interface CaseFileServiceDependencies {
  readonly appName: string;
  readonly appVersion: string;
  readonly signer?: () => Promise<BundleSigner>;
  readonly now?: () => Date;
  /** Electron's save dialog for `caseFile:save` (absent in web mode, where the browser downloads the file). */
  readonly saveFile?: SaveFile;
  /** Electron's open dialog for `caseFile:choose` (absent in web mode, where the page's file chooser is used). */
  readonly chooseFile?: ChooseFile;
}

const view = (v: CaseFileVerdict): CaseFileVerdictView => ({
  ok: v.ok,
  problems: v.problems,
  signatures: v.signatures,
  investigatorEntries: v.investigatorEntries,
  reviewerEntries: v.reviewerEntries,
  evidenceRecords: v.evidenceRecords,
  ...(v.chain.ok ? {} : { brokenEntry: v.chain.index + 1 }),
});

const text = (file: PortableCaseFile) => `${JSON.stringify(file, null, 2)}\n`;

/** The handlers of `caseFile:export`, `caseFile:open`, `caseFile:review`, `caseFile:merge` and `caseFile:save`. */
export function createCaseFileHandlers(
  deps: CaseFileServiceDependencies,
): Pick<
  IpcHandlers,
  'caseFile:export' | 'caseFile:open' | 'caseFile:review' | 'caseFile:merge' | 'caseFile:save' | 'caseFile:choose'
> {
  const now = deps.now ?? (() => new Date());
  const key = async () => {
    if (!deps.signer) throw new Error('This app has no signing key: it cannot sign case files.');
    return deps.signer();
  };
  return {
    async 'caseFile:export'(request) {
      const record = await checkCaseRecord(request.caseRecord);
      const k = await key();
      const p = request.pseudonymize;
      const ids = new Set(p?.subjectIds ?? []);
      const pseudonym = p && pseudonymFor(p.key);
      const file = await buildCaseFile(
        {
          record,
          excerpts: request.excerpts,
          subgraph: request.subgraph as unknown as PortableCaseFile['content']['subgraph'],
          generator: `${deps.appName} ${deps.appVersion}`,
          now: now().toISOString(),
          ...(pseudonym && {
            pseudonyms: {
              method: 'HMAC-SHA-256 keyed by the investigator, first 20 hex digits (pseud-…)',
              subjects: ids.size,
              replace: (t: string) => pseudonymizeText(t, ids, pseudonym),
              find: (t: string) => findSubjectId(t, ids),
            },
          }),
        },
        caseFileSigner(k, request.signer),
        sha256Hex,
      );
      return {
        text: text(file),
        fingerprint: k.fingerprint,
        entries: file.activity.length,
        records: file.content.evidence.length,
      };
    },
    async 'caseFile:open'({ text: t }) {
      const file = parseCaseFile(t, 'The case file');
      const verdict = await verifyCaseFile(file, sha256Hex, checkCaseFileSignature);
      const localFingerprint = deps.signer ? (await deps.signer()).fingerprint : '';
      return { verdict: view(verdict), localFingerprint };
    },
    async 'caseFile:review'({ text: t, reviewer, actions }) {
      const file = parseCaseFile(t, 'The case file');
      const k = await key();
      const at = now().toISOString();
      const reviewed = await reviewCaseFile(
        file,
        actions.map((a) => ({ ...a, time: at })),
        caseFileSigner(k, reviewer),
        at,
        sha256Hex,
        checkCaseFileSignature,
      );
      return { text: text(reviewed), fingerprint: k.fingerprint };
    },
    async 'caseFile:choose'() {
      if (!deps.chooseFile) throw new Error('No file dialog in web mode: use "Open a case file…" on the case list.');
      return { file: await deps.chooseFile() };
    },
    async 'caseFile:save'({ text: t, suggestedName }) {
      if (!deps.saveFile) throw new Error('No save dialog in web mode: the browser downloads the case file.');
      return { path: await deps.saveFile(suggestedName, t) };
    },
    async 'caseFile:merge'({ text: t, caseRecord, actor, rechain }) {
      const local: CaseRecord = await checkCaseRecord(caseRecord);
      const file = parseCaseFile(t, 'The review file');
      const k = await key();
      const out = await mergeCaseFile(
        local,
        file,
        { localFingerprint: k.fingerprint, actor, time: now().toISOString(), rechain },
        sha256Hex,
        checkCaseFileSignature,
      );
      const reviewerEntries = file.activity.slice(out.verdict.investigatorEntries);
      if (out.kind === 'merged')
        return {
          kind: 'merged',
          conflicts: out.resolved,
          appended: out.appended,
          rechained: out.rechained,
          reviewerEntries,
          verdict: view(out.verdict),
        };
      return {
        kind: out.kind,
        conflicts: out.kind === 'conflict' ? out.conflicts : [],
        appended: [],
        rechained: false,
        reviewerEntries,
        verdict: view(out.verdict),
      };
    },
  };
}
