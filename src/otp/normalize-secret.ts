import { OtpUriError } from './otp-uri-error';

/**
 * 80 bits. RFC 4226 §4 (R6) asks for 128 and recommends 160, but 80-bit secrets (16 base32
 * characters, e.g. the providers' seed secret JBSWY3DPEHPK3PXP) are what many issuers hand
 * out; anything shorter is almost always a truncated paste.
 */
export const MIN_SECRET_BYTES = 10;
/** Twice RFC 6238's 64-byte SHA-512 seed; bounds what a hostile QR code can make us decode. */
export const MAX_SECRET_BYTES = 128;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Canonical base32 (RFC 4648 §6) for a secret as users paste it: whitespace and dashes removed,
 * upper-cased, trailing `=` padding dropped. Throws OtpUriError OTP_SECRET_INVALID.
 */
export function normalizeSecret(input: string): string {
  return decodeSecret(input).canonical;
}

/** The canonical text and the key bytes it stands for. */
export function decodeSecret(input: string): { canonical: string; bytes: Uint8Array } {
  const canonical = input.replace(/[\s-]+/g, '').replace(/=+$/, '');
  // Checked before upper-casing: toUpperCase maps some non-ASCII letters (ſ, ı) onto ASCII.
  if (!/^[A-Za-z2-7]+$/.test(canonical)) {
    throw new OtpUriError('OTP_SECRET_INVALID', 'The secret is not base32 (A–Z, 2–7).');
  }
  const byteCount = Math.floor((canonical.length * 5) / 8);
  if (byteCount < MIN_SECRET_BYTES || byteCount > MAX_SECRET_BYTES) {
    throw new OtpUriError(
      'OTP_SECRET_INVALID',
      `The secret must decode to ${MIN_SECRET_BYTES}–${MAX_SECRET_BYTES} bytes; it has ${byteCount}.`,
    );
  }
  const upper = canonical.toUpperCase();
  return { canonical: upper, bytes: decodeBase32(upper, byteCount) };
}

/**
 * Leftover bits after the last whole byte are ignored rather than refused: random secrets of
 * lengths like 26 or 52 characters are common and other authenticators accept them.
 */
function decodeBase32(text: string, byteCount: number): Uint8Array {
  const bytes = new Uint8Array(byteCount);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (index < byteCount) bytes[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return bytes;
}
