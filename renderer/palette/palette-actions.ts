/**
 * The command palette's entries: registered actions `{ name, label, keyTest, perform }` with the group they belong to
 * and the keys that run them, and the search over them. Pure.
 */
import type { KeyLike } from '../steps/step-actions';

export type ActionGroup = 'Step' | 'Case' | 'Source' | 'Node' | 'Export' | 'Graph' | 'View';

export interface PaletteAction {
  /** Unique, stable: `goToStep:trace`, `openCase:<id>`, `focusNode:<id>`, `export:graph-svg`. */
  readonly name: string;
  readonly label: string;
  readonly group: ActionGroup;
  /** More words the search matches (a node's id and version, a source's kind). */
  readonly keywords?: string;
  /** The shortcut as shown (`Alt+3`), when the action has one. */
  readonly keys?: string;
  readonly keyTest?: (event: KeyLike) => boolean;
  readonly perform: () => void;
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * The actions whose group, label or keywords contain every word of the query (in any order), best first: a label
 * starting with the query, then a label word starting with the first word, then the rest in their given order.
 * An empty query keeps every action in its order.
 */
export function matchActions(actions: ReadonlyArray<PaletteAction>, query: string): PaletteAction[] {
  const wanted = words(query);
  if (wanted.length === 0) return [...actions];
  const scored: Array<{ action: PaletteAction; score: number; index: number }> = [];
  actions.forEach((action, index) => {
    const label = action.label.toLowerCase();
    const haystack = `${action.group} ${label} ${action.keywords ?? ''}`.toLowerCase();
    if (!wanted.every((w) => haystack.includes(w))) return;
    const first = wanted[0] as string;
    const score = label.startsWith(query.trim().toLowerCase())
      ? 0
      : words(label).some((w) => w.startsWith(first))
        ? 1
        : 2;
    scored.push({ action, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.action);
}

/** Ctrl+K, or Cmd+K on macOS: opens the palette. */
export const opensPalette = (e: KeyLike) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';

/** `?` outside a text field: shows the shortcuts. */
export const opensShortcuts = (e: KeyLike, inTextField: boolean) =>
  !inTextField && !e.ctrlKey && !e.metaKey && !e.altKey && e.key === '?';
