/**
 * Google Authenticator's "Transfer accounts" export: QR codes holding
 * `otpauth-migration://offline?data=BASE64`, where data is a protobuf MigrationPayload.
 * Schema as published in Aegis (beemdevelopment/Aegis, app/src/main/proto/google_auth.proto):
 *   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
 *                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5 }
 *   OtpParameters { bytes secret = 1; string name = 2; string issuer = 3;
 *                   Algorithm algorithm = 4;  // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
 *                   DigitCount digits = 5;    // 0 unspecified, 1 six, 2 eight
 *                   OtpType type = 6;         // 0 unspecified, 1 HOTP, 2 TOTP
 *                   int64 counter = 7 }
 * Unspecified values take Google Authenticator's defaults (SHA1, 6 digits, TOTP); periods are
 * not in the schema, so every account gets 30 s.
 */
import { OtpUriError } from '../otp-uri-error';
import type { OtpAccount, OtpAlgorithm } from '../types';
import { decodeBase64, decodeUtf8, encodeBase32 } from './bytes';
import { buildAccount, EntryProblem, labelOf } from './entries';
import { corrupt } from './import-error';
import { lastBytes, lastVarint, ProtobufError, readFields } from './protobuf-reader';

export const MIGRATION_SCHEME = 'otpauth-migration://';

export interface MigrationOtp {
  secret: Uint8Array;
  /** null when the bytes are not UTF-8. */
  name: string | null;
  issuer: string | null;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

const ALGORITHMS = new Map<number, OtpAlgorithm | 'MD5'>([
  [0, 'SHA1'],
  [1, 'SHA1'],
  [2, 'SHA256'],
  [3, 'SHA512'],
  [4, 'MD5'],
]);
const DIGITS = new Map([
  [0, 6],
  [1, 6],
  [2, 8],
]);

/** The accounts of one migration URI; throws ImportError IMPORT_CORRUPT when it cannot be read. */
export function decodeMigrationUri(uri: string): MigrationOtp[] {
  const data = migrationData(uri.trim());
  const bytes = data === null ? null : decodeBase64(data.replaceAll(' ', '+'));
  if (bytes === null || bytes.length === 0) {
    throw corrupt('The otpauth-migration:// URI has no readable data (truncated QR code?).');
  }
  try {
    return readFields(bytes)
      .filter((field) => field.number === 1)
      .map((field) => {
        if (field.wireType !== 2) throw new ProtobufError('otp_parameters is not a message.');
        return decodeOtpParameters(field.bytes);
      });
  } catch (error) {
    if (!(error instanceof ProtobufError)) throw error;
    throw corrupt(`The migration payload is not a valid MigrationPayload (${error.message}).`);
  }
}

function migrationData(uri: string): string | null {
  if (uri.slice(0, MIGRATION_SCHEME.length).toLowerCase() !== MIGRATION_SCHEME) return null;
  const query = uri.slice(uri.indexOf('?') + 1);
  if (!uri.includes('?')) return null;
  for (const part of query.split('#', 1)[0]?.split('&') ?? []) {
    const [name, value] = part.split('=', 2);
    if (name?.toLowerCase() !== 'data' || value === undefined) continue;
    try {
      return decodeURIComponent(value);
    } catch (error) {
      if (error instanceof URIError) return null;
      throw error;
    }
  }
  return null;
}

function decodeOtpParameters(bytes: Uint8Array): MigrationOtp {
  const fields = readFields(bytes);
  const text = (number: number): string | null =>
    decodeUtf8(lastBytes(fields, number) ?? new Uint8Array());
  return {
    secret: lastBytes(fields, 1) ?? new Uint8Array(),
    name: text(2),
    issuer: text(3),
    algorithm: smallEnum(lastVarint(fields, 4)),
    digits: smallEnum(lastVarint(fields, 5)),
    type: smallEnum(lastVarint(fields, 6)),
    counter: lastVarint(fields, 7),
  };
}

/** Enum values past int32 are just "unknown"; -1 keeps them out of every lookup table. */
function smallEnum(value: bigint): number {
  return value <= 0x7fff_ffffn ? Number(value) : -1;
}

export function migrationLabel(otp: MigrationOtp): string {
  if (otp.name === null || otp.issuer === null) return labelOf(otp.issuer, otp.name);
  const { issuer, label } = splitName(otp.name.trim(), otp.issuer.trim());
  return labelOf(issuer, label);
}

/** Throws OtpUriError or EntryProblem for an entry Authdeck cannot take. */
export function migrationAccount(otp: MigrationOtp): OtpAccount {
  if (otp.name === null || otp.issuer === null) {
    throw new OtpUriError('OTP_LABEL_INVALID', 'The name or issuer is not valid UTF-8.');
  }
  const algorithm = ALGORITHMS.get(otp.algorithm);
  if (algorithm === undefined) {
    throw new OtpUriError('OTP_ALGORITHM', `Unknown algorithm ${otp.algorithm}.`);
  }
  if (algorithm === 'MD5') {
    throw new EntryProblem('IMPORT_ENTRY_UNSUPPORTED', 'The MD5 algorithm is not supported.');
  }
  const digits = DIGITS.get(otp.digits);
  if (digits === undefined) {
    throw new OtpUriError('OTP_DIGITS', `Unknown digit count ${otp.digits}.`);
  }
  const type = otp.type === 1 ? 'hotp' : otp.type === 0 || otp.type === 2 ? 'totp' : null;
  if (type === null) throw new OtpUriError('OTP_URI_TYPE', `Unknown OTP type ${otp.type}.`);
  if (otp.secret.length === 0) {
    throw new OtpUriError('OTP_SECRET_MISSING', 'The entry has no secret.');
  }
  const { issuer, label } = splitName(otp.name.trim(), otp.issuer.trim());
  // int64 past 2^53 loses precision in Number and is then refused by validateAccount.
  const counter = type === 'hotp' ? Number(BigInt.asIntN(64, otp.counter)) : 0;
  return buildAccount({
    type,
    issuer,
    label,
    secret: encodeBase32(otp.secret),
    algorithm,
    digits,
    counter,
  });
}

/**
 * Google Authenticator stores the whole label as `name`, usually "Issuer:account". One issuer
 * prefix is removed; with no issuer field, a prefix becomes the issuer, and an empty prefix
 * (":a:b", as exportGoogleMigration writes names containing ':') means "no issuer".
 */
export function splitName(name: string, issuer: string): { issuer: string; label: string } {
  if (issuer !== '') {
    const prefixed = name.slice(0, issuer.length + 1).toLowerCase() === `${issuer.toLowerCase()}:`;
    return { issuer, label: prefixed ? name.slice(issuer.length + 1).trim() : name };
  }
  const colonAt = name.indexOf(':');
  if (colonAt < 0) return { issuer: '', label: name };
  return { issuer: name.slice(0, colonAt).trim(), label: name.slice(colonAt + 1).trim() };
}
