/**
 * The one typed IPC contract: channel → request → response.
 * Served by Electron's ipcMain (electron/ipc-main.ts) and by the loopback bridge of web mode
 * (electron/bridge/). Every request is validated against its schema before a handler sees it.
 */
import { z } from 'zod';
import { caseFileSchemas, type CaseFileChannels } from './case-file-channels';
import { connectionAffectedSchemas, type ConnectionAffectedChannels } from './connection-affected-channels';
import { connectionSchemas, type ConnectionChannels } from './connection-channels';
import { marquezSchemas, type MarquezChannels } from './marquez-channels';
import { monitorSchemas, type MonitorChannels } from './monitor-channels';
import {
  connectionInvestigationSchemas,
  type ConnectionInvestigationChannels,
} from './connection-investigation-channels';

/** One input file handed to the renderer for import. */
export interface InputFile {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly text: string;
  /**
   * Set only where the text is not the file itself: `git-log` is the output of
   * `git log` in the format of shared/importers/git-log-format.ts, made by the main process
   * from a repository (whose bundle's SHA-256 is `sha256`).
   */
  readonly derivedAs?: 'git-log';
  /** For `git-log`: the repository handle to pass to `git:show`. */
  readonly repository?: string;
  /** For `git-log`: which reader made the text — the system git, or isomorphic-git where git is not installed. */
  readonly gitReader?: 'git-cli' | 'isomorphic-git';
  /** Where the main process read the file: its absolute path on this machine (the built-in sample's files). */
  readonly path?: string;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly mode: 'electron' | 'web';
  readonly platform: string;
  /** Which Git reader runs: the system `git` (with its version), or none. */
  readonly git: { readonly available: boolean; readonly version?: string };
}

/** The built-in sample investigation: its description and its input files. */
export interface SampleCase {
  readonly title: string;
  readonly description: string;
  /** The decision the investigation starts from. */
  readonly decisionId: string;
  /** The feature of that decision that is suspect. */
  readonly featureName: string;
  readonly files: ReadonlyArray<InputFile>;
}

export interface GitShowRequest {
  readonly repository: string;
  readonly commit: string;
  readonly path: string;
}

export interface GitShowResponse {
  /** The file's text at that commit, or null where the path did not exist there. */
  readonly text: string | null;
}

/** A local Git repository to read with `git log` (an absolute path to its folder). */
export interface ReadRepositoryRequest {
  readonly path: string;
}

export interface ReadRepositoryResponse {
  /** The repository's history as a `git-log` input file (its SHA-256 is that of the text). */
  readonly file: InputFile;
  /** E.g. a shallow clone: its history stops early. */
  readonly warnings: ReadonlyArray<string>;
}

export interface OpenRepositoryResponse {
  /** The folder the user chose, or null when the dialog was cancelled. */
  readonly path: string | null;
}

/** `report:pdf`: print a sealed HTML report to PDF in the main process (Electron's printToPDF, else Chromium). */
export interface ReportPdfRequest {
  readonly html: string;
}

export interface ReportPdfResponse {
  /** The PDF's bytes, base64 (the bridge carries JSON). */
  readonly pdfBase64: string;
  readonly bytes: number;
  /** How the PDF was printed, e.g. `electron printToPDF` or `headless Chromium`. */
  readonly printer: string;
}

/** One cited source's excerpt as the app has it: the cited records, by line or JSON pointer. */
export interface BundleExcerpt {
  readonly name: string;
  readonly sha256: string;
  /** How many records were imported from the source. */
  readonly records: number;
  readonly lines: ReadonlyArray<number>;
  readonly pointers: ReadonlyArray<string>;
  /** The excerpt as JSON Lines (header, then one line per citation). */
  readonly text: string;
}

/** `bundle:export`: write an open case's evidence bundle (a BagIt bag) under the app's exports folder. */
export interface BundleExportRequest {
  /** The case and its hash-chained activity log (`case.json`). */
  readonly caseRecord: { readonly case: { readonly id: string; readonly title: string }; readonly activity: unknown[] };
  /** The sealed reports (HTML and Markdown) and the HTML report's hash. */
  readonly reportHtml: string;
  readonly reportMarkdown: string;
  readonly reportHash: string;
  readonly excerpts: ReadonlyArray<BundleExcerpt>;
  /** Replace these subject ids by keyed pseudonyms (HMAC-SHA-256 with the key; the key is never stored). */
  readonly pseudonymize?: { readonly key: string; readonly subjectIds: ReadonlyArray<string> };
  /** Also return the bag as a .tar (web mode offers it as a download). */
  readonly archive?: boolean;
  /**
   * The saved connection the case's decisions are read from, and the decisions the case read whole, each by its model
   * and its id (two models' logs often number their decisions alike): the bundle cites each by the query that reads
   * it there, with its row count and rows' SHA-256, for `verify` to re-run.
   */
  readonly connection?: {
    readonly id: string;
    readonly decisions: ReadonlyArray<{ readonly model: string; readonly decisionId: string }>;
  };
}

export interface BundleExportResponse {
  /** The bag's folder on this machine. */
  readonly path: string;
  readonly files: number;
  readonly bytes: number;
  readonly payloadOxum: string;
  /** The command that verifies it. */
  readonly verifyCommand: string;
  /** The bag as a POSIX tar, base64, when `archive` was asked (and the bag is small enough). */
  readonly tarBase64?: string;
  readonly tarName?: string;
  /** The investigator's key the bag is signed with (Ed25519), when it is signed. */
  readonly signer?: SigningKeyResponse;
}

/** `signing:publicKey`: the investigator's signing key's public half (the private key never leaves the main process). */
export interface SigningKeyResponse {
  /** `sha256:<hex>` of the key's SPKI DER. */
  readonly fingerprint: string;
  readonly publicKeyPem: string;
  /** What keeps the private key: Electron safeStorage, or an owner-only file under the app's data folder. */
  readonly keptBy: string;
}

/** `origin:sha256`: the SHA-256 now of a file the app read by path (streamed in the main process). */
export interface OriginHashRequest {
  readonly path: string;
}

export interface OriginHashResponse {
  /** The file's SHA-256 now, or null when it cannot be read (gone, or no longer a regular file). */
  readonly sha256: string | null;
  /** Why it cannot be read. */
  readonly reason?: string;
}

/** `origin:commits`: which of these commits a repository read earlier (by its `git:show` handle) no longer holds. */
export interface OriginCommitsRequest {
  readonly repository: string;
  readonly commits: ReadonlyArray<string>;
}

export interface OriginCommitsResponse {
  readonly missing: ReadonlyArray<string>;
  /** Why the repository could not be checked at all (every commit is then missing). */
  readonly reason?: string;
}

/**
 * `origin:register`: a file the user dropped or picked in the desktop app, by the path Electron gives for it
 * (`webUtils.getPathForFile` in the preload, which alone sends this channel). Once registered, `origin:sha256` may
 * re-hash it when a case citing it is reopened. Refused in web mode, where a browser gives no path.
 */
export interface OriginRegisterRequest {
  readonly path: string;
  /** The dropped file's size in bytes: the file at `path` must have it. */
  readonly size: number;
}

export interface OriginRegisterResponse {
  readonly registered: boolean;
  /** Why the path was not registered. */
  readonly reason?: string;
}

export interface IpcChannels
  extends
    CaseFileChannels,
    ConnectionChannels,
    ConnectionInvestigationChannels,
    ConnectionAffectedChannels,
    MarquezChannels,
    MonitorChannels {
  'app:info': { request: Record<string, never>; response: AppInfo };
  'sample:load': { request: Record<string, never>; response: SampleCase };
  'git:show': { request: GitShowRequest; response: GitShowResponse };
  'git:readRepository': { request: ReadRepositoryRequest; response: ReadRepositoryResponse };
  'dialog:openRepository': { request: Record<string, never>; response: OpenRepositoryResponse };
  'report:pdf': { request: ReportPdfRequest; response: ReportPdfResponse };
  'report:preparePdf': { request: Record<string, never>; response: { readonly printer: string } };
  'bundle:export': { request: BundleExportRequest; response: BundleExportResponse };
  'signing:publicKey': { request: Record<string, never>; response: SigningKeyResponse };
  'origin:sha256': { request: OriginHashRequest; response: OriginHashResponse };
  'origin:commits': { request: OriginCommitsRequest; response: OriginCommitsResponse };
  'origin:register': { request: OriginRegisterRequest; response: OriginRegisterResponse };
}

export type IpcChannel = keyof IpcChannels;
export type IpcRequest<K extends IpcChannel> = IpcChannels[K]['request'];
export type IpcResponse<K extends IpcChannel> = IpcChannels[K]['response'];

const empty = z.object({}).strict();
const sha = z.string().regex(/^[0-9a-f]{7,64}$/i, 'a commit SHA (hex)');
/** An absolute path on this machine (POSIX, or a Windows drive path) to a file or a folder. */
const absolutePath = (what: 'file' | 'folder') =>
  z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), `an absolute path to a ${what}`);
/** The largest report (HTML or Markdown) or excerpt a request may carry, in characters. */
const MAX_REPORT_CHARS = 32 * 1024 * 1024;

/** Request validators, one per channel. */
export const requestSchemas: { readonly [K in IpcChannel]: z.ZodType<IpcRequest<K>> } = {
  ...caseFileSchemas,
  ...connectionSchemas,
  ...marquezSchemas,
  ...monitorSchemas,
  ...connectionInvestigationSchemas,
  ...connectionAffectedSchemas,
  'app:info': empty,
  'sample:load': empty,
  'git:show': z
    .object({
      repository: z.string().min(1).max(200),
      commit: sha,
      path: z
        .string()
        .min(1)
        .max(4096)
        .refine((p) => !p.startsWith('-') && !p.split('/').includes('..'), 'a relative path inside the repository'),
    })
    .strict(),
  'git:readRepository': z
    .object({
      path: absolutePath('folder'),
    })
    .strict(),
  'dialog:openRepository': empty,
  'report:pdf': z.object({ html: z.string().min(1).max(MAX_REPORT_CHARS) }).strict(),
  'report:preparePdf': empty,
  'signing:publicKey': empty,
  'bundle:export': z
    .object({
      caseRecord: z
        .object({
          case: z.object({ id: z.string().min(1).max(200), title: z.string().max(2000) }).passthrough(),
          activity: z.array(z.unknown()).max(100_000),
        })
        .strict(),
      reportHtml: z.string().min(1).max(MAX_REPORT_CHARS),
      reportMarkdown: z.string().min(1).max(MAX_REPORT_CHARS),
      reportHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 (64 lowercase hex digits)'),
      excerpts: z
        .array(
          z
            .object({
              name: z.string().min(1).max(1000),
              sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 (64 lowercase hex digits)'),
              records: z.number().int().min(0),
              lines: z.array(z.number().int().min(1)).max(1_000_000),
              pointers: z.array(z.string().max(4096)).max(1_000_000),
              text: z.string().max(MAX_REPORT_CHARS),
            })
            .strict(),
        )
        .max(10_000),
      pseudonymize: z
        .object({
          key: z.string().min(8, 'a key of at least 8 characters').max(1024),
          subjectIds: z.array(z.string().min(1).max(200)).max(1_000_000),
        })
        .strict()
        .optional(),
      archive: z.boolean().optional(),
      connection: z
        .object({
          id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a connection id'),
          decisions: z
            .array(z.object({ model: z.string().max(1000), decisionId: z.string().min(1).max(1000) }).strict())
            .min(1)
            .max(1000),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'origin:sha256': z
    .object({
      path: absolutePath('file'),
    })
    .strict(),
  'origin:commits': z
    .object({
      repository: z.string().min(1).max(4200),
      commits: z.array(sha).min(1).max(10_000),
    })
    .strict(),
  'origin:register': z
    .object({
      path: absolutePath('file'),
      size: z.number().int().min(0),
    })
    .strict(),
};

export const ipcChannels = Object.keys(requestSchemas) as ReadonlyArray<IpcChannel>;

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (ipcChannels as ReadonlyArray<string>).includes(value);
}

/** The main-process side: one handler per channel. */
export type IpcHandlers = {
  readonly [K in IpcChannel]: (request: IpcRequest<K>) => Promise<IpcResponse<K>>;
};

/** The renderer side: `window.api` in Electron, the bridge client in web mode. */
export interface IpcApi {
  invoke<K extends IpcChannel>(channel: K, request: IpcRequest<K>): Promise<IpcResponse<K>>;
}

/**
 * Validates a request for a channel; throws an Error naming the channel and the first problem.
 */
export function parseRequest<K extends IpcChannel>(channel: K, request: unknown): IpcRequest<K> {
  const result = requestSchemas[channel].safeParse(request ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new Error(`Invalid request for ${channel}${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
