/**
 * Byte helpers shared by the importers and exporters: lenient base64 (other apps write it with
 * or without padding, line breaks or the URL alphabet), hex, base32 output and strict UTF-8.
 */
import { randomBytes as nobleRandomBytes } from '@noble/ciphers/utils.js';

export type RandomBytes = (n: number) => Uint8Array;

export const defaultRandomBytes: RandomBytes = (n) => nobleRandomBytes(n);

/** Calls `randomBytes` and checks it kept its promise, so an injected source cannot shorten a nonce. */
export function takeRandom(randomBytes: RandomBytes, n: number): Uint8Array {
  const out = randomBytes(n);
  if (out.length !== n) throw new TypeError(`randomBytes(${n}) returned ${out.length} bytes`);
  return out;
}

export function wipe(...arrays: Uint8Array[]): void {
  for (const bytes of arrays) bytes.fill(0);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Standard padded base64 (RFC 4648 §4). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let j = 0; j < 4; j++) {
      out += j < chars ? BASE64.charAt((chunk >>> (18 - 6 * j)) & 63) : '=';
    }
  }
  return out;
}

/**
 * RFC 4648 §4 base64 or §5 base64url, padding optional, whitespace ignored. Returns null for
 * any other character, misplaced padding or an impossible length (one leftover character).
 */
export function decodeBase64(text: string): Uint8Array | null {
  const body = text.replace(/\s+/g, '').replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(body) || body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of body) {
    const value = BASE64.indexOf(char === '-' ? '+' : char === '_' ? '/' : char);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}

/** Even-length hex in either case; null for anything else. */
export function decodeHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function encodeHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Canonical base32 as OtpAccount stores it: RFC 4648 §6 alphabet, no padding. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32.charAt((buffer >>> bits) & 31);
    }
  }
  if (bits > 0) out += BASE32.charAt((buffer << (5 - bits)) & 31);
  return out;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 without replacement characters (a leading BOM is dropped); null when not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
