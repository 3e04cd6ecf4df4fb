/**
 * Worker error codes → translated text. Each code the worker documents has its own message
 * key (`error_<CODE>`); an unknown code falls back to the worker's own message, so a new
 * worker error is never silently shown as "something went wrong".
 */
import type { Translate } from './i18n';

export const KNOWN_ERROR_CODES = [
  'OTP_URI_MALFORMED',
  'OTP_URI_TYPE',
  'OTP_SECRET_MISSING',
  'OTP_SECRET_INVALID',
  'OTP_ALGORITHM',
  'OTP_DIGITS',
  'OTP_PERIOD',
  'OTP_COUNTER',
  'OTP_ISSUER_MISMATCH',
  'QR_NOT_FOUND',
  'QR_NOT_OTPAUTH',
  'CAPTURE_FAILED',
  'VAULT_WRONG_PASSPHRASE',
  'VAULT_LOCKED',
  'ACCOUNT_DUPLICATE',
  'BACKUP_CODE_UNKNOWN',
  'BACKUP_CODE_ALREADY_USED',
  'BAD_REQUEST',
  'SENDER_REFUSED',
  'INTERNAL',
  // The worker refuses a production profile whose base URL is not https (issue 4 §1); the
  // options form also checks it before asking for the host permission.
  'INSECURE_URL',
  // Sign-in flows, profiles and sessions that ended or vanished meanwhile (another popup, a
  // worker restart, a sign-out elsewhere).
  'FLOW_NOT_FOUND',
  'FLOW_FINISHED',
  'PROFILE_NOT_FOUND',
  'SESSION_NOT_FOUND',
  // Raised in the UI itself: the client found no worker, or the clipboard refused the write.
  'NO_REPLY',
  'COPY_FAILED',
] as const;

export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

const known = new Set<string>(KNOWN_ERROR_CODES);

export function errorMessageKey(code: KnownErrorCode): string {
  return `error_${code}`;
}

/** The `code` of a WorkerError (or any error carrying one), else null. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** How long a rate-limited request asks to wait (`WorkerError.retryAfterMs`), else null. */
export function errorRetryAfterMs(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : null;
}

export function describeError(error: unknown, t: Translate): string {
  const code = errorCode(error);
  if (code !== null && known.has(code)) return t(errorMessageKey(code as KnownErrorCode));
  if (error instanceof Error && error.message !== '') return error.message;
  return t(errorMessageKey('INTERNAL'));
}

/** A check the form makes itself before sending; shown exactly like the worker's same code. */
export class UiInputError extends Error {
  constructor(readonly code: KnownErrorCode) {
    super(code);
    this.name = 'UiInputError';
  }
}
