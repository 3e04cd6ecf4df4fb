/** One OTP generator as the otpauth:// URI describes it. Secrets stay inside the worker. */
export type OtpType = 'totp' | 'hotp' | 'steam';
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface OtpAccount {
  type: OtpType;
  /** '' when the URI names no issuer. */
  issuer: string;
  /** The account name part of the label; '' when missing. */
  label: string;
  /** Canonical base32: upper-case, no padding, no spaces. */
  secret: string;
  algorithm: OtpAlgorithm;
  /** 6–10 for TOTP/HOTP; 5 for Steam Guard. */
  digits: number;
  /** Seconds per step, 1–86400 (TOTP and Steam; 30 for Steam). */
  period: number;
  /** HOTP moving factor; 0 for time-based accounts. */
  counter: number;
}
