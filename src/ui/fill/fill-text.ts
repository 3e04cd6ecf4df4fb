/**
 * Message keys for fill outcomes and page states. Codes come from the worker
 * (`FillOutcomeView.code`, `FillContextView.reason`, ActionError codes); an unknown one falls
 * back to the generic refusal rather than showing an English message from the page analysis.
 */
import { errorCode } from '../error-message';

const KEYS: Record<string, string> = {
  filled: 'list_fill_filled',
  'no-target': 'list_fill_no_field',
  'no-field': 'list_fill_no_field',
  navigated: 'list_fill_navigated',
  NAVIGATED: 'list_fill_navigated',
  'needs-typing': 'list_fill_needs_typing',
  insecure: 'list_fill_insecure',
  INSECURE_ORIGIN: 'list_fill_insecure',
  'no-access': 'list_fill_no_access',
  NO_ACCESS: 'list_fill_no_access',
  NOT_BOUND: 'list_fill_not_bound',
  'not-bound': 'list_fill_not_bound',
};

export function fillTextKey(code: string | null): string {
  return (code === null ? undefined : KEYS[code]) ?? 'list_fill_refused';
}

export function fillErrorKey(error: unknown): string {
  return fillTextKey(errorCode(error));
}
