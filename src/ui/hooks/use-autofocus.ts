import { useEffect, useRef, type MutableRef } from 'preact/hooks';

/**
 * Focuses the element once it is mounted: each view puts the keyboard where work starts.
 * `enabled` false leaves focus where it is (a view reached from the tab bar keeps it on the tab).
 */
export function useAutofocus<T extends HTMLElement>(enabled = true): MutableRef<T | null> {
  const ref = useRef<T | null>(null);
  const first = useRef(enabled);
  useEffect(() => {
    if (first.current) ref.current?.focus();
  }, []);
  return ref;
}
