/**
 * Runs one user action against the worker: tracks busy, and turns any failure into the
 * translated message for its code (style.md §8 — the UI action is a boundary). A fresh error
 * object per failure lets views re-run effects (e.g. refocus a field) on repeated failures.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { useUi } from '../context';
import type { Translate } from '../i18n';
import { describeError, errorCode } from '../error-message';

export interface ActionError {
  code: string | null;
  text: string;
}

export interface Action<A extends unknown[]> {
  /** Resolves to true when the action succeeded; never rejects. */
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: ActionError | null;
  setError: (error: ActionError | null) => void;
}

/** How a failure becomes text; sections with codes of their own (import/export) pass theirs. */
export type DescribeError = (error: unknown, t: Translate) => string;

export function useAction<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
  describe: DescribeError = describeError,
): Action<A> {
  const { t } = useUi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await latest.current(...args);
        return true;
      } catch (caught) {
        setError({ code: errorCode(caught), text: describe(caught, t) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, describe],
  );
  return { run, busy, error, setError };
}
