/**
 * useAction (../hooks/use-action.ts) with the transfer messages: any failure is turned into the
 * text for its code by describeTransferError, so an import error reads "This file is
 * encrypted…" rather than the worker's English fallback.
 */
import { useAction, type Action, type ActionError } from '../hooks/use-action';
import { describeTransferError } from './transfer-errors';

export type { ActionError };

export function useTransferAction<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): Action<A> {
  return useAction(fn, describeTransferError);
}
