import { Fragment } from 'react';

/**
 * A file path or name cut into pieces that may start a new line: after each `/` or `\`, and before each `.`, `-` or
 * `_` that follows a letter or digit (`audit-log.jsonl` → `audit`, `-log`, `.jsonl`). Joined, the pieces are the text.
 */
export function pathPieces(text: string): string[] {
  return text.split(/(?<=[/\\])|(?<=[\p{L}\p{N}])(?=[._-])/u).filter(Boolean);
}

/**
 * A path that wraps only between its folders and at the dots, hyphens and underscores of its names — never inside a
 * word, unless one word alone is wider than the line (with `overflow-wrap: break-word`, which the caller's style gives).
 */
export function PathText({ text }: { readonly text: string }) {
  const pieces = pathPieces(text);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
