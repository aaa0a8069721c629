import { selectReadOnce, useInvestigation } from '../stores/investigation-store';
import './case.css';

/**
 * What the case's sources hold that an earlier source already held (a log re-encoded, an export overlapping another):
 * counted once, and said here as the CLI says it on stderr, so a count that did not grow is explained.
 */
export function ReadOnceNote() {
  const notes = useInvestigation(selectReadOnce);
  if (notes.length === 0) return null;
  return (
    <section className="case-alert" aria-label="Evidence read once">
      <details className="muted small citation-summary">
        <summary>
          Evidence given again in other sources, counted once: {notes.length} note{notes.length === 1 ? '' : 's'}.
        </summary>
        <ul>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
