/** The keyboard shortcuts (`?`), listed from the registered actions themselves. */
import { useEffect, useRef } from 'react';
import { graphCommands } from '../trace/graph-commands';
import { stepActions } from '../steps/step-actions';
import { showLineageAction } from '../lineage-browse/browse-actions';
import { showTimelineAction } from '../timeline/timeline-actions';
import { undoAction } from '../undo/undo-action';

const GENERAL: ReadonlyArray<readonly [string, string]> = [
  ['Ctrl+K / ⌘K', 'Open the command palette: steps, cases, sources, nodes, exports'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close a dialog'],
];

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const groups: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
    ['Everywhere', GENERAL],
    [
      'Investigation',
      [
        ...stepActions.map((a, i) => [`Alt+${i + 1}`, a.label] as const),
        [showTimelineAction.keys!, showTimelineAction.label] as const,
        [showLineageAction.keys!, showLineageAction.label] as const,
        ['Ctrl+Z / ⌘Z', `${undoAction.label} (an annotation, a pin or a source; not in a text field)`] as const,
      ],
    ],
    ['Lineage graph (a node focused)', graphCommands.map((c) => [c.keys, c.label] as const)],
  ];
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {groups.map(([title, rows]) => (
        <section key={title}>
          <h3>{title}</h3>
          <dl>
            {rows.map(([keys, label]) => (
              <div key={`${keys} ${label}`}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
