/**
 * Why an otpauth:// URI or a hand-entered account was refused. One code per condition, so the
 * add form and the QR import can tell the user exactly which field is wrong.
 */
export type OtpUriErrorCode =
  /** Not an otpauth:// URI, broken percent-encoding, or a parameter given twice differently. */
  | 'OTP_URI_MALFORMED'
  /** A type other than totp / hotp / steam, or an encoder other than steam. */
  | 'OTP_URI_TYPE'
  | 'OTP_SECRET_MISSING'
  /** Not base32, or decodes to fewer than 10 or more than 128 bytes. */
  | 'OTP_SECRET_INVALID'
  | 'OTP_ALGORITHM'
  | 'OTP_DIGITS'
  | 'OTP_PERIOD'
  | 'OTP_COUNTER'
  /** The `issuer:` prefix of the label names another issuer than the `issuer` parameter. */
  | 'OTP_ISSUER_MISMATCH'
  /** Issuer or account name with control characters, broken UTF-16, or outer whitespace. */
  | 'OTP_LABEL_INVALID';

export class OtpUriError extends Error {
  override readonly name = 'OtpUriError';
  readonly code: OtpUriErrorCode;

  constructor(code: OtpUriErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
