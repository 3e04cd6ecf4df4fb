/**
 * SCv2 bytes in the browser with WebCrypto only (secure-channel-v2.md §2–§4): key wrapping, key
 * confirmation, and request/response envelopes.
 *
 *   0      2    3    4          12            24        24+n     24+n+16
 *   | "SC" | 02 | ty | ts (u64) | nonce (96b) | ciphertext | tag |
 *
 * Timestamps and nonces are parameters, so the test vectors can be reproduced byte for byte.
 */
import { DemoError } from '../shared/demo-error.js';

export const HEADER_BYTES = 24;
export const NONCE_BYTES = 12;
export const KEY_BYTES = 32;
const MIN_ENVELOPE_BYTES = 40; // SCv2 §4: header + GCM tag, empty plaintext
const TYPE = { request: 0x01, response: 0x02 };
const RSA_OAEP_256 = { name: 'RSA-OAEP', hash: 'SHA-256' }; // SCv2 §2: MGF1-SHA-256, empty label
const MIN_MODULUS_BITS = 2048;
const CONFIRMATION_LABEL = 'SCv2 key confirmation';

const encoder = new TextEncoder();
export const utf8 = (text) => encoder.encode(text);

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function toB64(bytes) {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}

export function fromB64(text) {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function encodeHeader(type, timestamp, nonce) {
  const header = new Uint8Array(HEADER_BYTES);
  header.set([0x53, 0x43, 0x02, TYPE[type]]); // "SC", version 2
  new DataView(header.buffer).setBigUint64(4, BigInt(timestamp)); // big-endian (SCv2 words)
  header.set(nonce, 12);
  return header;
}

/** SCv2 §4.3: magic, version and type 0x02 are checked before any decryption. */
export function parseResponseHeader(envelope) {
  const malformed = (why) => new DemoError('SC.ENVELOPE_MALFORMED', `SCv2 response ${why}`);
  if (envelope.length < MIN_ENVELOPE_BYTES) throw malformed(`is only ${envelope.length} bytes`);
  if (envelope[0] !== 0x53 || envelope[1] !== 0x43) throw malformed('has a bad magic');
  if (envelope[2] !== 0x02) throw malformed('has an unsupported version');
  if (envelope[3] !== TYPE.response) throw malformed('is not of the response type');
  const view = new DataView(envelope.buffer, envelope.byteOffset, HEADER_BYTES);
  return { timestamp: Number(view.getBigUint64(4)), nonce: envelope.slice(12, HEADER_BYTES) };
}

/** SCv2 §4: header || sessionId || 0x00 || METHOD || 0x00 || path. */
export function requestAad(header, sessionId, method, path) {
  const zero = Uint8Array.of(0);
  return concat(header, utf8(sessionId), zero, utf8(method.toUpperCase()), zero, utf8(path));
}

/** SCv2 §4: header || sessionId || 0x00 || requestNonce. */
export function responseAad(header, sessionId, requestNonce) {
  return concat(header, utf8(sessionId), Uint8Array.of(0), requestNonce);
}

/** `key`: an AES-GCM CryptoKey. Returns header || ciphertext || tag (WebCrypto appends the tag). */
export async function sealRequest({ key, sessionId, method, path, plaintext, timestamp, nonce }) {
  const header = encodeHeader('request', timestamp, nonce);
  const additionalData = requestAad(header, sessionId, method, path);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData, tagLength: 128 },
    key,
    utf8(plaintext),
  );
  return concat(header, new Uint8Array(sealed));
}

/** SCv2 §4.3: nothing of a response is used unless its tag verifies under the response AAD. */
export async function openResponse({ key, sessionId, requestNonce, envelope }) {
  const { timestamp, nonce } = parseResponseHeader(envelope);
  const additionalData = responseAad(envelope.subarray(0, HEADER_BYTES), sessionId, requestNonce);
  let plain;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: nonce, additionalData, tagLength: 128 },
      key,
      envelope.subarray(HEADER_BYTES),
    );
  } catch {
    throw new DemoError('SC.DECRYPT_FAILED', 'The SCv2 response did not authenticate.');
  }
  return { timestamp, plaintext: new TextDecoder().decode(plain) };
}

/** The raw session key K as non-extractable keys: AES-GCM for envelopes, HMAC for confirmation. */
export async function importSessionKeys(raw) {
  const aes = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const hmac = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  return { aes, hmac };
}

/**
 * SCv2 §3 step 4: keyConfirmation = HMAC-SHA-256(K, label || 0x00 || sessionId). WebCrypto's
 * verify compares in constant time, as the spec requires.
 */
export async function verifyKeyConfirmation(hmacKey, sessionId, confirmationB64) {
  const received = fromB64(confirmationB64);
  if (received === null) return false;
  const message = concat(utf8(CONFIRMATION_LABEL), Uint8Array.of(0), utf8(sessionId));
  return crypto.subtle.verify('HMAC', hmacKey, received, message);
}

/** SCv2 §3 step 2: RSA-OAEP-256-Encrypt(server public key, K), b64. */
export async function wrapSessionKey(spkiB64, raw) {
  const der = fromB64(spkiB64);
  if (der === null)
    throw new DemoError('SC.RESPONSE_INVALID', 'The SCv2 public key is not base64.');
  let publicKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', der, RSA_OAEP_256, false, ['encrypt']);
  } catch {
    throw new DemoError('SC.RESPONSE_INVALID', 'The SCv2 public key is not an RSA SPKI.');
  }
  if (publicKey.algorithm.modulusLength < MIN_MODULUS_BITS) {
    throw new DemoError(
      'SC.ALGORITHM_UNSUPPORTED',
      'The SCv2 public key is shorter than 2048 bits.',
    );
  }
  return toB64(new Uint8Array(await crypto.subtle.encrypt(RSA_OAEP_256, publicKey, raw)));
}
