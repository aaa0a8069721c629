/**
 * Placeholders that producers' templates and integration tests leave where a value belongs: `{{ … }}` (Jinja,
 * Mustache: the dbt integration's `{{ is_datetime(result) }}`, Marquez's `{{RUN_START_TIME}}`), `${ … }` (shell and
 * JSON templates; json-unit matchers such as `${json-unit.any-string}` or `${json-unit.regex}…`) and a whole
 * `<…>` token (`<run-id>`). Recognized by their shape, never by one file's exact strings.
 */
import { clip } from './timestamps';

const MUSTACHE = /\{\{[^{}]*\}\}/;
const DOLLAR = /\$\{[^{}]*\}/;
const ANGLE = /^<[^<>\s][^<>]*>$/;
const JSON_UNIT = /\$\{json-unit\.[^{}]*\}/;

/** True when the text is, or holds, a template placeholder or a test matcher instead of a value. */
export function isPlaceholder(text: string): boolean {
  if (!text.includes('{') && !text.startsWith('<') && !text.trimStart().startsWith('<')) return false;
  return MUSTACHE.test(text) || DOLLAR.test(text) || ANGLE.test(text.trim());
}

/** What kind of placeholder it is, for messages: "a json-unit test matcher" or "a template placeholder". */
export function placeholderKind(text: string): string {
  return JSON_UNIT.test(text) ? 'a json-unit test matcher' : 'a template placeholder';
}

/** `eventTime "{{RUN_START_TIME}}" is a template placeholder`. */
export function describePlaceholder(path: string, text: string): string {
  return `${path} "${clip(text)}" is ${placeholderKind(text)}`;
}

/** How a required identifying string of an event reads: a value, missing, a placeholder, or of a wrong type. */
export type IdentityRead =
  | { readonly state: 'value'; readonly value: string }
  | { readonly state: 'missing' | 'placeholder'; readonly deviation: string }
  | { readonly state: 'wrong-type' };

/** Reads a required string that a template may have left as a placeholder; `path` names it in messages. */
export function readIdentity(value: unknown, path: string): IdentityRead {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { state: 'missing', deviation: `no "${path}"` };
  }
  if (typeof value !== 'string') return { state: 'wrong-type' };
  if (isPlaceholder(value)) return { state: 'placeholder', deviation: describePlaceholder(path, value) };
  return { state: 'value', value };
}
