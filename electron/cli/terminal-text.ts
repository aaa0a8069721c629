/**
 * What the CLI prints goes to a terminal, which acts on some characters: ESC starts a sequence that colours, moves
 * the cursor, clears the screen, retitles the window or makes a link (OSC 8), a bare CR overwrites the line, and the
 * bidirectional controls re-order it. Imported names carry whatever their files held, so every line the commands
 * print has those characters — C0 and C1 controls but tab and line feed, DEL, and the bidirectional and invisible
 * characters the app shows escaped (visible-text.ts) — written as `\uXXXX`: visible in text, and in `--json` output
 * the same string, only escaped.
 */
import { HIDDEN_OR_REORDERING } from '../../shared/model/visible-text.js';

const ACTED_ON = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]|${HIDDEN_OR_REORDERING.source}`, 'g');

/** The line with every character a terminal would act on, or that re-orders or hides text, as `\uXXXX`. */
export function terminalText(line: string): string {
  return line.replace(ACTED_ON, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
