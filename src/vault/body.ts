/**
 * Body = nonce (24) || ciphertext || tag (16), XChaCha20-Poly1305 under the vault key with the
 * whole header as associated data. A fresh random nonce per write: with 192-bit nonces random
 * choice is safe for any number of writes under one key.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { VaultError } from './errors';
import { takeRandom, type RandomBytes } from './bytes';
import { NONCE_LENGTH, TAG_LENGTH } from './header';
import { assertVaultKey } from './key-wrap';

export function sealBody(
  vaultKey: Uint8Array,
  headerBytes: Uint8Array,
  plaintext: Uint8Array,
  randomBytes: RandomBytes,
): Uint8Array {
  assertVaultKey(vaultKey);
  const nonce = takeRandom(randomBytes, NONCE_LENGTH);
  const sealed = xchacha20poly1305(vaultKey, nonce, headerBytes).encrypt(plaintext);
  const body = new Uint8Array(NONCE_LENGTH + sealed.length);
  body.set(nonce, 0);
  body.set(sealed, NONCE_LENGTH);
  return body;
}

/** Returns the plaintext, or throws VAULT_TAMPERED if body or header fails authentication. */
export function openBody(
  vaultKey: Uint8Array,
  headerBytes: Uint8Array,
  body: Uint8Array,
): Uint8Array {
  assertVaultKey(vaultKey);
  if (body.length < NONCE_LENGTH + TAG_LENGTH) {
    throw new VaultError('VAULT_TAMPERED', 'vault body is too short to be authentic');
  }
  const cipher = xchacha20poly1305(vaultKey, body.subarray(0, NONCE_LENGTH), headerBytes);
  try {
    return cipher.decrypt(body.subarray(NONCE_LENGTH));
  } catch (cause) {
    // Lengths are checked above, so only the tag can fail here.
    throw new VaultError('VAULT_TAMPERED', 'vault failed authentication', { cause });
  }
}
