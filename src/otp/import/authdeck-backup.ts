/**
 * Authdeck's own backup file, version 1 (format defined here; exportAuthdeckBackup writes it):
 *
 *   { "authdeck": "backup", "version": 1,
 *     "kdf": { "name": "scrypt", "logN": 17, "r": 8, "p": 1, "salt": B64 },
 *     "cipher": "xchacha20poly1305", "nonce": B64, "data": B64 }
 *
 * key = scrypt(NFC(passphrase), salt, N = 2^logN, r, p, 32 bytes) (RFC 7914);
 * data = XChaCha20-Poly1305(key, nonce, plaintext, AAD) with the 16-byte tag at the end;
 * AAD = UTF-8 of JSON.stringify of every field but `data`, in the order above, with salt and
 * nonce re-encoded as padded base64 from their bytes (so the AAD does not depend on spacing).
 * plaintext = UTF-8 JSON { "accounts": [ OtpAccount & { "backupCodes": [{ code, usedAt }] } ] }.
 *
 * KDF bounds on import: logN 14–20 (floor 2^14 = 16 MiB with r = 8: cheaper backups are not
 * worth the name; the export default is 17), r 1–16, p 1–4, at most 1 GiB. One AEAD covers
 * everything, so a failed open cannot tell a wrong passphrase from a damaged file: it is
 * reported as IMPORT_WRONG_PASSWORD.
 */
import type { BackupCode } from '../backup-codes';
import { normalizeBackupCode } from '../backup-codes';
import { OtpUriError } from '../otp-uri-error';
import { OTP_TYPES } from '../validate-account';
import { decodeBase64, encodeBase64, encodeUtf8, wipe } from './bytes';
import {
  defaultScrypt,
  deriveScryptKey,
  isScryptCostAllowed,
  openXChaCha,
  TAG_LENGTH,
  XCHACHA_NONCE_LENGTH,
  type ScryptFn,
} from './crypto';
import { buildAccount, createCollector, EntryProblem, labelOf } from './entries';
import { corrupt, ImportError } from './import-error';
import {
  arrayField,
  integerField,
  isRecord,
  parseDecryptedJson,
  stringField,
  type JsonRecord,
} from './json-fields';
import type { ImportedAccount, ImportResult, ImportWarning } from './types';

export const BACKUP_VERSION = 1;
export const BACKUP_CIPHER = 'xchacha20poly1305';

export interface BackupKdf {
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_BACKUP_KDF: Readonly<BackupKdf> = Object.freeze({ logN: 17, r: 8, p: 1 });
export const MIN_BACKUP_LOG_N = 14;
export const BACKUP_SALT_LENGTH = 32;

export interface BackupHeader {
  kdf: BackupKdf;
  salt: Uint8Array;
  nonce: Uint8Array;
}

export function isBackupKdfAllowed({ logN, r, p }: BackupKdf): boolean {
  return (
    Number.isInteger(logN) &&
    logN >= MIN_BACKUP_LOG_N &&
    isScryptCostAllowed({ N: 2 ** logN, r, p }, 2 ** MIN_BACKUP_LOG_N)
  );
}

/** The associated data both sides compute from the header values. */
export function backupAad({ kdf, salt, nonce }: BackupHeader): Uint8Array {
  const header = {
    authdeck: 'backup',
    version: BACKUP_VERSION,
    kdf: { name: 'scrypt', logN: kdf.logN, r: kdf.r, p: kdf.p, salt: encodeBase64(salt) },
    cipher: BACKUP_CIPHER,
    nonce: encodeBase64(nonce),
  };
  return encodeUtf8(JSON.stringify(header));
}

export async function deriveBackupKey(
  passphrase: string,
  salt: Uint8Array,
  kdf: BackupKdf,
  scrypt: ScryptFn = defaultScrypt,
): Promise<Uint8Array> {
  const password = encodeUtf8(passphrase.normalize('NFC'));
  try {
    return await deriveScryptKey(password, salt, { N: 2 ** kdf.logN, r: kdf.r, p: kdf.p }, scrypt);
  } finally {
    wipe(password);
  }
}

export function isAuthdeckBackup(json: JsonRecord): boolean {
  return json.authdeck === 'backup';
}

/**
 * Opens an Authdeck backup (the file's text) with its passphrase. Throws ImportError; accounts
 * that fail validation become warnings, as in importAccounts.
 */
export async function importAuthdeckBackup(
  text: string,
  passphrase: string,
  opts: { scrypt?: ScryptFn } = {},
): Promise<{ accounts: ImportedAccount[]; warnings: ImportWarning[] }> {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw corrupt('The backup is not valid JSON.');
    throw error;
  }
  if (!isRecord(json) || !isAuthdeckBackup(json)) {
    throw new ImportError('IMPORT_UNKNOWN_FORMAT', 'This is not an Authdeck backup.');
  }
  const { accounts, warnings } = await parseAuthdeckBackup(json, passphrase, opts.scrypt);
  return { accounts, warnings };
}

export async function parseAuthdeckBackup(
  json: JsonRecord,
  passphrase: string | undefined,
  scrypt: ScryptFn = defaultScrypt,
): Promise<ImportResult> {
  const { header, sealed } = readBackupFile(json);
  if (passphrase === undefined || passphrase === '') {
    throw new ImportError('IMPORT_PASSWORD_REQUIRED', 'This Authdeck backup needs its passphrase.');
  }
  const key = await deriveBackupKey(passphrase, header.salt, header.kdf, scrypt);
  const plain = openXChaCha(key, header.nonce, sealed, backupAad(header));
  wipe(key);
  if (plain === null) {
    throw new ImportError(
      'IMPORT_WRONG_PASSWORD',
      'The passphrase does not open this backup (or the file was altered).',
    );
  }
  const content = parseDecryptedJson(plain, 'The decrypted backup');
  const entries = isRecord(content) ? content.accounts : undefined;
  if (!Array.isArray(entries)) throw corrupt('The decrypted backup has no account list.');
  const collector = createCollector();
  entries.forEach((entry, index) => {
    const label = isRecord(entry) ? labelOf(entry.issuer, entry.label) : '';
    collector.add(index + 1, label, () => backupAccount(entry));
  });
  return collector.finish('authdeck-backup');
}

function readBackupFile(json: JsonRecord): { header: BackupHeader; sealed: Uint8Array } {
  if (json.version !== BACKUP_VERSION) {
    throw new ImportError(
      'IMPORT_UNKNOWN_FORMAT',
      `Authdeck backup version ${String(json.version)} is newer than this Authdeck reads.`,
    );
  }
  const kdfRecord = isRecord(json.kdf) ? json.kdf : {};
  const kdf = { logN: kdfRecord.logN, r: kdfRecord.r, p: kdfRecord.p };
  const salt = typeof kdfRecord.salt === 'string' ? decodeBase64(kdfRecord.salt) : null;
  const nonce = typeof json.nonce === 'string' ? decodeBase64(json.nonce) : null;
  const sealed = typeof json.data === 'string' ? decodeBase64(json.data) : null;
  if (kdfRecord.name !== 'scrypt' || json.cipher !== BACKUP_CIPHER) {
    throw corrupt('The backup names a KDF or cipher Authdeck does not use.');
  }
  if (!isKdf(kdf) || !isBackupKdfAllowed(kdf)) {
    throw corrupt(
      `The backup's scrypt parameters are outside the accepted range (logN ≥ ${MIN_BACKUP_LOG_N}).`,
    );
  }
  if (
    salt === null ||
    salt.length < 16 ||
    salt.length > 64 ||
    nonce?.length !== XCHACHA_NONCE_LENGTH ||
    sealed === null ||
    sealed.length < TAG_LENGTH
  ) {
    throw corrupt('The backup salt, nonce or data is missing, malformed or truncated.');
  }
  return { header: { kdf, salt, nonce }, sealed };
}

function isKdf(kdf: { logN: unknown; r: unknown; p: unknown }): kdf is BackupKdf {
  return typeof kdf.logN === 'number' && typeof kdf.r === 'number' && typeof kdf.p === 'number';
}

function backupAccount(entry: unknown): ImportedAccount {
  if (!isRecord(entry)) {
    throw new EntryProblem('IMPORT_ENTRY_MALFORMED', 'The account is not an object.');
  }
  const type = OTP_TYPES.find((known) => known === entry.type);
  if (type === undefined) {
    throw new OtpUriError('OTP_URI_TYPE', 'The account type is not totp, hotp or steam.');
  }
  const account = buildAccount({
    type,
    issuer: stringField(entry, 'issuer'),
    label: stringField(entry, 'label'),
    secret: stringField(entry, 'secret'),
    algorithm: stringField(entry, 'algorithm'),
    digits: integerField(entry, 'digits', 6, 'OTP_DIGITS'),
    period: integerField(entry, 'period', 30, 'OTP_PERIOD'),
    counter: integerField(entry, 'counter', 0, 'OTP_COUNTER'),
  });
  return { ...account, backupCodes: readBackupCodes(arrayField(entry, 'backupCodes') ?? []) };
}

function readBackupCodes(list: unknown[]): BackupCode[] {
  return list.map((item) => {
    const stored = isRecord(item) ? { code: item.code, usedAt: item.usedAt ?? null } : {};
    if (!isStoredBackupCode(stored)) {
      throw new EntryProblem(
        'IMPORT_ENTRY_MALFORMED',
        'A backup code of this account is malformed.',
      );
    }
    return { code: stored.code, usedAt: stored.usedAt };
  });
}

/**
 * A code as backup-codes.ts stores it (already normalised, not empty) with a use time in Unix
 * ms or null. The exporter applies the same rule, so every backup written reads back whole.
 */
export function isStoredBackupCode(entry: {
  code?: unknown;
  usedAt?: unknown;
}): entry is BackupCode {
  const { code, usedAt } = entry;
  if (typeof code !== 'string' || code === '') return false;
  const normalized = normalizeBackupCode(code);
  const validUse =
    usedAt === null || (typeof usedAt === 'number' && Number.isSafeInteger(usedAt) && usedAt >= 0);
  return 'code' in normalized && normalized.code === code && validUse;
}
