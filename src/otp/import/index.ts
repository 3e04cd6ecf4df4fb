/**
 * importAccounts: reads any supported export, telling the format from the content alone.
 *
 *   text ── starts with { or [ ──▶ JSON ──▶ authdeck backup │ Aegis │ 2FAS │ Bitwarden
 *    │                                                     │ Authenticator extension │ andOTP
 *    └── has otpauth:// or otpauth-migration:// lines ──▶ URI text (Google exports included)
 *
 * It resolves with every account it could read and one warning per skipped entry, or throws
 * an ImportError and hands back nothing. JSON that does not parse is IMPORT_CORRUPT (a
 * truncated export), not an unknown format.
 */
import { decodeUtf8 } from './bytes';
import { parseAuthdeckBackup, isAuthdeckBackup } from './authdeck-backup';
import { corrupt, ImportError } from './import-error';
import { isRecord, type JsonRecord } from './json-fields';
import { isAegisVault, parseAegis } from './parse-aegis';
import { isAndOtpBackup, parseAndOtp } from './parse-andotp';
import {
  isAuthenticatorExtensionBackup,
  parseAuthenticatorExtension,
} from './parse-authenticator-extension';
import { isBitwardenExport, parseBitwarden } from './parse-bitwarden';
import { looksLikeOtpauthText, parseOtpauthText } from './parse-otpauth-text';
import { isTwoFasBackup, parseTwoFas } from './parse-two-fas';
import type { ImportOptions, ImportResult } from './types';

export { ImportError, type ImportErrorCode } from './import-error';
export { importAuthdeckBackup } from './authdeck-backup';
export type {
  ImportedAccount,
  ImportFormat,
  ImportOptions,
  ImportResult,
  ImportWarning,
  ImportWarningCode,
} from './types';

export async function importAccounts(
  input: Uint8Array | string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const text = toText(input);
  if (text.trim() === '') throw new ImportError('IMPORT_EMPTY', 'The file is empty.');
  const start = text.trimStart().charAt(0);
  if (start === '{' || start === '[') return importJson(parseJson(text), options.password);
  if (looksLikeOtpauthText(text)) return parseOtpauthText(text);
  throw new ImportError('IMPORT_UNKNOWN_FORMAT', 'Authdeck does not recognise this file.');
}

function toText(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const text = decodeUtf8(input);
  // Every supported format is UTF-8 text; binary (andOTP's encrypted backups, images) is not.
  if (text === null) throw new ImportError('IMPORT_UNKNOWN_FORMAT', 'The file is not text.');
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw corrupt('The file is not valid JSON (truncated?).');
    throw error;
  }
}

async function importJson(json: unknown, password: string | undefined): Promise<ImportResult> {
  if (Array.isArray(json) && isAndOtpBackup(json)) return parseAndOtp(json);
  if (!isRecord(json)) throw unknownFormat();
  return importRecord(json, password);
}

function importRecord(
  json: JsonRecord,
  password: string | undefined,
): Promise<ImportResult> | ImportResult {
  if (isAuthdeckBackup(json)) return parseAuthdeckBackup(json, password);
  if (isAegisVault(json)) return parseAegis(json, password);
  if (isTwoFasBackup(json)) return parseTwoFas(json, password);
  if (isBitwardenExport(json)) return parseBitwarden(json);
  if (isAuthenticatorExtensionBackup(json)) return parseAuthenticatorExtension(json);
  throw unknownFormat();
}

function unknownFormat(): ImportError {
  return new ImportError('IMPORT_UNKNOWN_FORMAT', 'Authdeck does not recognise this JSON file.');
}
