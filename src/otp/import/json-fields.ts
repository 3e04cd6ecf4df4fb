/**
 * Typed reads from parsed JSON of unknown shape. A missing field (absent or null) gives the
 * fallback; a field of the wrong type throws, so each parser decides whether that skips one
 * entry (a warning) or fails the file.
 */
import { OtpUriError, type OtpUriErrorCode } from '../otp-uri-error';
import { decodeUtf8, wipe } from './bytes';
import { corrupt } from './import-error';

export type JsonRecord = Record<string, unknown>;

export class FieldTypeError extends Error {
  override readonly name = 'FieldTypeError';
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(record: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key) && record[key] != null;
}

/** A string field, trimmed; `fallback` when absent. */
export function stringField(record: JsonRecord, key: string, fallback = ''): string {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new FieldTypeError(`"${key}" is not a string.`);
  return value.trim();
}

export function recordField(record: JsonRecord, key: string): JsonRecord | undefined {
  const value = own(record, key);
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new FieldTypeError(`"${key}" is not an object.`);
  return value;
}

export function arrayField(record: JsonRecord, key: string): unknown[] | undefined {
  const value = own(record, key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new FieldTypeError(`"${key}" is not an array.`);
  return value as unknown[];
}

/**
 * A whole number given as a JSON number or a digit string (some apps write "30"); `fallback`
 * when absent. Anything else throws OtpUriError with `code`, so it becomes that warning.
 */
export function integerField(
  record: JsonRecord,
  key: string,
  fallback: number,
  code: OtpUriErrorCode,
): number {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value)) return Number(value);
  throw new OtpUriError(code, `"${key}" is not a whole number.`);
}

/** Own properties only: a file's "__proto__" or "constructor" key must not reach prototypes. */
function own(record: JsonRecord, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  const value = record[key];
  return value === null ? undefined : value;
}

/** JSON from decrypted bytes, which are wiped afterwards; throws IMPORT_CORRUPT. */
export function parseDecryptedJson(bytes: Uint8Array, what: string): unknown {
  const text = decodeUtf8(bytes);
  wipe(bytes);
  try {
    if (text === null) throw new SyntaxError('not UTF-8');
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw corrupt(`${what} is not JSON.`);
    throw error;
  }
}
