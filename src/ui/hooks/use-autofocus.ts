import { useEffect, useRef, type MutableRef } from 'preact/hooks';

/** Focuses the element once it is mounted: each view puts the keyboard where work starts. */
export function useAutofocus<T extends HTMLElement>(): MutableRef<T | null> {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
