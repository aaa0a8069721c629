/**
 * The portable case file: one JSON document a reviewer opens on another machine (docs/case-file.md). It carries the
 * case's hash-chained activity log (activity-log.ts, unchanged), the cited evidence records with the SHA-256 of each
 * (the digest the report anchors, report-anchors.ts), the traced subgraph and the pinned items — not the store.
 * Each signature is Ed25519 (the investigator's key kept by the main process, or a reviewer's) over the canonical
 * JSON of `{format, caseId, role, signer, fingerprint, signedAt, entries, head, contentSha256, previous}`: it covers
 * the chain up to its head, the content, and the signature before it.
 */
import { canonicalJson } from './canonical-json';
import type { ActivityEntry, Case, PinnedEvidence } from './case-types';
import type { TraceEdge, TraceNode } from '../analysis/types';

/** The `format` field: a file of another format or version is refused by name. */
export const CASE_FILE_FORMAT = 'lineage-investigator.case-file.v1';

/** One cited line or JSON pointer of a source: its excerpt entry and the SHA-256 of the entry's canonical JSON. */
export interface CaseFileEvidence {
  /** The source file's SHA-256 at import. */
  readonly source: string;
  readonly name: string;
  /** `{line, text}`, `{line, record}`, `{pointer, value}` or `{pointer, record}`, as in the bundle's excerpts. */
  readonly entry: Readonly<Record<string, unknown>>;
  readonly sha256: string;
}

/** What the investigator's signature covers besides the chain (by its SHA-256). */
export interface CaseFileContent {
  readonly caseId: string;
  readonly exportedAt: string;
  readonly generator: string;
  /** The case as the investigator's part of the log records it (checked against the log when the file is read). */
  readonly case: Case;
  readonly evidence: ReadonlyArray<CaseFileEvidence>;
  /** The traced subgraph of the decision: nodes and edges, with the provenance of each. */
  readonly subgraph: { readonly nodes: ReadonlyArray<TraceNode>; readonly edges: ReadonlyArray<TraceEdge> };
  readonly pinned: ReadonlyArray<PinnedEvidence>;
  /** Present when subject ids in the evidence and subgraph were replaced by keyed pseudonyms. */
  readonly pseudonymization?: { readonly method: string; readonly subjects: number };
}

export type CaseFileRole = 'investigator' | 'reviewer';

export interface CaseFileSignature {
  readonly role: CaseFileRole;
  /** The signer's name as the entries' `actor`. */
  readonly signer: string;
  /** `sha256:<hex>` of the public key's SPKI DER (as for evidence bundles). */
  readonly fingerprint: string;
  readonly publicKeyPem: string;
  readonly signedAt: string;
  /** The chain's head the signature covers: entry count and last hash. */
  readonly entries: number;
  readonly head: string;
  readonly contentSha256: string;
  /** The signature before this one (base64), null for the first. */
  readonly previous: string | null;
  /** Ed25519 over `signedText(…)`, base64. */
  readonly signature: string;
}

export interface PortableCaseFile {
  readonly format: typeof CASE_FILE_FORMAT;
  readonly content: CaseFileContent;
  /** The investigator's entries, then each reviewer's, one chain. */
  readonly activity: ReadonlyArray<ActivityEntry>;
  /** The investigator's first; each reviewer's after the entries they added. */
  readonly signatures: ReadonlyArray<CaseFileSignature>;
}

/** A signing key: the investigator's (kept by the main process) or a reviewer's. */
export interface CaseFileSigner {
  readonly name: string;
  readonly fingerprint: string;
  readonly publicKeyPem: string;
  /** Ed25519 over the UTF-8 text, base64. */
  sign(text: string): Promise<string> | string;
}

/** Checks an Ed25519 signature (base64) over a text under a PEM public key, and gives the key's fingerprint. */
export type CaseFileSignatureCheck = (
  publicKeyPem: string,
  text: string,
  signature: string,
) => Promise<{ fingerprint: string; valid: boolean } | { error: string }>;

/** The exact text a signature is over (canonical JSON, UTF-8). */
export function signedText(caseId: string, s: Omit<CaseFileSignature, 'signature' | 'publicKeyPem'>): string {
  const { role, signer, fingerprint, signedAt, entries, head, contentSha256, previous } = s;
  return canonicalJson({
    format: CASE_FILE_FORMAT,
    caseId,
    role,
    signer,
    fingerprint,
    signedAt,
    entries,
    head,
    contentSha256,
    previous,
  });
}

/** The actions a reviewer's entries may hold: annotations and verdicts, never a change to the investigator's case. */
export const REVIEWER_ACTIONS: ReadonlyArray<string> = ['annotation.added', 'review.verdict'];
