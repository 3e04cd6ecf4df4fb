/**
 * Whole-file import failures. An import either resolves with every account it could read plus
 * one warning per entry it skipped, or throws one of these and hands back nothing.
 */
export type ImportErrorCode =
  /** Not a format Authdeck reads (or a newer version of one it reads). */
  | 'IMPORT_UNKNOWN_FORMAT'
  /** The file is encrypted and no password was given. */
  | 'IMPORT_PASSWORD_REQUIRED'
  /** The password does not open the file. */
  | 'IMPORT_WRONG_PASSWORD'
  /** An encryption Authdeck cannot open at all (Bitwarden encrypted exports, Aegis vaults with biometric slots only). */
  | 'IMPORT_ENCRYPTED_UNSUPPORTED'
  /** Truncated or broken JSON, protobuf or base64, bad KDF parameters, or content that fails authentication although the password was right. */
  | 'IMPORT_CORRUPT'
  /** A recognised file with no entries in it. */
  | 'IMPORT_EMPTY';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Shorthand for the most common failure. */
export function corrupt(message: string): ImportError {
  return new ImportError('IMPORT_CORRUPT', message);
}
