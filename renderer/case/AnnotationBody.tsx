import type { Annotation } from '../../shared/case/case-types';

/** An annotation's tags and text, as every list of annotations shows them (under its own author/time line). */
export function AnnotationBody({ annotation }: { readonly annotation: Annotation }) {
  return (
    <>
      {annotation.tags.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      ))}
      <p>{annotation.text}</p>
    </>
  );
}
