/**
 * Vault header, format version 1. Every multi-byte field is a plain byte string; there are no
 * integers wider than one byte, so there is no endianness to get wrong.
 *
 * | offset | length | field                                                        |
 * |-------:|-------:|--------------------------------------------------------------|
 * |      0 |      4 | magic, ASCII "ADKV" (0x41 0x44 0x4b 0x56)                    |
 * |      4 |      1 | format version = 0x01                                        |
 * |      5 |      1 | KDF id: 0x01 = scrypt (RFC 7914)                             |
 * |      6 |      1 | scrypt log2 N                                                |
 * |      7 |      1 | scrypt r                                                     |
 * |      8 |      1 | scrypt p                                                     |
 * |      9 |     16 | KDF salt (random per passphrase)                             |
 * |     25 |      1 | cipher id: 0x01 = XChaCha20-Poly1305                         |
 * |     26 |     16 | vault id (random at creation, kept across passphrase changes) |
 * |     42 |     24 | key-wrap nonce (random per wrap)                             |
 * |     66 |     32 | wrapped vault key: ciphertext                                |
 * |     98 |     16 | wrapped vault key: Poly1305 tag                              |
 * |    114 |        | end: a version-1 header is exactly 114 bytes                 |
 *
 * Authentication: bytes 0..41 (everything before the wrap nonce) are the associated data of
 * the key wrap, XChaCha20-Poly1305(KEK, wrap nonce). All 114 bytes are the associated data of
 * the body, XChaCha20-Poly1305(vault key, body nonce). So no header bit can change unnoticed:
 * bytes 0..41 break both tags, bytes 42..113 break the body tag.
 *
 * Parsing is strict: known magic, then version (a newer version is VAULT_UNSUPPORTED, not
 * malformed, so the UI can say "update Authdeck"), then exact length, then known ids. Range
 * checks on the KDF parameters are not parsing; they happen before any KDF run (see kdf.ts).
 */
import { VaultError } from './errors';
import type { KdfParams } from './kdf';

export const HEADER_MAGIC = Uint8Array.of(0x41, 0x44, 0x4b, 0x56);
export const HEADER_VERSION = 1;
export const KDF_ID_SCRYPT = 1;
export const CIPHER_ID_XCHACHA20_POLY1305 = 1;

export const SALT_LENGTH = 16;
export const VAULT_ID_LENGTH = 16;
export const NONCE_LENGTH = 24;
export const VAULT_KEY_LENGTH = 32;
export const TAG_LENGTH = 16;

/** Offsets of the table above; `WRAP_AAD_END` is where the key-wrap associated data stops. */
export const OFFSET = Object.freeze({
  magic: 0,
  version: 4,
  kdfId: 5,
  logN: 6,
  r: 7,
  p: 8,
  salt: 9,
  cipherId: 25,
  vaultId: 26,
  wrapNonce: 42,
  wrappedKey: 66,
});
export const WRAP_AAD_END = OFFSET.wrapNonce;
export const WRAPPED_KEY_LENGTH = VAULT_KEY_LENGTH + TAG_LENGTH;
export const HEADER_LENGTH = OFFSET.wrappedKey + WRAPPED_KEY_LENGTH;

export interface VaultHeader {
  kdf: KdfParams;
  salt: Uint8Array;
  vaultId: Uint8Array;
  wrapNonce: Uint8Array;
  /** Ciphertext followed by tag. */
  wrappedKey: Uint8Array;
}

function checkLength(name: string, bytes: Uint8Array, length: number): void {
  if (bytes.length !== length) throw new TypeError(`${name} must be ${length} bytes`);
}

function checkByte(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 255) {
    throw new TypeError(`${name} must fit in one byte`);
  }
}

/**
 * Serialises a header. It checks only that each field fits its slot, not that the KDF
 * parameters are acceptable, so tests can build the hostile headers unlock must refuse.
 */
export function encodeHeader(header: VaultHeader): Uint8Array {
  const { kdf } = header;
  checkByte('logN', kdf.logN);
  checkByte('r', kdf.r);
  checkByte('p', kdf.p);
  checkLength('salt', header.salt, SALT_LENGTH);
  checkLength('vaultId', header.vaultId, VAULT_ID_LENGTH);
  checkLength('wrapNonce', header.wrapNonce, NONCE_LENGTH);
  checkLength('wrappedKey', header.wrappedKey, WRAPPED_KEY_LENGTH);
  const out = new Uint8Array(HEADER_LENGTH);
  out.set(HEADER_MAGIC, OFFSET.magic);
  out.set([HEADER_VERSION, KDF_ID_SCRYPT, kdf.logN, kdf.r, kdf.p], OFFSET.version);
  out.set(header.salt, OFFSET.salt);
  out[OFFSET.cipherId] = CIPHER_ID_XCHACHA20_POLY1305;
  out.set(header.vaultId, OFFSET.vaultId);
  out.set(header.wrapNonce, OFFSET.wrapNonce);
  out.set(header.wrappedKey, OFFSET.wrappedKey);
  return out;
}

function byteAt(bytes: Uint8Array, offset: number): number {
  const value = bytes[offset];
  if (value === undefined) throw new VaultError('VAULT_HEADER_MALFORMED', 'vault header too short');
  return value;
}

function slice(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  return bytes.slice(offset, offset + length);
}

/** Parses a version-1 header; the returned fields are copies, safe to keep or wipe. */
export function parseHeader(bytes: Uint8Array): VaultHeader {
  if (bytes.length < HEADER_MAGIC.length || !HEADER_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new VaultError('VAULT_HEADER_MALFORMED', 'not an Authdeck vault header (bad magic)');
  }
  const version = byteAt(bytes, OFFSET.version);
  if (version !== HEADER_VERSION) {
    throw new VaultError('VAULT_UNSUPPORTED', `vault format version ${version} is not supported`);
  }
  if (bytes.length !== HEADER_LENGTH) {
    throw new VaultError(
      'VAULT_HEADER_MALFORMED',
      `vault header is ${bytes.length} bytes, expected ${HEADER_LENGTH}`,
    );
  }
  const kdfId = byteAt(bytes, OFFSET.kdfId);
  const cipherId = byteAt(bytes, OFFSET.cipherId);
  if (kdfId !== KDF_ID_SCRYPT) {
    throw new VaultError('VAULT_UNSUPPORTED', `KDF id ${kdfId} is not supported`);
  }
  if (cipherId !== CIPHER_ID_XCHACHA20_POLY1305) {
    throw new VaultError('VAULT_UNSUPPORTED', `cipher id ${cipherId} is not supported`);
  }
  return {
    kdf: {
      logN: byteAt(bytes, OFFSET.logN),
      r: byteAt(bytes, OFFSET.r),
      p: byteAt(bytes, OFFSET.p),
    },
    salt: slice(bytes, OFFSET.salt, SALT_LENGTH),
    vaultId: slice(bytes, OFFSET.vaultId, VAULT_ID_LENGTH),
    wrapNonce: slice(bytes, OFFSET.wrapNonce, NONCE_LENGTH),
    wrappedKey: slice(bytes, OFFSET.wrappedKey, WRAPPED_KEY_LENGTH),
  };
}
