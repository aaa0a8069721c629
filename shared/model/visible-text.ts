/**
 * Imported names shown as they are, never re-ordered or hidden. The bidirectional embedding, override and isolate
 * controls (U+202A–U+202E, U+2066–U+2069; the "Trojan Source" characters) and the bidi marks (U+200E, U+200F,
 * U+061C) make a name display in another order than it is written — `invoice_‮fdp.exe` reads as `invoice_exe.pdf`;
 * invisible characters (zero-width space U+200B, word joiner and invisible operators U+2060–U+2064, zero-width
 * no-break space U+FEFF, soft hyphen U+00AD, Mongolian vowel separator U+180E) make two different names look the
 * same (`admin` and `ad​min`); a Cyrillic or Greek letter inside a Latin word passes for a Latin one (`оffer` with a
 * Cyrillic `о`). Each is shown as a visible escape, `[U+202E]`, in the app's names and in every report;
 * the stored evidence keeps them as imported. Zero-width (non-)joiners (U+200C, U+200D) are left: Persian, Indic
 * scripts and emoji need them.
 */
export const HIDDEN_OR_REORDERING =
  /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060-\u2064\uFEFF\u00AD\u180E]/g;
/** A word: letters, digits and underscores. */
const WORD = /[\p{L}\p{N}_]+/gu;
const LATIN = /\p{Script=Latin}/u;
/** The scripts whose letters pass for Latin ones (Cyrillic `а` `е` `о` `р` `с`, Greek `ο` `ν` `Α`). */
const LOOK_ALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu;

const ASCII = /^[\x00-\x7F]*$/;

const escape = (c: string) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** In a Latin word, a Cyrillic or Greek letter is a look-alike (`offer-еligibility`): each is shown escaped. */
function lookAlikes(text: string): string {
  return text.replace(WORD, (word) => (LATIN.test(word) ? word.replace(LOOK_ALIKE, escape) : word));
}

/**
 * The text with each bidirectional control or invisible character, and each Cyrillic or Greek letter inside a Latin
 * word, shown as `[U+XXXX]`. Words wholly in one script (`шлюз`, `Ωμέγα`) are left as they are.
 */
export function visibleText(text: string): string {
  return lookAlikes(text.replace(HIDDEN_OR_REORDERING, escape));
}

/** True when `visibleText` would change the text. */
export function needsVisibleText(text: string): boolean {
  return !ASCII.test(text) && visibleText(text) !== text;
}
