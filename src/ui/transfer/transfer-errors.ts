/**
 * Import and export failures → translated text. The whole-file import codes, the per-entry
 * warning codes and the page's own checks (an image without a QR code, a file too large) each
 * have their own message (issue 7, "Bad input"); anything else goes through describeError, so
 * the OTP_* and vault codes read exactly as they do everywhere else.
 */
import { describeError, errorCode, KNOWN_ERROR_CODES } from '../error-message';
import type { Translate } from '../i18n';

/** Worker codes of import/export (src/otp/import/import-error.ts, transfer-service.ts). */
export const TRANSFER_ERROR_CODES = [
  'IMPORT_UNKNOWN_FORMAT',
  'IMPORT_PASSWORD_REQUIRED',
  'IMPORT_WRONG_PASSWORD',
  'IMPORT_ENCRYPTED_UNSUPPORTED',
  'IMPORT_CORRUPT',
  'IMPORT_EMPTY',
  'IMPORT_PREVIEW_EXPIRED',
] as const;

/** Why one entry of a file was left out (src/otp/import/types.ts ImportWarningCode). */
export const IMPORT_WARNING_CODES = [
  'IMPORT_ENTRY_UNSUPPORTED',
  'IMPORT_ENTRY_ENCRYPTED',
  'IMPORT_ENTRY_MALFORMED',
  'IMPORT_LINE_UNRECOGNISED',
  // The one OtpUriErrorCode the add form never meets, so error-message.ts does not list it.
  'OTP_LABEL_INVALID',
] as const;

const own = new Set<string>([...TRANSFER_ERROR_CODES, ...IMPORT_WARNING_CODES]);
const shared = new Set<string>(KNOWN_ERROR_CODES);

/** A check the page makes itself, with the message key that explains it in this context. */
export class TransferInputError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly substitutions: string[] = [],
  ) {
    super(code);
    this.name = 'TransferInputError';
  }
}

export function describeTransferError(error: unknown, t: Translate): string {
  if (error instanceof TransferInputError) return t(error.messageKey, error.substitutions);
  const code = errorCode(error);
  if (code !== null && own.has(code)) return t(`error_${code}`);
  return describeError(error, t);
}

/** One skipped entry's reason: its code's message, else the worker's own English text. */
export function describeWarning(warning: { code: string; message: string }, t: Translate): string {
  if (own.has(warning.code) || shared.has(warning.code)) return t(`error_${warning.code}`);
  return warning.message;
}
