import type { Decision } from '../../shared/model/records';
import { visibleText } from '../../shared/model/visible-text';
import { Time } from '../components/Time';
import { datasetLabel, modelLabel, outcomeLabel, valueText } from '../format/decision';

interface Props {
  readonly decision: Decision;
  readonly featureName?: string;
  readonly onPickFeature: (name: string) => void;
}

/** The selected decision and its feature inputs; one of them is picked as the suspect. */
export function DecisionInputs({ decision, featureName, onPickFeature }: Props) {
  return (
    <section className="card" aria-labelledby="selected-decision-heading">
      <h3 id="selected-decision-heading">
        Decision <span className="mono">{decision.decisionId}</span>
      </h3>
      <dl className="facts">
        <dt>Time</dt>
        <dd>
          <Time value={decision.timestamp} />
        </dd>
        <dt>Subject</dt>
        <dd className="mono">{decision.subjectId ?? '—'}</dd>
        <dt>Model</dt>
        <dd>{modelLabel(decision)}</dd>
        <dt>Outcome</dt>
        <dd>{outcomeLabel(decision)}</dd>
        <dt>Environment</dt>
        <dd>{decision.environment ?? '—'}</dd>
        <dt>Evidence</dt>
        <dd className="mono small">line {decision.provenance.line ?? decision.provenance.pointer ?? '?'}</dd>
      </dl>
      <table className="data-table">
        <caption>Feature inputs — pick the suspect feature</caption>
        <thead>
          <tr>
            <th scope="col">Suspect</th>
            <th scope="col">Feature</th>
            <th scope="col">Value</th>
            <th scope="col">Dataset</th>
            <th scope="col">Field</th>
            <th scope="col">Dataset version</th>
            <th scope="col">Feature version</th>
          </tr>
        </thead>
        <tbody>
          {decision.features.map((f) => (
            <tr key={f.name} className={f.name === featureName ? 'selected' : undefined}>
              <td>
                <input
                  type="radio"
                  name="suspect-feature"
                  aria-label={`Suspect feature ${f.name}`}
                  checked={f.name === featureName}
                  onChange={() => onPickFeature(f.name)}
                />
              </td>
              <td className="mono">{visibleText(f.name)}</td>
              <td className="mono">{valueText(f.value)}</td>
              <td className="mono">{datasetLabel(f) ?? '—'}</td>
              <td className="mono">{f.field === undefined ? '—' : visibleText(f.field)}</td>
              <td className="mono" title={f.datasetVersion}>
                {f.datasetVersion ?? <span className="warn-text">missing</span>}
              </td>
              <td className="mono">{f.featureVersion ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
