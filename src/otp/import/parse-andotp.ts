/**
 * andOTP's plain-text JSON backup (andOTP/andOTP,
 * app/src/main/java/org/shadowice/flocke/andotp/Database/Entry.java, `toJSON`): an array of
 *   { secret (base32), issuer, label, digits, type: "TOTP"|"HOTP"|"STEAM", algorithm: "SHA1"|…,
 *     period, counter, thumbnail, tags, last_used, used_frequency }
 * Backups from before andOTP had an issuer field have only `label`; like andOTP itself, that
 * gives an empty issuer (no guessing at "Issuer - account"). andOTP's encrypted backups
 * are binary (PBKDF2 + AES-GCM without any marker) and are not read: they are reported as an
 * unknown format.
 */
import { OtpUriError } from '../otp-uri-error';
import type { OtpAccount, OtpType } from '../types';
import { buildAccount, createCollector, EntryProblem, labelOf } from './entries';
import { integerField, isRecord, stringField } from './json-fields';
import type { ImportResult } from './types';

const ENTRY_TYPES = new Map<string, OtpType>([
  ['TOTP', 'totp'],
  ['HOTP', 'hotp'],
  ['STEAM', 'steam'],
]);

export function isAndOtpBackup(json: unknown[]): boolean {
  return json.every(isRecord);
}

export function parseAndOtp(entries: unknown[]): ImportResult {
  const collector = createCollector();
  entries.forEach((entry, index) => {
    const label = isRecord(entry) ? labelOf(entry.issuer, entry.label) : '';
    collector.add(index + 1, label, () => andOtpAccount(entry));
  });
  return collector.finish('andotp');
}

function andOtpAccount(entry: unknown): OtpAccount {
  if (!isRecord(entry)) {
    throw new EntryProblem('IMPORT_ENTRY_MALFORMED', 'The entry is not an object.');
  }
  const typeText = stringField(entry, 'type', 'TOTP').toUpperCase();
  const type = ENTRY_TYPES.get(typeText);
  if (type === undefined) {
    throw new OtpUriError('OTP_URI_TYPE', `Unknown entry type "${typeText}".`);
  }
  return buildAccount({
    type,
    issuer: stringField(entry, 'issuer'),
    label: stringField(entry, 'label'),
    secret: stringField(entry, 'secret'),
    algorithm: stringField(entry, 'algorithm'),
    digits: integerField(entry, 'digits', 6, 'OTP_DIGITS'),
    period: integerField(entry, 'period', 30, 'OTP_PERIOD'),
    counter: integerField(entry, 'counter', 0, 'OTP_COUNTER'),
  });
}
