import type { TimelineFacets } from '../../shared/timeline/evidence-timeline';
import { useSourceName } from '../steps/evidence-cite';
import type { TimelineFacet } from './timeline-store';

interface Props {
  readonly facets: TimelineFacets;
  readonly only: Readonly<Partial<Record<TimelineFacet, string>>>;
  readonly onOnly: (facet: TimelineFacet, value: string | undefined) => void;
}

const FACETS = [
  { facet: 'source', values: 'sources', label: 'Source', all: 'Every source' },
  { facet: 'job', values: 'jobs', label: 'Job', all: 'Every job' },
  { facet: 'environment', values: 'environments', label: 'Environment', all: 'Every environment' },
] as const;

/**
 * One source file, job or environment to keep (each with how many entries it has), or every one. A facet the case
 * has no value of is not offered.
 */
export function TimelineFacetFilter({ facets, only, onOnly }: Props) {
  const sourceName = useSourceName();
  const nameOf = (facet: TimelineFacet, value: string) => (facet === 'source' ? sourceName(value) : value);
  return (
    <div className="timeline-facets">
      {FACETS.filter(({ values }) => facets[values].size > 0).map(({ facet, values, label, all }) => (
        <label key={facet}>
          {label}
          <select value={only[facet] ?? ''} onChange={(e) => onOnly(facet, e.target.value || undefined)}>
            <option value="">{all}</option>
            {[...facets[values]]
              .map(([value, count]) => ({ value, count, name: nameOf(facet, value) }))
              .sort((a, b) => a.name.localeCompare(b.name))
              .map(({ value, count, name }) => (
                <option key={value} value={value}>
                  {name} ({count.toLocaleString('en')})
                </option>
              ))}
          </select>
        </label>
      ))}
    </div>
  );
}
