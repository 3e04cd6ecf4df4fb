import { useEffect, useRef } from 'preact/hooks';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset']);

/** True when a keystroke belongs to a text field rather than to a page shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * A document-wide shortcut while the calling view is mounted. `handler` returning false lets
 * the key through (no preventDefault), e.g. `/` typed into a text field.
 */
export function useKey(key: string, handler: ((event: KeyboardEvent) => boolean) | null): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== key || event.defaultPrevented || latest.current === null) return;
      if (latest.current(event)) event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => {
      document.removeEventListener('keydown', listener);
    };
  }, [key]);
}
