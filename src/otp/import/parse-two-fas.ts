/**
 * 2FAS Authenticator backups (`.2fas`), after twofas/2fas-android
 * (data/services/.../domain/BackupContent.kt, BackupService.kt, core/cipher BackupCipherImpl.kt):
 *   { schemaVersion, appVersionCode, services: [...], groups, servicesEncrypted?, reference? }
 * Service: { name, secret (base32), otp: { link, label, account, issuer, digits, period,
 *            algorithm, counter, tokenType: "TOTP"|"HOTP"|"STEAM", source }, order, icon, … }
 * Encrypted backups leave `services` empty and put "cipherB64:saltB64:ivB64" in
 * `servicesEncrypted`: key = PBKDF2-HMAC-SHA256(password, salt, 10 000 iterations, 256 bits),
 * AES-256-GCM with the 16-byte tag at the end of the ciphertext; the plaintext is the services
 * array as JSON. `reference` is a fixed text encrypted the same way: when it opens but the
 * services do not, the file is damaged rather than the password wrong.
 */
import { OtpUriError } from '../otp-uri-error';
import type { OtpAccount, OtpType } from '../types';
import { decodeBase64, encodeUtf8, wipe } from './bytes';
import { derivePbkdf2Sha256Key, GCM_NONCE_LENGTH, openAesGcm } from './crypto';
import { buildAccount, createCollector, EntryProblem, labelOf } from './entries';
import { corrupt, ImportError } from './import-error';
import {
  hasOwn,
  integerField,
  isRecord,
  parseDecryptedJson,
  recordField,
  stringField,
  type JsonRecord,
} from './json-fields';
import type { ImportResult } from './types';

const PBKDF2_ITERATIONS = 10_000;

interface Sealed {
  sealed: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
}

const TOKEN_TYPES = new Map<string, OtpType>([
  ['TOTP', 'totp'],
  ['HOTP', 'hotp'],
  ['STEAM', 'steam'],
]);

export function isTwoFasBackup(json: JsonRecord): boolean {
  return (
    hasOwn(json, 'schemaVersion') && (hasOwn(json, 'services') || hasOwn(json, 'servicesEncrypted'))
  );
}

export async function parseTwoFas(backup: JsonRecord, password?: string): Promise<ImportResult> {
  const encrypted = backup.servicesEncrypted;
  const services =
    typeof encrypted === 'string' && encrypted !== ''
      ? await decryptServices(backup, encrypted, password)
      : backup.services;
  if (!Array.isArray(services)) throw corrupt('The 2FAS backup has no service list.');
  const collector = createCollector();
  services.forEach((service, index) => {
    const otp = isRecord(service) && isRecord(service.otp) ? service.otp : {};
    const label = isRecord(service) ? labelOf(service.name ?? otp.issuer, otp.account) : '';
    collector.add(index + 1, label, () => twoFasAccount(service));
  });
  return collector.finish('2fas');
}

function twoFasAccount(service: unknown): OtpAccount {
  if (!isRecord(service)) {
    throw new EntryProblem('IMPORT_ENTRY_MALFORMED', 'The service is not an object.');
  }
  const otp = recordField(service, 'otp') ?? {};
  const tokenType = stringField(otp, 'tokenType', 'TOTP').toUpperCase();
  const type = TOKEN_TYPES.get(tokenType);
  if (type === undefined) {
    throw new OtpUriError('OTP_URI_TYPE', `Unknown token type "${tokenType}".`);
  }
  // The service name is what 2FAS shows and lets the user edit; otp.issuer is the QR code's.
  const issuer = stringField(service, 'name') || stringField(otp, 'issuer');
  return buildAccount({
    type,
    issuer,
    label: stringField(otp, 'account'),
    secret: stringField(service, 'secret'),
    algorithm: stringField(otp, 'algorithm'),
    digits: integerField(otp, 'digits', 6, 'OTP_DIGITS'),
    period: integerField(otp, 'period', 30, 'OTP_PERIOD'),
    counter: integerField(otp, 'counter', 0, 'OTP_COUNTER'),
  });
}

async function decryptServices(
  backup: JsonRecord,
  encrypted: string,
  password: string | undefined,
): Promise<unknown> {
  const services = splitSealed(encrypted);
  const reference =
    typeof backup.reference === 'string' && backup.reference !== ''
      ? splitSealed(backup.reference)
      : null;
  if (password === undefined || password === '') {
    throw new ImportError('IMPORT_PASSWORD_REQUIRED', 'This 2FAS backup is encrypted.');
  }
  const passwordBytes = encodeUtf8(password);
  const key = await derivePbkdf2Sha256Key(passwordBytes, services.salt, PBKDF2_ITERATIONS);
  try {
    if (reference !== null && !(await opens(reference, passwordBytes, services.salt, key))) {
      throw wrongPassword();
    }
    const plain = openAesGcm(key, services.iv, services.sealed);
    if (plain === null) {
      throw reference === null
        ? wrongPassword()
        : corrupt('The 2FAS services fail authentication.');
    }
    return parseDecryptedJson(plain, 'The decrypted 2FAS services');
  } finally {
    wipe(key, passwordBytes);
  }
}

/** The reference normally shares the services' salt, and so their key. */
async function opens(
  part: Sealed,
  password: Uint8Array,
  salt: Uint8Array,
  key: Uint8Array,
): Promise<boolean> {
  const sameSalt =
    part.salt.length === salt.length && part.salt.every((byte, i) => byte === salt[i]);
  const partKey = sameSalt
    ? key
    : await derivePbkdf2Sha256Key(password, part.salt, PBKDF2_ITERATIONS);
  const plain = openAesGcm(partKey, part.iv, part.sealed);
  if (!sameSalt) wipe(partKey);
  if (plain === null) return false;
  wipe(plain);
  return true;
}

function splitSealed(text: string): Sealed {
  const [sealed, salt, iv] = text.split(':').map(decodeBase64);
  if (
    sealed == null ||
    salt == null ||
    iv == null ||
    iv.length !== GCM_NONCE_LENGTH ||
    salt.length === 0
  ) {
    throw corrupt('The encrypted 2FAS data is not "cipher:salt:iv" in base64.');
  }
  return { sealed, salt, iv };
}

function wrongPassword(): ImportError {
  return new ImportError('IMPORT_WRONG_PASSWORD', 'The password does not open this 2FAS backup.');
}
