/**
 * Where a key moves the active row of a list of `count` rows showing `page` at a time: by one, a page, or to either
 * end, never past them; `index` -1 (none yet) moves to the first row. Undefined for any other key.
 */
export function movedIndex(key: string, index: number, count: number, page: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: count - 1,
  };
  return key in moves && count > 0 ? Math.max(0, Math.min(count - 1, moves[key]!)) : undefined;
}
