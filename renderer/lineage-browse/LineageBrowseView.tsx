import { useDeferredValue, useId, useMemo, useState } from 'react';
import { type LineageEntry, lineageEntries, searchLineage } from '../../shared/lineage/lineage-browse';
import { countOf } from '../../shared/model/count-words';
import { KIND_LABELS } from '../graph/flow-types';
import { TimeSlider } from '../graph/TimeSlider';
import { selectEvidence, selectSources, useInvestigation } from '../stores/investigation-store';
import { lineageIndex } from '../trace/lineage-index';
import { evidenceTimeRange } from '../trace/time-range';
import './lineage-browse.css';
import { LineageBrowseGraph } from './LineageBrowseGraph';

const MAX_MATCHES = 30;

/**
 * The case's lineage without a decision: search every dataset, job and field the evidence names, choose one, and see
 * what feeds it and what it feeds as of a moment (the latest evidence first; the time slider goes back).
 */
export function LineageBrowseView() {
  const evidence = useInvestigation(selectEvidence);
  const sources = useInvestigation(selectSources);
  const sourceName = useMemo(() => {
    const names = new Map(sources.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? `source ${id.slice(0, 12)}`;
  }, [sources]);
  const index = useMemo(() => (evidence ? lineageIndex(evidence) : undefined), [evidence]);
  const entries = useMemo(() => (index ? lineageEntries(index.model) : []), [index]);
  const range = useMemo(() => (evidence ? evidenceTimeRange(evidence) : undefined), [evidence]);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchLineage(entries, query, MAX_MATCHES), [entries, query]);
  const [chosen, setChosen] = useState<LineageEntry>();
  // Once one is chosen the matches fold to it, so that its graph comes up the page; typing shows them all again.
  const [folded, setFolded] = useState(false);
  const choose = (entry: LineageEntry) => {
    setChosen(entry);
    setFolded(true);
  };
  const [picked, setPicked] = useState<number>();
  const moment = useDeferredValue(picked);
  const searchId = useId();
  if (!evidence || !index || !range) return null;
  // No time in the evidence (only declared lineage): every declared version holds at any moment, the last one too.
  const timeless = range.from === 0 && range.to === 0;
  const latest = range.to;
  const asOf = moment ?? latest;
  const listed = folded && chosen ? matches.filter((m) => m.id === chosen.id) : matches;
  const counts = {
    dataset: entries.filter((e) => e.kind === 'dataset').length,
    job: entries.filter((e) => e.kind === 'job').length,
  };

  return (
    <section className="stack lineage-browse" aria-labelledby="lineage-browse-heading">
      <h2 id="lineage-browse-heading">Lineage</h2>
      <p className="muted">
        Every dataset ({counts.dataset}) and job ({counts.job}) the case’s sources name, with no decision needed. Search
        one by name, choose it, and see what feeds it and what it feeds, as of the latest evidence or another moment.
      </p>
      <form role="search" className="lineage-browse-search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId}>Find a dataset, job or field</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder="a name, or part of one"
          onChange={(e) => {
            setQuery(e.target.value);
            setFolded(false);
          }}
        />
        <span className="muted small" role="status">
          {query.trim()
            ? `${matches.length === MAX_MATCHES ? `the first ${MAX_MATCHES}` : matches.length} ${matches.length === 1 ? 'match' : 'matches'}`
            : ''}
        </span>
      </form>
      {listed.length > 0 && (
        <ul className="lineage-browse-matches" aria-label="Matches">
          {listed.map((m) => (
            <li key={m.id}>
              <button type="button" aria-pressed={chosen?.id === m.id} onClick={() => choose(m)}>
                <span className="muted small">{KIND_LABELS[m.kind]}</span> <span className="mono">{m.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {listed.length < matches.length && (
        <p>
          <button type="button" className="ghost" onClick={() => setFolded(false)}>
            Show the other {countOf(matches.length - listed.length, 'match', 'matches')}
          </button>
        </p>
      )}
      {chosen && (
        <>
          {timeless ? (
            <p className="muted">No record of the case holds a time: the lineage is shown as its sources declare it.</p>
          ) : (
            <TimeSlider
              range={range}
              value={picked ?? latest}
              decisionTime={latest}
              onChange={setPicked}
              anchorName="the latest evidence"
            />
          )}
          <LineageBrowseGraph
            key={chosen.id}
            entry={chosen}
            asOf={asOf}
            evidence={evidence}
            index={index}
            sourceName={sourceName}
          />
        </>
      )}
    </section>
  );
}
