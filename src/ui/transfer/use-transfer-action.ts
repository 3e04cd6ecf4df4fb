/**
 * useAction (../hooks/use-action.ts) with the transfer messages: busy while running, and any
 * failure turned into the text for its code by describeTransferError, so an import error reads
 * "This file is encrypted…" rather than the worker's English fallback.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { useUi } from '../context';
import { errorCode } from '../error-message';
import type { Action, ActionError } from '../hooks/use-action';
import { describeTransferError } from './transfer-errors';

export type { ActionError };

export function useTransferAction<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
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
        setError({ code: errorCode(caught), text: describeTransferError(caught, t) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { run, busy, error, setError };
}
