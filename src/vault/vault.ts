/**
 * The vault as browser storage holds it, and the five operations on it (issue "Authenticator
 * core" §4). Only create, unlock and changePassphrase run the KDF; read and write take the
 * vault key the worker keeps in storage.session while unlocked.
 *
 *   createVault ──► { stored, key }
 *   stored + passphrase ──unlockVault──► key ──readVault / writeVault──► contents / stored'
 *   stored + old + new ──changePassphrase──► stored' (same key, same contents, new salt)
 */
import { VaultError } from './errors';
import {
  base64ToBytes,
  bytesToBase64,
  defaultRandomBytes,
  takeRandom,
  wipe,
  type RandomBytes,
} from './bytes';
import { assertKdfParams, assertPassphrase, DEFAULT_KDF, deriveKek } from './kdf';
import type { KdfParams, ScryptFn } from './kdf';
import { parseHeader, SALT_LENGTH, VAULT_ID_LENGTH, VAULT_KEY_LENGTH } from './header';
import { assertVaultKey, sealHeader, unwrapVaultKey, type HeaderFields } from './key-wrap';
import { openBody, sealBody } from './body';

/** JSON-safe shape kept in storage.local. */
export interface StoredVault {
  format: 1;
  /** base64 of the binary header (header.ts). */
  header: string;
  /** base64 of nonce || ciphertext || tag. */
  body: string;
}

export interface VaultOptions {
  /** scrypt cost of a new wrap. Default: DEFAULT_KDF in createVault, the current header's in
   *  changePassphrase (so a passphrase change alone never lowers the cost). */
  kdf?: KdfParams;
  randomBytes?: (n: number) => Uint8Array;
  scrypt?: ScryptFn;
}

export type UnlockOptions = Pick<VaultOptions, 'scrypt'>;
export type WriteOptions = Pick<VaultOptions, 'randomBytes'>;

const STORED_FORMAT = 1;

function encodeContents(contents: unknown): Uint8Array {
  const json: unknown = JSON.stringify(contents);
  if (typeof json !== 'string') throw new TypeError('vault contents must be JSON-serialisable');
  return new TextEncoder().encode(json);
}

function decodeContents(plaintext: Uint8Array): unknown {
  // Authenticated bytes we wrote ourselves; callers still validate the shape of what they get.
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as unknown;
}

/** Checks the storage shape and returns the raw header bytes, already parsed once for strictness. */
function headerBytesOf(stored: StoredVault): Uint8Array {
  const candidate: unknown = stored;
  if (typeof candidate !== 'object' || candidate === null) {
    throw new VaultError('VAULT_HEADER_MALFORMED', 'stored vault is not an object');
  }
  const { format, header } = candidate as Record<string, unknown>;
  if (format !== STORED_FORMAT) {
    throw new VaultError(
      'VAULT_UNSUPPORTED',
      `stored vault format ${String(format)} is not supported`,
    );
  }
  const bytes = typeof header === 'string' ? base64ToBytes(header) : null;
  if (bytes === null) throw new VaultError('VAULT_HEADER_MALFORMED', 'vault header is not base64');
  parseHeader(bytes);
  return bytes;
}

function bodyBytesOf(stored: StoredVault): Uint8Array {
  const body: unknown = stored.body;
  const bytes = typeof body === 'string' ? base64ToBytes(body) : null;
  // The body has no structure of its own to be "malformed"; anything unreadable is unauthentic.
  if (bytes === null) throw new VaultError('VAULT_TAMPERED', 'vault body is not base64');
  return bytes;
}

function toStored(header: Uint8Array, body: Uint8Array): StoredVault {
  return { format: STORED_FORMAT, header: bytesToBase64(header), body: bytesToBase64(body) };
}

/** Derives a KEK for `fields` and returns the header wrapping `vaultKey` under it. */
async function wrapUnder(
  passphrase: string,
  fields: HeaderFields,
  vaultKey: Uint8Array,
  opts: VaultOptions,
): Promise<Uint8Array> {
  const kek = await deriveKek(passphrase, fields.salt, fields.kdf, opts.scrypt);
  try {
    return sealHeader(fields, vaultKey, kek, opts.randomBytes ?? defaultRandomBytes);
  } finally {
    wipe(kek);
  }
}

async function unlockHeader(
  headerBytes: Uint8Array,
  passphrase: string,
  scrypt?: ScryptFn,
): Promise<Uint8Array> {
  const { kdf, salt } = parseHeader(headerBytes);
  assertKdfParams(kdf); // before the KDF: the header decides its cost
  const kek = await deriveKek(passphrase, salt, kdf, scrypt);
  try {
    return unwrapVaultKey(headerBytes, kek);
  } finally {
    wipe(kek);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T pairs create/write with readVault<T> (issue §4 API)
export async function createVault<T>(
  passphrase: string,
  contents: T,
  opts: VaultOptions = {},
): Promise<{ stored: StoredVault; key: Uint8Array }> {
  assertPassphrase(passphrase);
  const kdf = { ...(opts.kdf ?? DEFAULT_KDF) };
  assertKdfParams(kdf);
  const plaintext = encodeContents(contents);
  const randomBytes: RandomBytes = opts.randomBytes ?? defaultRandomBytes;
  const fields: HeaderFields = {
    kdf,
    salt: takeRandom(randomBytes, SALT_LENGTH),
    vaultId: takeRandom(randomBytes, VAULT_ID_LENGTH),
  };
  const key = takeRandom(randomBytes, VAULT_KEY_LENGTH);
  try {
    const header = await wrapUnder(passphrase, fields, key, opts);
    return { stored: toStored(header, sealBody(key, header, plaintext, randomBytes)), key };
  } catch (error) {
    wipe(key); // only a vault that was created hands its key out
    throw error;
  } finally {
    wipe(plaintext);
  }
}

/** Returns the vault key; keep it in storage.session (see encodeKey) until the vault locks. */
export async function unlockVault(
  stored: StoredVault,
  passphrase: string,
  opts: UnlockOptions = {},
): Promise<Uint8Array> {
  assertPassphrase(passphrase);
  return unlockHeader(headerBytesOf(stored), passphrase, opts.scrypt);
}

/**
 * Decrypts and parses the contents. `T` is the caller's claim about what was stored, not a
 * check: the value is what JSON.parse returns, so validate it where it enters typed code.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T pairs create/write with readVault<T> (issue §4 API)
export function readVault<T>(stored: StoredVault, key: Uint8Array): T {
  assertVaultKey(key);
  const plaintext = openBody(key, headerBytesOf(stored), bodyBytesOf(stored));
  try {
    return decodeContents(plaintext) as T;
  } finally {
    wipe(plaintext);
  }
}

/**
 * Re-seals new contents under the same header with a fresh nonce. The current body must open
 * with `key` first: a stale key (say, from before the vault was reset) would otherwise write a
 * body that no passphrase can ever open again.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T pairs create/write with readVault<T> (issue §4 API)
export function writeVault<T>(
  stored: StoredVault,
  key: Uint8Array,
  contents: T,
  opts: WriteOptions = {},
): StoredVault {
  assertVaultKey(key);
  const header = headerBytesOf(stored);
  wipe(openBody(key, header, bodyBytesOf(stored)));
  const plaintext = encodeContents(contents);
  try {
    return toStored(
      header,
      sealBody(key, header, plaintext, opts.randomBytes ?? defaultRandomBytes),
    );
  } finally {
    wipe(plaintext);
  }
}

/**
 * Re-wraps the same vault key under `newPassphrase` with a new salt (and `opts.kdf`, else the
 * current parameters), keeping the vault id, and re-seals the body under the new header.
 */
export async function changePassphrase(
  stored: StoredVault,
  oldPassphrase: string,
  newPassphrase: string,
  opts: VaultOptions = {},
): Promise<StoredVault> {
  assertPassphrase(oldPassphrase);
  assertPassphrase(newPassphrase);
  const oldHeader = headerBytesOf(stored);
  const current = parseHeader(oldHeader);
  const kdf = { ...(opts.kdf ?? current.kdf) };
  assertKdfParams(kdf); // both parameter sets are checked before either KDF runs
  assertKdfParams(current.kdf);
  const body = bodyBytesOf(stored);
  const key = await unlockHeader(oldHeader, oldPassphrase, opts.scrypt);
  try {
    const plaintext = openBody(key, oldHeader, body);
    try {
      const randomBytes = opts.randomBytes ?? defaultRandomBytes;
      const fields = { kdf, salt: takeRandom(randomBytes, SALT_LENGTH), vaultId: current.vaultId };
      const header = await wrapUnder(newPassphrase, fields, key, opts);
      return toStored(header, sealBody(key, header, plaintext, randomBytes));
    } finally {
      wipe(plaintext);
    }
  } finally {
    wipe(key);
  }
}
