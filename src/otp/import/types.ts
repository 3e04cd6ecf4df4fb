import type { BackupCode } from '../backup-codes';
import type { OtpUriErrorCode } from '../otp-uri-error';
import type { OtpAccount } from '../types';

export type ImportFormat =
  | 'otpauth'
  | 'google-migration'
  | 'aegis'
  | '2fas'
  | 'authenticator-extension'
  | 'bitwarden'
  | 'andotp'
  | 'authdeck-backup';

/**
 * An account read from a file. Only Authdeck backups carry backup codes; they keep `usedAt`, so
 * a restore does not offer a code that was already spent.
 */
export type ImportedAccount = OtpAccount & { backupCodes?: BackupCode[] };

export type ImportWarningCode =
  /** A validation failure of the account itself (bad secret, digits, period, …). */
  | OtpUriErrorCode
  /** A type or algorithm Authdeck cannot generate codes for (mOTP, Yandex, Battle.net, MD5, GOST). */
  | 'IMPORT_ENTRY_UNSUPPORTED'
  /** An entry encrypted on its own inside an otherwise plain file (Authenticator extension). */
  | 'IMPORT_ENTRY_ENCRYPTED'
  /** An entry whose fields have the wrong JSON types. */
  | 'IMPORT_ENTRY_MALFORMED'
  /** A line of pasted text that is neither an otpauth:// nor an otpauth-migration:// URI. */
  | 'IMPORT_LINE_UNRECOGNISED';

export interface ImportWarning {
  /**
   * Where the skipped entry is, 1-based: the line number for otpauth:// text, the account's
   * position across all otpauth-migration:// payloads for Google exports, and the position in
   * the file's entry list for JSON formats. null when the warning is about the file as a whole.
   */
  entry: number | null;
  /** "Issuer: account" as far as the file names it; '' when it names nothing. */
  label: string;
  code: ImportWarningCode;
  message: string;
}

export interface ImportResult {
  accounts: ImportedAccount[];
  warnings: ImportWarning[];
  format: ImportFormat;
}

export interface ImportOptions {
  /** For encrypted files; '' counts as no password. Ignored for plain files. */
  password?: string;
}
