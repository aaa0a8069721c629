import { useId, useState, type FormEvent } from 'react';
import type { ConnectionSaveRequest, SavedConnection } from '../../shared/ipc/connection-channels';

/**
 * Adds a connection, or edits `editing`: a name, a PostgreSQL URL or a Parquet path, a password, and the column
 * mapping its decisions are read through (JSON, as `--mapping FILE.json` holds it; empty: suggested from the names).
 */
export function ConnectionForm(props: {
  readonly editing?: SavedConnection;
  readonly busy: boolean;
  readonly onSave: (request: ConnectionSaveRequest) => void;
  readonly onCancel: () => void;
}) {
  const { editing } = props;
  const [name, setName] = useState(editing?.name ?? '');
  const [location, setLocation] = useState(editing?.location ?? '');
  const [password, setPassword] = useState('');
  const saved = editing?.mapping ? JSON.stringify(editing.mapping, null, 2) : '';
  const [mapping, setMapping] = useState(saved);
  const nameId = useId();
  const mappingId = useId();
  const locationId = useId();
  const passwordId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSave({
      ...(editing && { id: editing.id }),
      name,
      location,
      ...((password !== '' || !editing) && { password }),
      ...(mapping !== saved && { mapping }),
    });
  };
  return (
    <form
      className="connection-form"
      onSubmit={submit}
      aria-label={editing ? `Edit ${editing.name}` : 'Add a connection'}
    >
      <label htmlFor={nameId}>Name</label>
      <input id={nameId} value={name} required onChange={(e) => setName(e.target.value)} />
      <label htmlFor={locationId}>PostgreSQL URL or Parquet path</label>
      <input
        id={locationId}
        value={location}
        required
        placeholder="postgresql://reader@host:5432/db?table=schema.decisions"
        onChange={(e) => setLocation(e.target.value)}
      />
      <label htmlFor={passwordId}>Password</label>
      <input
        id={passwordId}
        type="password"
        autoComplete="off"
        value={password}
        placeholder={editing?.hasSecret ? 'kept: type to replace it' : 'none'}
        onChange={(e) => setPassword(e.target.value)}
      />
      <label htmlFor={mappingId}>Column mapping (optional)</label>
      <textarea
        id={mappingId}
        value={mapping}
        rows={mapping === '' ? 2 : 8}
        spellCheck={false}
        placeholder={
          '{"kind": "decision-log", "fields": {"decision_id": "id", "timestamp": "ts", …}} — empty: suggested from the column names'
        }
        onChange={(e) => setMapping(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {editing ? 'Save the connection' : 'Add the connection'}
        </button>
        {editing && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
