/** Codes callers and tests branch on; the worker turns them into `{code, message}` replies. */
export type VaultErrorCode =
  | 'VAULT_PASSPHRASE_EMPTY'
  | 'VAULT_KDF_PARAMS'
  | 'VAULT_WRONG_PASSPHRASE'
  | 'VAULT_HEADER_MALFORMED'
  | 'VAULT_UNSUPPORTED'
  | 'VAULT_TAMPERED';

export const VAULT_ERROR_CODES: readonly VaultErrorCode[] = [
  'VAULT_PASSPHRASE_EMPTY',
  'VAULT_KDF_PARAMS',
  'VAULT_WRONG_PASSPHRASE',
  'VAULT_HEADER_MALFORMED',
  'VAULT_UNSUPPORTED',
  'VAULT_TAMPERED',
];

/**
 * Thrown for every expected vault failure (bad input from storage or the user). Programming
 * mistakes (a key of the wrong length, contents JSON cannot encode) throw `TypeError` instead.
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export function isVaultError(value: unknown, code?: VaultErrorCode): value is VaultError {
  return value instanceof VaultError && (code === undefined || value.code === code);
}
