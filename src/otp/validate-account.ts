import { decodeSecret } from './normalize-secret';
import { OtpUriError } from './otp-uri-error';
import type { OtpAccount, OtpAlgorithm, OtpType } from './types';

export const OTP_TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];
export const OTP_ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 10;
export const MAX_PERIOD_SECONDS = 86_400;
export const DEFAULT_PERIOD_SECONDS = 30;
/** Steam Guard fixes everything but the secret: HMAC-SHA1, 30-s steps, 5 characters. */
export const STEAM_DIGITS = 5;
export const STEAM_PERIOD_SECONDS = 30;

/**
 * Checks an account in the canonical form parseOtpauthUri produces (trimmed names, canonical
 * secret); the manual add form normalises its fields first. Throws OtpUriError.
 */
export function validateAccount(account: OtpAccount): void {
  checkAccount(account);
}

/** validateAccount that hands back the decoded key, so code generation decodes only once. */
export function checkAccount(account: OtpAccount): Uint8Array {
  if (!OTP_TYPES.includes(account.type)) {
    throw new OtpUriError('OTP_URI_TYPE', 'The type must be totp, hotp or steam.');
  }
  const bytes = checkSecret(account.secret);
  if (!OTP_ALGORITHMS.includes(account.algorithm)) {
    throw new OtpUriError('OTP_ALGORITHM', 'The algorithm must be SHA1, SHA256 or SHA512.');
  }
  if (account.type === 'steam') checkSteamParameters(account);
  else checkParameters(account);
  checkCounter(account);
  checkName(account.issuer, 'issuer');
  checkName(account.label, 'account name');
  return bytes;
}

function checkSecret(secret: string): Uint8Array {
  if (typeof secret !== 'string' || secret === '') {
    throw new OtpUriError('OTP_SECRET_MISSING', 'The account has no secret.');
  }
  const { canonical, bytes } = decodeSecret(secret);
  if (canonical !== secret) {
    throw new OtpUriError('OTP_SECRET_INVALID', 'The secret is not in canonical base32 form.');
  }
  return bytes;
}

function checkSteamParameters(account: OtpAccount): void {
  if (account.algorithm !== 'SHA1') {
    throw new OtpUriError('OTP_ALGORITHM', 'Steam Guard always uses SHA1.');
  }
  if (account.digits !== STEAM_DIGITS) {
    throw new OtpUriError('OTP_DIGITS', `Steam Guard codes have ${STEAM_DIGITS} characters.`);
  }
  if (account.period !== STEAM_PERIOD_SECONDS) {
    throw new OtpUriError('OTP_PERIOD', `Steam Guard steps are ${STEAM_PERIOD_SECONDS} s.`);
  }
}

function checkParameters(account: OtpAccount): void {
  if (!isIntegerIn(account.digits, MIN_DIGITS, MAX_DIGITS)) {
    throw new OtpUriError('OTP_DIGITS', `Digits must be an integer ${MIN_DIGITS}–${MAX_DIGITS}.`);
  }
  // HOTP ignores the period, but it is still stored and round-tripped, so it follows one rule.
  if (!isIntegerIn(account.period, 1, MAX_PERIOD_SECONDS)) {
    throw new OtpUriError('OTP_PERIOD', `The period must be 1–${MAX_PERIOD_SECONDS} seconds.`);
  }
}

function checkCounter(account: OtpAccount): void {
  if (account.type === 'hotp') {
    if (!isIntegerIn(account.counter, 0, Number.MAX_SAFE_INTEGER)) {
      throw new OtpUriError('OTP_COUNTER', 'The counter must be a non-negative safe integer.');
    }
  } else if (account.counter !== 0) {
    throw new OtpUriError('OTP_COUNTER', 'Time-based accounts keep their counter at 0.');
  }
}

// Cc control characters would corrupt the popup and autofill; lone surrogates cannot be
// percent-encoded (encodeURIComponent throws), so they could not be exported.
function checkName(value: string, what: string): void {
  if (
    typeof value !== 'string' ||
    value !== value.trim() ||
    /\p{Cc}/u.test(value) ||
    !value.isWellFormed()
  ) {
    throw new OtpUriError(
      'OTP_LABEL_INVALID',
      `The ${what} has control characters, broken text or surrounding spaces.`,
    );
  }
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
