/**
 * The IPC channels of the portable case file (docs/case-file.md): the main process signs with the key it keeps,
 * and verifies; the renderer builds the request from the open case and shows the results.
 */
import { z } from 'zod';
import type { ActivityEntry } from '../case/case-types';
import type { CheckedSignature } from '../case/portable-case-verify';

const MAX_CHARS = 64 * 1024 * 1024;
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 (64 lowercase hex digits)');
const caseRecord = z
  .object({
    case: z.object({ id: z.string().min(1).max(200), title: z.string().max(2000) }).passthrough(),
    activity: z.array(z.unknown()).max(100_000),
  })
  .strict();
const fileText = z.string().min(2).max(MAX_CHARS);
const name = z.string().trim().min(1, 'a name').max(200);

export interface CaseFileExportRequest {
  readonly caseRecord: { readonly case: { readonly id: string; readonly title: string }; readonly activity: unknown[] };
  readonly excerpts: ReadonlyArray<{ readonly name: string; readonly sha256: string; readonly text: string }>;
  readonly subgraph: { readonly nodes: unknown[]; readonly edges: unknown[] };
  /** The name the investigator signs as. */
  readonly signer: string;
  readonly pseudonymize?: { readonly key: string; readonly subjectIds: ReadonlyArray<string> };
}

export interface CaseFileVerdictView {
  readonly ok: boolean;
  readonly problems: ReadonlyArray<string>;
  readonly signatures: ReadonlyArray<CheckedSignature>;
  readonly investigatorEntries: number;
  readonly reviewerEntries: number;
  readonly evidenceRecords: number;
  /** The first activity entry (1-based position) whose hash or link does not hold; absent when the chain holds. */
  readonly brokenEntry?: number;
}

export interface CaseFileReviewAction {
  readonly action: 'annotation.added' | 'review.verdict';
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface CaseFileMergeResponse {
  readonly kind: 'merged' | 'already-merged' | 'conflict';
  readonly conflicts: ReadonlyArray<{ readonly kind: string; readonly message: string }>;
  /** The entries added to the local log (merged only). */
  readonly appended: ReadonlyArray<ActivityEntry>;
  readonly rechained: boolean;
  /** The reviewer's entries as the file holds them (shown on a conflict, never lost). */
  readonly reviewerEntries: ReadonlyArray<ActivityEntry>;
  readonly verdict: CaseFileVerdictView;
}

export interface CaseFileChannels {
  'caseFile:export': {
    request: CaseFileExportRequest;
    response: {
      readonly text: string;
      readonly fingerprint: string;
      readonly entries: number;
      readonly records: number;
    };
  };
  'caseFile:open': {
    request: { readonly text: string };
    response: { readonly verdict: CaseFileVerdictView; readonly localFingerprint: string };
  };
  'caseFile:review': {
    request: {
      readonly text: string;
      readonly reviewer: string;
      readonly actions: ReadonlyArray<CaseFileReviewAction>;
    };
    response: { readonly text: string; readonly fingerprint: string };
  };
  'caseFile:merge': {
    request: {
      readonly text: string;
      readonly caseRecord: CaseFileExportRequest['caseRecord'];
      readonly actor: string;
      readonly rechain: boolean;
    };
    response: CaseFileMergeResponse;
  };
  /** Electron: the native open dialog (the File menu's "Open a case file…"), the chosen file read as UTF-8. */
  'caseFile:choose': {
    request: Record<string, never>;
    /** The chosen file, or null when the dialog was cancelled. */
    response: { readonly file: { readonly name: string; readonly text: string } | null };
  };
  /** Electron: the native save dialog, then the text written there (web mode has none: the browser downloads). */
  'caseFile:save': {
    request: { readonly text: string; readonly suggestedName: string };
    /** Where it was saved, or null when the dialog was cancelled. */
    response: { readonly path: string | null };
  };
}

export const caseFileSchemas = {
  'caseFile:export': z
    .object({
      caseRecord,
      excerpts: z
        .array(z.object({ name: z.string().min(1).max(1000), sha256: hex64, text: z.string().max(MAX_CHARS) }).strict())
        .max(10_000),
      subgraph: z
        .object({ nodes: z.array(z.unknown()).max(100_000), edges: z.array(z.unknown()).max(100_000) })
        .strict(),
      signer: name,
      pseudonymize: z
        .object({
          key: z.string().min(8, 'a key of at least 8 characters').max(1024),
          subjectIds: z.array(z.string().min(1).max(200)).max(1_000_000),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'caseFile:open': z.object({ text: fileText }).strict(),
  'caseFile:review': z
    .object({
      text: fileText,
      reviewer: name,
      actions: z
        .array(
          z
            .object({
              action: z.enum(['annotation.added', 'review.verdict']),
              payload: z.record(z.string(), z.unknown()),
            })
            .strict(),
        )
        .min(1, 'at least one annotation or verdict')
        .max(1000),
    })
    .strict(),
  'caseFile:merge': z.object({ text: fileText, caseRecord, actor: name, rechain: z.boolean() }).strict(),
  'caseFile:choose': z.object({}).strict(),
  'caseFile:save': z
    .object({
      text: fileText,
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'a file name without a folder'),
    })
    .strict(),
};
