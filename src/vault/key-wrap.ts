/**
 * The vault key (random, 256-bit) never changes for the life of a vault; the passphrase only
 * decides the KEK that wraps it. So a passphrase change re-wraps 32 bytes and re-seals the
 * body under the new header, and the key in storage.session stays valid throughout.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { VaultError } from './errors';
import { takeRandom, type RandomBytes } from './bytes';
import {
  encodeHeader,
  NONCE_LENGTH,
  parseHeader,
  VAULT_KEY_LENGTH,
  WRAP_AAD_END,
  WRAPPED_KEY_LENGTH,
  type VaultHeader,
} from './header';

export type HeaderFields = Pick<VaultHeader, 'kdf' | 'salt' | 'vaultId'>;

export function assertVaultKey(key: Uint8Array): void {
  if (key.length !== VAULT_KEY_LENGTH) {
    throw new TypeError(`a vault key is ${VAULT_KEY_LENGTH} bytes, got ${key.length}`);
  }
}

/** Builds a complete header whose wrapped-key field is `vaultKey` sealed under `kek`. */
export function sealHeader(
  fields: HeaderFields,
  vaultKey: Uint8Array,
  kek: Uint8Array,
  randomBytes: RandomBytes,
): Uint8Array {
  assertVaultKey(vaultKey);
  const wrapNonce = takeRandom(randomBytes, NONCE_LENGTH);
  // Encode once with a placeholder wrap to get the prefix bytes exactly as they will be stored.
  const header = encodeHeader({
    ...fields,
    wrapNonce,
    wrappedKey: new Uint8Array(WRAPPED_KEY_LENGTH),
  });
  const aad = header.subarray(0, WRAP_AAD_END);
  const wrapped = xchacha20poly1305(kek, wrapNonce, aad).encrypt(vaultKey);
  header.set(wrapped, WRAP_AAD_END + NONCE_LENGTH);
  return header;
}

/**
 * Recovers the vault key from a header with an already derived KEK. A failed tag means the
 * passphrase was wrong or the wrap (or its associated data) was altered; the two cannot be told
 * apart, and a wrong passphrase is by far the likelier, so both are VAULT_WRONG_PASSPHRASE.
 */
export function unwrapVaultKey(headerBytes: Uint8Array, kek: Uint8Array): Uint8Array {
  const header = parseHeader(headerBytes);
  const aad = headerBytes.subarray(0, WRAP_AAD_END);
  const cipher = xchacha20poly1305(kek, header.wrapNonce, aad);
  try {
    return cipher.decrypt(header.wrappedKey);
  } catch (cause) {
    // The lengths were fixed by parseHeader, so the tag check is the only way decrypt fails.
    throw new VaultError('VAULT_WRONG_PASSPHRASE', 'wrong passphrase', { cause });
  }
}
