/** The palette's dialog: search over every action, arrow keys to choose, Enter to run (CommandPalette.tsx). */
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useAppActions } from './app-actions';
import { matchActions, type PaletteAction } from './palette-actions';

/** More matches than this are not listed (type more to narrow them). */
const MAX_SHOWN = 60;

export function Palette({ onClose }: { readonly onClose: () => void }) {
  const actions = useAppActions();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchActions(actions, query), [actions, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;
  const returnTo = useRef<Element | null>(document.activeElement);
  const list = useRef<HTMLUListElement>(null);

  const close = () => {
    onClose();
    if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
  };
  const run = (action: PaletteAction | undefined) => {
    if (!action) return;
    onClose();
    action.perform();
  };
  useEffect(() => {
    list.current?.querySelector(`#${CSS.escape(optionId(active))}`)?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length ? (i + step + shown.length) % shown.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(shown[active]);
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div role="dialog" aria-modal="true" aria-label="Command palette" className="palette">
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length ? optionId(active) : undefined}
          aria-label="Search commands, steps, cases, sources and nodes"
          placeholder="Go to a step, open a case, find a node, export…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Commands" ref={list}>
          {shown.map((action, i) => (
            <li
              key={action.name}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseMove={() => setActive(i)}
              onClick={() => run(action)}
            >
              <span className="palette-group">{action.group}</span>
              <span className="palette-label">{action.label}</span>
              {action.keys && <kbd>{action.keys}</kbd>}
            </li>
          ))}
        </ul>
        <p className="palette-foot muted small" role="status">
          {matches.length === 0
            ? 'Nothing matches.'
            : matches.length > shown.length
              ? `${shown.length} of ${matches.length} shown — type more to narrow.`
              : `${matches.length} ${matches.length === 1 ? 'command' : 'commands'}`}{' '}
          · ↑ ↓ to choose, Enter to run, Esc to close, ? for shortcuts
        </p>
      </div>
    </div>
  );
}
