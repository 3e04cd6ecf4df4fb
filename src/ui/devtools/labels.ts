/** Display names and message keys of the panel, and how it writes times. */
import type { FlowFamily, FlowOutcome, Severity } from '../../inspector';
import type { Translate } from '../i18n';
import { FAMILY_NAMES } from '../signin/labels';

export const OUTCOME_KEYS: Record<FlowOutcome, string> = {
  pending: 'devtools_outcome_pending',
  failed: 'devtools_outcome_failed',
  'signed-in': 'devtools_outcome_signed_in',
  'signed-out': 'devtools_outcome_signed_out',
};

export const SEVERITY_KEYS: Record<Severity, string> = {
  error: 'devtools_severity_error',
  warning: 'devtools_severity_warning',
  info: 'devtools_severity_info',
};

/** Provider families are brands; bearer and JWT traffic get a translated description. */
export function familyName(family: FlowFamily, t: Translate): string {
  if (family === 'bearer') return t('devtools_family_bearer');
  if (family === 'jwt') return t('devtools_family_jwt');
  return FAMILY_NAMES[family];
}

/** A moment in the reader's own time zone and locale (JWT times, envelope timestamps). */
export function formatLocalTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toLocaleString();
}

/** The path of a URL for a compact row (`/web/v1/system/auth/login/initiate`). */
export function urlPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** A size in bytes, digits grouped as the reader's locale does (`1,048,576 bytes`). */
export function formatBytes(bytes: number, t: Translate): string {
  return t('devtools_bytes', [bytes.toLocaleString()]);
}
