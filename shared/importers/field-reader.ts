/**
 * Reads typed fields out of one untyped JSON record, collecting every problem (which makes the
 * record a rejection) and every readable deviation (a warning) instead of throwing.
 */
import { isObject } from './json-input';
import { clip, describeType, parseTimestamp } from './timestamps';

export class FieldReader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  constructor(readonly value: Readonly<Record<string, unknown>>) {}

  /** The value at a dotted path (`model.name`), or undefined. */
  get(path: string): unknown {
    let current: unknown = this.value;
    for (const key of path.split('.')) {
      if (!isObject(current)) return undefined;
      current = current[key];
    }
    return current;
  }

  /** A required non-empty string; a number is not accepted. */
  requiredString(path: string): string {
    const v = this.get(path);
    if (v === undefined || v === null) this.problems.push(`missing required field "${path}"`);
    else if (typeof v !== 'string') this.problems.push(`field "${path}" must be a string, got ${describeType(v)}`);
    else if (v.trim() === '') this.problems.push(`field "${path}" must not be empty`);
    else return v;
    return '';
  }

  /** A required identifier: a non-empty string, or an integer (as APIs export ids). */
  requiredId(path: string): string {
    const v = this.get(path);
    if (typeof v === 'number' && Number.isInteger(v)) return String(v);
    return this.requiredString(path);
  }

  /** An optional string; numbers and booleans are read as text, other types dropped with a warning. */
  optionalString(path: string): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.warnings.push(`field "${path}" should be a string, got ${describeType(v)}; ignored`);
    return undefined;
  }

  /** An optional positive integer, also read from a string such as "42" or "#42". */
  optionalInteger(path: string): number | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' ? Number(v.trim().replace(/^#/, '')) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n;
    this.warnings.push(`field "${path}" should be an integer, got ${JSON.stringify(v).slice(0, 40)}; ignored`);
    return undefined;
  }

  /** A required timestamp, normalized to ISO UTC; one without offset is read as UTC with a warning. */
  requiredTimestamp(path: string): string {
    const v = this.get(path);
    if (v === undefined || v === null) {
      this.problems.push(`missing required field "${path}"`);
      return '';
    }
    return this.timestamp(path, v) ?? '';
  }

  /** An optional timestamp; an unreadable one is dropped with a warning. */
  optionalTimestamp(path: string): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null || v === '') return undefined;
    const before = this.problems.length;
    const iso = this.timestamp(path, v);
    if (this.problems.length > before) this.warnings.push(`${this.problems.pop()}; ignored`);
    return iso;
  }

  /** The top-level fields not in `known`, or undefined when there are none. */
  rest(known: ReadonlyArray<string>): Readonly<Record<string, unknown>> | undefined {
    const extra = Object.entries(this.value).filter(([k]) => !known.includes(k));
    return extra.length > 0 ? Object.fromEntries(extra) : undefined;
  }

  private timestamp(path: string, v: unknown): string | undefined {
    const parsed = parseTimestamp(v);
    if (!parsed.ok) {
      this.problems.push(`field "${path}" ${parsed.reason.startsWith('"') ? 'is invalid: ' : ''}${parsed.reason}`);
      return undefined;
    }
    if (parsed.assumedUtc) {
      this.warnings.push(`field "${path}" ("${clip(String(v))}") has no time zone offset; read as UTC`);
    }
    return parsed.iso;
  }
}
