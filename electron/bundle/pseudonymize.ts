/**
 * Pseudonymizes subject ids in text with a keyed hash (see `pseudonymFor`): every whole token equal to a known
 * subject id is replaced by its pseudonym. A token is a run of letters, digits and `_ . @ + -`; ids are matched
 * whole, so `u-1` does not touch `u-10`.
 */
const TOKEN = /[A-Za-z0-9_.@+-]+/g;

/** Replaces every known subject id in the text by its pseudonym. */
export function pseudonymizeText(
  text: string,
  subjectIds: ReadonlySet<string>,
  pseudonym: (id: string) => string,
): string {
  if (subjectIds.size === 0) return text;
  const cache = new Map<string, string>();
  return text.replace(TOKEN, (token) => {
    if (!subjectIds.has(token)) return token;
    let p = cache.get(token);
    if (p === undefined) {
      p = pseudonym(token);
      cache.set(token, p);
    }
    return p;
  });
}

/** The first known subject id found in the text, if any (to refuse exporting what cannot be pseudonymized). */
export function findSubjectId(text: string, subjectIds: ReadonlySet<string>): string | undefined {
  for (const m of text.matchAll(TOKEN)) if (subjectIds.has(m[0])) return m[0];
  return undefined;
}
