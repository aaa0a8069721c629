import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { checkMapping, MAPPING_TARGETS, suggestMapping, targetOf } from '../../shared/importers/column-mapping';
import type { ImportMapping, MappableKind, TimeFormat } from '../../shared/importers/mapping';
import {
  type MappingRequest,
  selectDismissMapping,
  selectImportWithMapping,
  selectMappingRequests,
  useImports,
} from './import-store';
import './mapping-dialog.css';

const OFFSET = /^(Z|[+-]\d{2}:\d{2})$/;
const TIME_FORMATS: ReadonlyArray<readonly [TimeFormat, string]> = [
  ['rfc3339', 'date and time (RFC 3339, e.g. 2026-11-20 10:15:00)'],
  ['epoch-seconds', 'seconds since 1970'],
  ['epoch-milliseconds', 'milliseconds since 1970'],
];

/**
 * The column-mapping dialog (the way Timesketch maps CSV headers): for a file the import could not read by itself,
 * its headers and first rows, the kind each row is, and for each field the column that holds it (suggested by
 * name) or a fixed value. Confirming imports the file through the mapping, which is saved on the source.
 */
export function MappingDialog() {
  const requests = useImports(selectMappingRequests);
  const request = requests[0];
  return request ? <MappingForm key={request.jobId} request={request} /> : null;
}

function MappingForm({ request }: { readonly request: MappingRequest }) {
  const importWithMapping = useImports(selectImportWithMapping);
  const dismiss = useImports(selectDismissMapping);
  const { headers, rows, format } = request.preview;
  const [mapping, setMapping] = useState<ImportMapping>(
    () => request.current ?? suggestMapping(headers, undefined, rows),
  );
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const target = targetOf(mapping.kind);
  const offset = mapping.timeOffset ?? '';
  const problems = [
    ...checkMapping(mapping, headers),
    ...(offset !== '' && !OFFSET.test(offset) ? ['the offset must look like Z, +02:00 or -05:00'] : []),
  ];

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const setField = (field: string, column: string) => {
    const fields = { ...mapping.fields };
    if (column === '') delete fields[field];
    else fields[field] = column;
    const features = mapping.features?.filter((f) => f !== column);
    setMapping({ ...mapping, fields, ...(features && { features }) });
  };
  const setConstant = (field: string, value: string) => {
    const constants = { ...mapping.constants };
    if (value === '') delete constants[field];
    else constants[field] = value;
    setMapping({ ...mapping, constants });
  };
  const toggleFeature = (column: string, on: boolean) => {
    const rest = (mapping.features ?? []).filter((f) => f !== column);
    setMapping({ ...mapping, features: on ? headers.filter((h) => h === column || rest.includes(h)) : rest });
  };
  const setTime = (patch: Partial<Pick<ImportMapping, 'timeFormat' | 'timeOffset'>>) => {
    const next: ImportMapping = { ...mapping, ...patch };
    const { timeOffset, ...withoutOffset } = next;
    setMapping(timeOffset === '' ? withoutOffset : next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length === 0) void importWithMapping(request, mapping);
  };
  const used = new Set(Object.values(mapping.fields));

  return (
    <dialog
      ref={ref}
      className="dialog mapping-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-about`}
      onClose={() => dismiss(request.jobId)}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>
          {request.current ? 'Change the column mapping of' : 'Map the columns of'} {request.name}
        </h2>
        <p id={`${id}-about`} className="muted">
          {format === 'csv' ? 'A CSV' : 'JSON lines'} whose {headers.length} columns the app does not know. Say what
          each row is and which column holds each field; the mapping is saved with the source.
          {request.current &&
            ' Its records are replaced by those read through the new mapping once the whole file is read; until then, and if the import is cancelled or fails, they stay as they are.'}
        </p>
        <label htmlFor={`${id}-kind`}>Each row is</label>
        <select
          id={`${id}-kind`}
          value={mapping.kind}
          onChange={(e) => setMapping(suggestMapping(headers, e.target.value as MappableKind, rows))}
        >
          {MAPPING_TARGETS.map((t) => (
            <option key={t.kind} value={t.kind}>
              a {t.recordName} ({t.label.toLowerCase()})
            </option>
          ))}
        </select>
        <div className="mapping-preview" role="region" aria-label="The file's first rows" tabIndex={0}>
          <table>
            <caption className="muted small">The first {rows.length} rows</caption>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col" className="mono">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {headers.map((h) => (
                    <td key={h} className="mono">
                      {row[h]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset className="mapping-fields">
          <legend>Fields of a {target.recordName}</legend>
          {target.fields.map((f, i) => {
            const column = mapping.fields[f.field] ?? '';
            return (
              <div key={f.field} className="mapping-field">
                <label htmlFor={`${id}-f${i}`}>
                  {f.label}
                  {f.required && <span className="required"> (required)</span>}
                </label>
                <select id={`${id}-f${i}`} value={column} onChange={(e) => setField(f.field, e.target.value)}>
                  <option value="">— no column —</option>
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                {column === '' && !f.time && (
                  <input
                    aria-label={`${f.label}: a fixed value for every row`}
                    placeholder="or a fixed value"
                    value={mapping.constants?.[f.field] ?? ''}
                    onChange={(e) => setConstant(f.field, e.target.value)}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
        {target.hasFeatures && (
          <fieldset className="mapping-features">
            <legend>Features: the columns each decision read</legend>
            {headers
              .filter((h) => !used.has(h))
              .map((h) => (
                <label key={h} className="check mono">
                  <input
                    type="checkbox"
                    checked={mapping.features?.includes(h) ?? false}
                    onChange={(e) => toggleFeature(h, e.target.checked)}
                  />
                  {h}
                </label>
              ))}
          </fieldset>
        )}
        <div className="mapping-time">
          <label htmlFor={`${id}-time`}>Times are written as</label>
          <select
            id={`${id}-time`}
            value={mapping.timeFormat ?? 'rfc3339'}
            onChange={(e) => setTime({ timeFormat: e.target.value as TimeFormat })}
          >
            {TIME_FORMATS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-offset`}>UTC offset of times written without one</label>
          <input
            id={`${id}-offset`}
            className="mono"
            value={offset}
            placeholder="Z or +02:00 (empty: read as UTC, with a warning per row)"
            onChange={(e) => setTime({ timeOffset: e.target.value.trim() })}
          />
        </div>
        {problems.length > 0 && (
          <ul className="mapping-problems" role="status" aria-live="polite">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Not now
          </button>
          <button type="submit" className="primary" disabled={problems.length > 0}>
            Import with this mapping
          </button>
        </div>
      </form>
    </dialog>
  );
}
