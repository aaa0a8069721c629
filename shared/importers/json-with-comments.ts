/**
 * JSON with comments (JSONC: `tsconfig.json`, editor and dev-container settings) is configuration, not evidence:
 * no export the importers read has comments. Told by content: the text does not parse as JSON, and does once its
 * `//` and `/* … *\/` comments (outside strings) and the commas before a closing bracket are removed.
 */
import { tryParse } from './json-input';

/** The text without comments outside strings, and without a comma before `}` or `]`. */
export function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end === -1 ? text.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i = end === -1 ? text.length : end + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Why a text that is not JSON is JSON with comments (configuration), or undefined. */
export function jsonWithCommentsReason(text: string): string | undefined {
  if (!/\/[/*]/.test(text) || tryParse(text).ok) return undefined;
  return tryParse(withoutComments(text)).ok
    ? 'JSON with comments (JSONC, as tsconfig.json and editor settings are written): configuration, not evidence'
    : undefined;
}
