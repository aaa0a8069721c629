import { visibleText } from '../../shared/model/visible-text';
import { selectOpenSources, useCases } from '../stores/cases-store';
import { describeInterrupted } from './format-progress';
import { useInterruptedImports } from './useInterruptedImports';

/**
 * Under the case header: the imports into this case that did not complete (the app or its window ended mid-way, or
 * the import failed), what each had read, and the way to its Sources screen to retry or discard them.
 */
export function InterruptedImportAlert({ caseId }: { readonly caseId: string }) {
  const openSources = useCases(selectOpenSources);
  const { items } = useInterruptedImports(caseId);

  if (items.length === 0) return null;
  return (
    <div className="notice error case-alert" role="alert">
      <strong>
        {items.length === 1
          ? 'An import into this case did not complete'
          : `${items.length} imports into this case did not complete`}
        ; nothing of {items.length === 1 ? 'it' : 'them'} counts in the analysis.
      </strong>
      <ul>
        {items.map((item) => (
          <li key={item.sourceId}>
            <span className="mono">{visibleText(item.name)}</span>: {describeInterrupted(item)}.
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => openSources(caseId)}>
        Retry or discard on the Sources screen
      </button>
    </div>
  );
}
