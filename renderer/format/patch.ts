/** A unified diff of two versions of a file, split into lines a `<pre>` can colour. */
import { createTwoFilesPatch } from 'diff';

export type PatchLineKind = 'added' | 'removed' | 'hunk' | 'header' | 'context';

export interface PatchLine {
  readonly kind: PatchLineKind;
  readonly text: string;
}

/** The unified diff from `before` to `after` (null = the file did not exist), classified line by line. */
export function unifiedDiff(
  path: string,
  before: string | null,
  after: string | null,
  beforeLabel: string,
  afterLabel: string,
): PatchLine[] {
  const patch = createTwoFilesPatch(
    before === null ? '/dev/null' : `a/${path}`,
    after === null ? '/dev/null' : `b/${path}`,
    before ?? '',
    after ?? '',
    beforeLabel,
    afterLabel,
  );
  const lines = patch.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let inHunk = false;
  return lines
    .filter((line) => !line.startsWith('====='))
    .map((text) => {
      if (text.startsWith('@@')) inHunk = true;
      return { kind: classify(text, inHunk), text };
    });
}

/** Header lines come before the first hunk; inside a hunk, `---` is a removed line that starts with `--`. */
function classify(line: string, inHunk: boolean): PatchLineKind {
  if (!inHunk && (line.startsWith('+++') || line.startsWith('---') || line.startsWith('Index:'))) return 'header';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'context';
}

/** The repositories to ask `git:show` for, most specific first, without duplicates. */
export function repositoryCandidates(
  planRepository: string | undefined,
  sourceRepositories: ReadonlyArray<string | undefined>,
): string[] {
  return [...new Set([planRepository, ...sourceRepositories].filter((r): r is string => Boolean(r)))];
}
