/**
 * Byte helpers for the vault: strict base64 (what goes into browser storage), zeroing, and the
 * default randomness source. Kept local so the vault depends on nothing outside itself.
 */
import { randomBytes as nobleRandomBytes } from '@noble/ciphers/utils.js';

export type RandomBytes = (n: number) => Uint8Array;

/** crypto.getRandomValues through noble, which refuses to run without a CSPRNG. */
export const defaultRandomBytes: RandomBytes = (n) => nobleRandomBytes(n);

/** Calls `randomBytes` and checks it kept its promise, so an injected source cannot shorten a nonce. */
export function takeRandom(randomBytes: RandomBytes, n: number): Uint8Array {
  const out = randomBytes(n);
  if (out.length !== n) {
    throw new TypeError(`randomBytes(${n}) returned ${out.length} bytes`);
  }
  return out;
}

/** Zero-fills every array given; used on KEKs, passphrase bytes and decrypted plaintext. */
export function wipe(...arrays: Uint8Array[]): void {
  for (const bytes of arrays) bytes.fill(0);
}

const B64_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Padded standard base64 only, and only its canonical form (unused trailing bits zero), so each
 * byte string has exactly one stored spelling. Returns null for anything else.
 */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!B64_SHAPE.test(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytesToBase64(bytes) === text ? bytes : null;
}
