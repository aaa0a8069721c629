import { Fragment } from 'react';
import { Time } from './Time';

/** An ISO 8601 instant with its zone (`Z` or an offset), as the engine writes times into its sentences. */
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** Splits a sentence into text and the instants in it (each instant once, where it stands). */
export function instantParts(text: string): Array<{ text: string } | { instant: string }> {
  const parts: Array<{ text: string } | { instant: string }> = [];
  let at = 0;
  for (const m of text.matchAll(INSTANT)) {
    if (Number.isNaN(Date.parse(m[0]))) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ instant: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** A sentence from the engine with every instant in it shown in the zone the header's switch chose. */
export function TimedText({ text }: { readonly text: string }) {
  return (
    <>
      {instantParts(text).map((p, i) =>
        'instant' in p ? <Time key={i} value={p.instant} /> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}
