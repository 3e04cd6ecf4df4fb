/**
 * Writes an Authdeck backup, version 1 (format, AAD and KDF bounds in
 * ../import/authdeck-backup.ts, which also reads it back).
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { BackupCodeError, type BackupCode } from '../backup-codes';
import type { OtpAccount } from '../types';
import { validateAccount } from '../validate-account';
import {
  defaultRandomBytes,
  encodeBase64,
  encodeUtf8,
  takeRandom,
  wipe,
  type RandomBytes,
} from '../import/bytes';
import { XCHACHA_NONCE_LENGTH, type ScryptFn } from '../import/crypto';
import {
  BACKUP_CIPHER,
  BACKUP_SALT_LENGTH,
  BACKUP_VERSION,
  backupAad,
  DEFAULT_BACKUP_KDF,
  deriveBackupKey,
  isBackupKdfAllowed,
  isStoredBackupCode,
  MIN_BACKUP_LOG_N,
  type BackupKdf,
} from '../import/authdeck-backup';

export type BackupAccount = OtpAccount & { backupCodes?: readonly BackupCode[] };

export interface AuthdeckBackupOptions {
  /** scrypt cost; default logN 17, r 8, p 1. logN below 14 is refused (the import floor). */
  kdf?: BackupKdf;
  randomBytes?: RandomBytes;
  scrypt?: ScryptFn;
}

/**
 * The backup file's text. Throws OtpUriError for an invalid account and RangeError for an
 * empty passphrase or KDF parameters the importer would refuse.
 */
export async function exportAuthdeckBackup(
  accounts: readonly BackupAccount[],
  passphrase: string,
  opts: AuthdeckBackupOptions = {},
): Promise<string> {
  const kdf = opts.kdf ?? DEFAULT_BACKUP_KDF;
  if (passphrase === '') throw new RangeError('The backup passphrase is empty.');
  if (!isBackupKdfAllowed(kdf)) {
    throw new RangeError(
      `scrypt parameters out of range (logN ${MIN_BACKUP_LOG_N}–20, r 1–16, p 1–4).`,
    );
  }
  const plaintext = encodeUtf8(JSON.stringify({ accounts: accounts.map(backupEntry) }));
  const randomBytes = opts.randomBytes ?? defaultRandomBytes;
  const salt = takeRandom(randomBytes, BACKUP_SALT_LENGTH);
  const nonce = takeRandom(randomBytes, XCHACHA_NONCE_LENGTH);
  const key = await deriveBackupKey(passphrase, salt, kdf, opts.scrypt);
  try {
    const header = { kdf: { logN: kdf.logN, r: kdf.r, p: kdf.p }, salt, nonce };
    const data = xchacha20poly1305(key, nonce, backupAad(header)).encrypt(plaintext);
    const file = {
      authdeck: 'backup',
      version: BACKUP_VERSION,
      kdf: { name: 'scrypt', ...header.kdf, salt: encodeBase64(salt) },
      cipher: BACKUP_CIPHER,
      nonce: encodeBase64(nonce),
      data: encodeBase64(data),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  } finally {
    wipe(key, plaintext);
  }
}

function backupEntry(account: BackupAccount): OtpAccount & { backupCodes: BackupCode[] } {
  validateAccount(account);
  const { type, issuer, label, secret, algorithm, digits, period, counter } = account;
  const backupCodes = (account.backupCodes ?? []).map(checkedBackupCode);
  return { type, issuer, label, secret, algorithm, digits, period, counter, backupCodes };
}

/** The importer's rule, so that every backup written can be read back whole. */
function checkedBackupCode({ code, usedAt }: BackupCode): BackupCode {
  const copy = { code, usedAt };
  if (!isStoredBackupCode(copy)) {
    throw new BackupCodeError('BACKUP_CODE_INVALID', 'A backup code is not in normalised form.');
  }
  return copy;
}
