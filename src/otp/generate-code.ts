import { HOTP, Secret } from 'otpauth';
import { OtpUriError } from './otp-uri-error';
import type { OtpAccount } from './types';
import { checkAccount, MAX_PERIOD_SECONDS, STEAM_PERIOD_SECONDS } from './validate-account';

/** Steam Guard's 26 characters: digits and consonants that cannot be mistaken for each other. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const STEAM_CODE_LENGTH = 5;

/**
 * The code shown at `atMs` (Unix ms); HOTP accounts use `account.counter` and ignore the time.
 * Throws OtpUriError for an invalid account and RangeError for a negative or non-finite time.
 */
export function generateCode(account: OtpAccount, atMs: number): string {
  const secret = new Secret({ buffer: checkAccount(account).buffer });
  const { algorithm, digits } = account;
  switch (account.type) {
    case 'hotp':
      return HOTP.generate({ secret, algorithm, digits, counter: account.counter });
    case 'totp':
      return HOTP.generate({ secret, algorithm, digits, counter: timeStep(account, atMs) });
    case 'steam':
      return steamCode(secret, timeStep(account, atMs));
  }
}

/**
 * When the code for `atMs` took over and when the next one will (exclusive), for the popup's
 * countdown; null for HOTP, whose code only changes when the counter does. Needs no secret.
 */
export function codeWindow(
  account: OtpAccount,
  atMs: number,
): { validFrom: number; validUntil: number } | null {
  if (account.type === 'hotp') return null;
  const stepMs = stepSeconds(account) * 1000;
  const step = timeStep(account, atMs);
  return { validFrom: step * stepMs, validUntil: (step + 1) * stepMs };
}

/** RFC 6238 §4.2: T = floor((Current Unix time - T0) / X), with T0 = 0. */
function timeStep(account: OtpAccount, atMs: number): number {
  if (!Number.isFinite(atMs) || atMs < 0) {
    throw new RangeError(`The time must be a non-negative number of ms; got ${atMs}.`);
  }
  // One division of integers: exact for safe integers, so the step never rounds up early.
  return Math.floor(Math.floor(atMs) / (stepSeconds(account) * 1000));
}

function stepSeconds(account: OtpAccount): number {
  if (account.type === 'steam') return STEAM_PERIOD_SECONDS;
  const { period } = account;
  if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD_SECONDS) {
    throw new OtpUriError('OTP_PERIOD', `The period must be 1–${MAX_PERIOD_SECONDS} seconds.`);
  }
  return period;
}

/**
 * Steam Guard: HMAC-SHA1 over the 30-s step and RFC 4226 §5.3 dynamic truncation, then the
 * 31-bit value written little-end first in base 26. A 10-digit HOTP code is that 31-bit value
 * itself (2^31 < 10^10), so otpauth's truncation is reused rather than re-implemented.
 */
function steamCode(secret: Secret, counter: number): string {
  let value = Number(HOTP.generate({ secret, algorithm: 'SHA1', digits: 10, counter }));
  let code = '';
  for (let i = 0; i < STEAM_CODE_LENGTH; i++) {
    code += STEAM_ALPHABET.charAt(value % STEAM_ALPHABET.length);
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
