/**
 * The portable case file's registered actions, behind the command palette: "Open a case file…" anywhere (read-only,
 * for review), and in a case "Export case file…" and "Merge reviewer's file…" (the Document step's panel buttons).
 */
import type { PaletteAction } from '../palette/palette-actions';
import { useInvestigation } from '../stores/investigation-store';
import { chooseAndOpenCaseFile } from './case-file-store';
import { pickTextFile, type PickedFile } from './pick-text-file';

/** The panel's buttons, as labelled. */
export const EXPORT_BUTTON = 'Export case file…';
export const MERGE_BUTTON = 'Merge reviewer’s file…';

/** Clicks a button of the Document step's case-file panel once it is on screen (it loads with the step). */
function clickPanelButton(text: string): void {
  useInvestigation.getState().setStep('document');
  const started = Date.now();
  const attempt = () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.case-file-panel button')].find(
      (b) => b.textContent?.trim() === text,
    );
    if (button && !button.disabled) button.click();
    else if (Date.now() - started < 10_000) setTimeout(attempt, 100);
  };
  setTimeout(attempt, 0);
}

/** "Open a case file…": offered everywhere. */
export function openCaseFileActions(pick: () => Promise<PickedFile | null> = pickTextFile): PaletteAction[] {
  return [
    {
      name: 'caseFile:open',
      label: 'Open a case file… (read-only, to review)',
      group: 'Case',
      keywords: 'portable case file reviewer review import signed',
      perform: () => void chooseAndOpenCaseFile(pick),
    },
  ];
}

/** In an open case: export it for a reviewer, merge a reviewer's file back. */
export function caseFileCaseActions(): PaletteAction[] {
  return [
    {
      name: 'caseFile:export',
      label: 'Export case file… (signed, for a reviewer)',
      group: 'Export',
      keywords: 'portable case file reviewer signed',
      perform: () => clickPanelButton(EXPORT_BUTTON),
    },
    {
      name: 'caseFile:merge',
      label: 'Merge reviewer’s file…',
      group: 'Export',
      keywords: 'portable case file review verdict import',
      perform: () => clickPanelButton(MERGE_BUTTON),
    },
  ];
}
