import { type RefCallback, useCallback, useEffect, useRef, useState } from 'react';

/**
 * An element's content width in pixels, kept up to date as it resizes (0 until it is laid out). A callback ref, so
 * an element rendered after the first paint (the timeline's axis, once the worker has built the timeline) is
 * measured when it appears, and a replaced one is measured anew.
 */
export function useElementWidth<T extends HTMLElement>(): readonly [RefCallback<T>, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!element) return;
    setWidth(element.clientWidth);
    const next = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    next.observe(element);
    observer.current = next;
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width] as const;
}
