/**
 * What an OpenLineage job's facets say about its code: where it lives (`sourceCodeLocation`) and the text it ran
 * (`sourceCode`, else the `sql` facet's query). Shared by runs and by jobs imported without a run.
 */
import type { SourceCodeLocation } from '../model/records';
import { isObject } from './json-input';

const LOCATION_KEYS = ['type', 'url', 'repoUrl', 'path', 'version', 'tag', 'branch'] as const;

/** The job's code as a facet gives it, and which facet: `sourceCode`, or `sql` (the query that ran). */
export interface JobCode {
  readonly language?: string;
  readonly text: string;
  readonly facet: 'sourceCode' | 'sql';
}

/** The `sourceCodeLocation` facet's non-empty string fields and its pull request number, or undefined. */
export function sourceCodeLocation(facet: unknown): SourceCodeLocation | undefined {
  if (!isObject(facet)) return undefined;
  const entries: Array<[string, string | number]> = LOCATION_KEYS.filter(
    (k) => typeof facet[k] === 'string' && facet[k] !== '',
  ).map((k) => [k, facet[k] as string]);
  const pullRequest = pullRequestNumber(facet.pullRequestNumber);
  if (pullRequest !== undefined) entries.push(['pullRequestNumber', pullRequest]);
  return entries.length > 0 ? (Object.fromEntries(entries) as SourceCodeLocation) : undefined;
}

/** `pullRequestNumber` as the spec gives it (a string, `"42"`), a `#42`, or an integer; else undefined. */
function pullRequestNumber(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const digits = /^#?(\d{1,9})$/.exec(text)?.[1];
  return digits !== undefined && Number(digits) > 0 ? Number(digits) : undefined;
}

/** The code the job ran: the `sourceCode` facet, else the `sql` facet's query. */
export function jobCode(facets: Readonly<Record<string, unknown>> | undefined): JobCode | undefined {
  const sourceCode = facets?.sourceCode;
  if (isObject(sourceCode) && typeof sourceCode.sourceCode === 'string') {
    const language = typeof sourceCode.language === 'string' ? sourceCode.language : undefined;
    return { ...(language && { language }), text: sourceCode.sourceCode, facet: 'sourceCode' };
  }
  const sql = facets?.sql;
  if (isObject(sql) && typeof sql.query === 'string') return { language: 'sql', text: sql.query, facet: 'sql' };
  return undefined;
}

/** The `documentation` facet's description, when it has one. */
export function documentationOf(facets: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const doc = facets?.documentation;
  return isObject(doc) && typeof doc.description === 'string' && doc.description !== '' ? doc.description : undefined;
}
