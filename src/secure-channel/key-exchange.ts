/**
 * SCv2 §2–§3: wrapping the session key for the server (RSA-OAEP-256 through WebCrypto) and the
 * key confirmation that proves the server unwrapped the key it was sent.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, constantTimeEqual, copy, fromB64, toB64, utf8, wipe } from './bytes';
import { SESSION_KEY_BYTES } from './envelope';
import { ScError } from './errors';

export const SC_KEY_ALGORITHM = 'RSA-OAEP-256';
export const MIN_RSA_MODULUS_BITS = 2048; // SCv2 §2

const CONFIRMATION_LABEL = 'SCv2 key confirmation';
// SCv2 §2: RSA-OAEP, SHA-256 for both the hash and MGF1, empty label.
const RSA_OAEP_256: RsaHashedImportParams = { name: 'RSA-OAEP', hash: 'SHA-256' };

/** SCv2 §3 step 4: HMAC-SHA-256(K, "SCv2 key confirmation" || 0x00 || UTF-8(sessionId)). */
export function keyConfirmation(key: Uint8Array, sessionId: string): Uint8Array {
  const message = concat(utf8(CONFIRMATION_LABEL), Uint8Array.of(0), utf8(sessionId));
  return hmac(sha256, key, message);
}

/** Constant-time check of a server's b64 key confirmation (SCv2 §3 step 4). */
export function verifyKeyConfirmation(key: Uint8Array, sessionId: string, b64: string): boolean {
  const received = fromB64(b64);
  const expected = keyConfirmation(key, sessionId);
  const ok = received !== null && constantTimeEqual(expected, received);
  wipe(expected);
  return ok;
}

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

async function importPublicKey(spkiB64: string): Promise<CryptoKey> {
  const der = fromB64(spkiB64);
  if (der === null) throw new ScError('SC.RESPONSE_INVALID', 'SCv2 public key is not base64');
  let publicKey: CryptoKey;
  try {
    publicKey = await subtle().importKey('spki', der, RSA_OAEP_256, false, ['encrypt']);
  } catch {
    throw new ScError('SC.RESPONSE_INVALID', 'SCv2 public key is not an RSA SPKI');
  }
  const { modulusLength } = publicKey.algorithm as RsaHashedKeyAlgorithm;
  if (modulusLength < MIN_RSA_MODULUS_BITS) {
    throw new ScError(
      'SC.ALGORITHM_UNSUPPORTED',
      `SCv2 public key has a ${modulusLength}-bit modulus; at least ${MIN_RSA_MODULUS_BITS} required`,
    );
  }
  return publicKey;
}

/** SCv2 §3 step 2: encryptedKey = RSA-OAEP-256-Encrypt(serverPublicKey, K), as b64. */
export async function wrapSessionKey(spkiB64: string, key: Uint8Array): Promise<string> {
  if (key.length !== SESSION_KEY_BYTES) {
    throw new RangeError(`SCv2 session key must be ${SESSION_KEY_BYTES} bytes`);
  }
  const publicKey = await importPublicKey(spkiB64);
  const input = copy(key);
  try {
    const wrapped = await subtle().encrypt(RSA_OAEP_256, publicKey, input);
    return toB64(new Uint8Array(wrapped));
  } finally {
    wipe(input);
  }
}

/** Server side of SCv2 §3: anything but exactly 32 unwrapped bytes is SC.KEY_UNWRAP_FAILED. */
export async function unwrapSessionKey(
  privateKey: CryptoKey,
  encryptedKeyB64: string,
): Promise<Uint8Array> {
  const fail = (why: string) => new ScError('SC.KEY_UNWRAP_FAILED', `SCv2 key unwrap: ${why}`);
  const wrapped = fromB64(encryptedKeyB64);
  if (wrapped === null) throw fail('encryptedKey is not base64');
  let key: Uint8Array;
  try {
    key = new Uint8Array(await subtle().decrypt(RSA_OAEP_256, privateKey, wrapped));
  } catch {
    throw fail('RSA-OAEP-256 decryption failed');
  }
  if (key.length !== SESSION_KEY_BYTES) {
    wipe(key);
    throw fail(`unwrapped ${key.length} bytes, expected ${SESSION_KEY_BYTES}`);
  }
  return key;
}

/** Imports a PKCS#8 (b64 DER) RSA private key for RSA-OAEP-256 decryption. */
export async function importPrivateKey(pkcs8B64: string): Promise<CryptoKey> {
  const der = fromB64(pkcs8B64);
  if (der === null) throw new TypeError('importPrivateKey: PKCS#8 key is not base64');
  return subtle().importKey('pkcs8', der, RSA_OAEP_256, false, ['decrypt']);
}
