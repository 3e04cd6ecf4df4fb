/**
 * The Authenticator browser extension's plain backup (Authenticator-Extension/Authenticator,
 * src/models/storage.ts `backupGetExport`/`import`, src/definitions/otp.d.ts `OTPStorage`):
 * an object keyed by entry hash,
 *   { [hash]: { account, issuer, secret, type, counter, period, digits, algorithm, index,
 *               encrypted: false, hash, pinned } }
 * type is "totp"|"hotp"|"battle"|"steam"|"hex"|"hhex" (default totp); digits, period and
 * algorithm ("SHA256"; the enum number 2 is accepted too) are left out at their defaults.
 * Like the extension's own importer: "stm-" before a secret means Steam, "blz-"/"bliz-" means
 * Battle.net, and a non-base32 hex secret on a totp/hotp entry means hex/hhex.
 *
 * Decisions: hex and hhex secrets are converted to base32 and imported as TOTP/HOTP (the same
 * key bytes, so the same codes); Battle.net entries and encrypted entries (`encrypted: true`,
 * or `dataType: "EncOTPStorage"` from password-protected backups) become warnings. Key records
 * (`key`, `dataType: "Key"`) and settings are not entries and are skipped silently.
 */
import { OtpUriError } from '../otp-uri-error';
import type { OtpAccount, OtpType } from '../types';
import { decodeHex, encodeBase32 } from './bytes';
import { buildAccount, createCollector, EntryProblem, labelOf } from './entries';
import {
  FieldTypeError,
  integerField,
  isRecord,
  stringField,
  type JsonRecord,
} from './json-fields';
import type { ImportResult } from './types';

/** The extension's OTPAlgorithm enum (src/models/otp.ts). A Map, so "constructor" finds nothing. */
const ALGORITHM_NUMBERS = new Map([
  ['1', 'SHA1'],
  ['2', 'SHA256'],
  ['3', 'SHA512'],
  ['4', 'GOST3411_2012_256'],
  ['5', 'GOST3411_2012_512'],
]);

/** An entry, plain or encrypted; key records and settings are not entries. */
function isEntry(value: unknown): value is JsonRecord {
  return (
    isRecord(value) &&
    value.dataType !== 'Key' &&
    ('secret' in value || value.dataType === 'EncOTPStorage')
  );
}

export function isAuthenticatorExtensionBackup(json: JsonRecord): boolean {
  return Object.values(json).some(isEntry);
}

export function parseAuthenticatorExtension(backup: JsonRecord): ImportResult {
  const collector = createCollector();
  const entries = Object.entries(backup).flatMap(([key, value]) =>
    key !== 'key' && isEntry(value) ? [value] : [],
  );
  entries.forEach((entry, index) => {
    collector.add(index + 1, labelOf(entry.issuer, entry.account), () => extensionAccount(entry));
  });
  return collector.finish('authenticator-extension');
}

function extensionAccount(entry: JsonRecord): OtpAccount {
  if (entry.dataType === 'EncOTPStorage' || entry.encrypted === true) {
    throw new EntryProblem(
      'IMPORT_ENTRY_ENCRYPTED',
      'The entry is encrypted; export a plain backup from the extension.',
    );
  }
  const { type, secret } = resolveType(
    stringField(entry, 'type', 'totp').toLowerCase(),
    stringField(entry, 'secret'),
  );
  return buildAccount({
    type,
    issuer: stringField(entry, 'issuer'),
    label: stringField(entry, 'account'),
    secret,
    algorithm: algorithmName(entry.algorithm),
    digits: integerField(entry, 'digits', 6, 'OTP_DIGITS'),
    period: integerField(entry, 'period', 30, 'OTP_PERIOD'),
    counter: integerField(entry, 'counter', 0, 'OTP_COUNTER'),
  });
}

function resolveType(typeText: string, rawSecret: string): { type: OtpType; secret: string } {
  let typeName = typeText;
  let secret = rawSecret;
  const prefix = /^(stm|blz|bliz)-/i.exec(secret);
  if (prefix?.[1] !== undefined) {
    typeName = prefix[1].toLowerCase() === 'stm' ? 'steam' : 'battle';
    secret = secret.slice(prefix[0].length);
  }
  const isHex = !/^[a-z2-7]+=*$/i.test(secret) && /^[0-9a-f]+$/i.test(secret);
  if (isHex && typeName === 'totp') typeName = 'hex';
  if (isHex && typeName === 'hotp') typeName = 'hhex';
  switch (typeName) {
    case 'totp':
    case 'hotp':
    case 'steam':
      return { type: typeName, secret };
    case 'hex':
    case 'hhex':
      return { type: typeName === 'hex' ? 'totp' : 'hotp', secret: hexToBase32(secret) };
    case 'battle':
      throw new EntryProblem('IMPORT_ENTRY_UNSUPPORTED', 'Battle.net entries are not supported.');
    default:
      throw new OtpUriError('OTP_URI_TYPE', `Unknown entry type "${typeName}".`);
  }
}

/** The enum name the extension writes, or its number (older builds parse it as one). */
function algorithmName(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new FieldTypeError('"algorithm" is neither a name nor a number.');
  }
  const text = String(value).trim();
  return ALGORITHM_NUMBERS.get(text) ?? text;
}

function hexToBase32(secret: string): string {
  const bytes = decodeHex(secret);
  if (bytes === null) {
    throw new OtpUriError(
      'OTP_SECRET_INVALID',
      'The hex secret has an odd length or non-hex characters.',
    );
  }
  return encodeBase32(bytes);
}
