/**
 * The command palette (Ctrl+K, Cmd+K on macOS) over every registered action — steps, cases, sources, graph nodes,
 * exports — and the shortcuts list (`?`). Mounted once for the whole app.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { opensPalette, opensShortcuts } from './palette-actions';
import './palette.css';
import { ShortcutsDialog } from './ShortcutsDialog';

// The palette reads the investigation's stores (and the analysis behind them): loaded on first use.
const Palette = lazy(() => import('./Palette').then((m) => ({ default: m.Palette })));

const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || Boolean(target.closest('input, textarea, select, [role="combobox"]')));

export function CommandPalette() {
  const [open, setOpen] = useState<'palette' | 'shortcuts'>();
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (opensPalette(event)) {
        event.preventDefault();
        setOpen((now) => (now === 'palette' ? undefined : 'palette'));
      } else if (opensShortcuts(event, inTextField(event.target)) && !open) {
        event.preventDefault();
        setOpen('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (open === 'shortcuts') return <ShortcutsDialog onClose={() => setOpen(undefined)} />;
  return open === 'palette' ? (
    <Suspense fallback={null}>
      <Palette onClose={() => setOpen(undefined)} />
    </Suspense>
  ) : null;
}
