import { useId, type ReactNode } from 'react';

/** Whether an export pseudonymizes subject ids, and with which key. */
export interface Pseudonymization {
  readonly on: boolean;
  readonly key: string;
}

export const NO_PSEUDONYMS: Pseudonymization = { on: false, key: '' };

/** What keeps the key from being used, when pseudonymizing: too short. */
export const keyProblemOf = (p: Pseudonymization): string | undefined =>
  p.on && p.key.length < 8 ? 'The key needs at least 8 characters.' : undefined;

/** The key an export passes on: the key when pseudonymizing, else none. */
export const pseudonymizeKeyOf = (p: Pseudonymization): string | undefined => (p.on ? p.key : undefined);

/**
 * An export's options fieldset: "Pseudonymize subject ids" and, when checked, the key (a password field) with what
 * the export does with it (`hint`) and the key's problem.
 */
export function PseudonymizeOptions(props: {
  readonly legend: string;
  readonly checkLabel: string;
  readonly keyLabel: string;
  readonly hint: ReactNode;
  readonly value: Pseudonymization;
  readonly onChange: (value: Pseudonymization) => void;
}) {
  const { value, onChange } = props;
  const checkId = useId();
  const keyId = useId();
  return (
    <fieldset className="export-options">
      <legend className="small">{props.legend}</legend>
      <label htmlFor={checkId} className="export-check">
        <input
          id={checkId}
          type="checkbox"
          checked={value.on}
          onChange={(e) => onChange({ ...value, on: e.target.checked })}
        />{' '}
        {props.checkLabel}
      </label>
      {value.on && (
        <div className="export-key">
          <label htmlFor={keyId}>{props.keyLabel}</label>
          <input
            id={keyId}
            type="password"
            autoComplete="off"
            value={value.key}
            aria-describedby={`${keyId}-hint`}
            onChange={(e) => onChange({ ...value, key: e.target.value })}
          />
          <p id={`${keyId}-hint`} className="muted small">
            {props.hint} {keyProblemOf(value)}
          </p>
        </div>
      )}
    </fieldset>
  );
}
