/**
 * Collects what one streaming import makes: records (drained in batches by `take()`), counts by record kind,
 * and rejections and warnings — the first MAX_LISTED of each kept, all counted and grouped by message.
 */
import type { EvidenceRecord, ImportWarning, Rejection } from '../model/records';
import { IssueTally } from './issue-groups';

/** Where in the input a record, rejection or warning sits: a 1-based line, a JSON pointer, or both. */
export interface Where {
  readonly line?: number;
  readonly pointer?: string;
}

export class ImportSink {
  private pending: EvidenceRecord[] = [];
  readonly counts: Record<string, number> = {};
  readonly rejections: Rejection[] = [];
  readonly warnings: ImportWarning[] = [];
  rejectedCount = 0;
  warningCount = 0;
  private readonly rejectionTally = new IssueTally<Rejection>();
  private readonly warningTally = new IssueTally<ImportWarning>();

  constructor(
    readonly sourceName: string,
    private readonly maxListed: number,
  ) {}

  record(record: EvidenceRecord): void {
    this.pending.push(record);
    this.counts[record.kind] = (this.counts[record.kind] ?? 0) + 1;
  }

  reject(where: Where, reason: string): void {
    this.rejectedCount += 1;
    const rejection = { sourceName: this.sourceName, ...where, reason };
    this.rejectionTally.add(rejection);
    if (this.rejections.length < this.maxListed) this.rejections.push(rejection);
  }

  warn(where: Where, message: string): void {
    this.warningCount += 1;
    const warning = { sourceName: this.sourceName, ...where, message };
    this.warningTally.add(warning);
    if (this.warnings.length < this.maxListed) this.warnings.push(warning);
  }

  /** Every rejection and warning grouped by message, for an import's summary. */
  groups() {
    return { rejectionGroups: this.rejectionTally.list(), warningGroups: this.warningTally.list() };
  }

  /** The records made since the last call. */
  take(): EvidenceRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** A provenance location: the line when there is one, the pointer when there is one (or '' for a whole document). */
export function whereOf(line: number | undefined, pointer: string | undefined): Where {
  return {
    ...(line !== undefined && { line }),
    ...((pointer !== undefined || line === undefined) && { pointer: pointer ?? '' }),
  };
}
