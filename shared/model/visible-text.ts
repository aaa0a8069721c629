/**
 * Imported names shown as they are, never re-ordered: the bidirectional embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069; the "Trojan Source" characters) make a name display in another order than it is
 * written — `invoice_‮fdp.exe` reads as `invoice_exe.pdf`. They are shown as visible escapes, `[U+202E]`, in the
 * app's names and in every report; the stored evidence keeps them as imported.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text with each bidirectional control shown as `[U+XXXX]`. */
export function visibleText(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}
