/** SCv2 §6 error codes, plus the client-side `SC.RESPONSE_INVALID` for answers that fit no shape. */
export type ScErrorCode =
  | 'SC.VERSION_UNSUPPORTED'
  | 'SC.SESSION_NOT_FOUND'
  | 'SC.SESSION_EXPIRED'
  | 'SC.CLIENT_HASH_MISMATCH'
  | 'SC.ENVELOPE_MALFORMED'
  | 'SC.ENVELOPE_EXPIRED'
  | 'SC.REPLAY'
  | 'SC.DECRYPT_FAILED'
  | 'SC.KEY_EXPIRED'
  | 'SC.KEY_UNWRAP_FAILED'
  | 'SC.KEY_CONFIRMATION_FAILED'
  | 'SC.ALGORITHM_UNSUPPORTED'
  | 'SC.RESPONSE_INVALID';

export const SC_ERROR_CODES: readonly ScErrorCode[] = [
  'SC.VERSION_UNSUPPORTED',
  'SC.SESSION_NOT_FOUND',
  'SC.SESSION_EXPIRED',
  'SC.CLIENT_HASH_MISMATCH',
  'SC.ENVELOPE_MALFORMED',
  'SC.ENVELOPE_EXPIRED',
  'SC.REPLAY',
  'SC.DECRYPT_FAILED',
  'SC.KEY_EXPIRED',
  'SC.KEY_UNWRAP_FAILED',
  'SC.KEY_CONFIRMATION_FAILED',
  'SC.ALGORITHM_UNSUPPORTED',
  'SC.RESPONSE_INVALID',
];

export function isScErrorCode(value: unknown): value is ScErrorCode {
  return typeof value === 'string' && (SC_ERROR_CODES as readonly string[]).includes(value);
}

/** Thrown by every secure-channel module; `code` is what callers and tests branch on. */
export class ScError extends Error {
  override readonly name = 'ScError';
  readonly code: ScErrorCode;

  constructor(code: ScErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * A well-formed refusal (result wrapper with `success: false`) where the caller cannot return
 * it as a response, e.g. from `close()`. `code` is the server's, SC or not.
 */
export class ScRefusedError extends Error {
  override readonly name = 'ScRefusedError';
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}
