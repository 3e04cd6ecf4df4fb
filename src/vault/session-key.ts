/**
 * The unlocked vault key as storage.session keeps it (memory only, trusted contexts only;
 * design.md "State"). base64 because storage values must be JSON.
 */
import { base64ToBytes, bytesToBase64 } from './bytes';
import { VAULT_KEY_LENGTH } from './header';

export function encodeKey(key: Uint8Array): string {
  if (key.length !== VAULT_KEY_LENGTH)
    throw new TypeError(`a vault key is ${VAULT_KEY_LENGTH} bytes`);
  return bytesToBase64(key);
}

/** Throws TypeError for anything but the base64 of a 32-byte key; treat that as "locked". */
export function decodeKey(b64: string): Uint8Array {
  const key = base64ToBytes(b64);
  if (key?.length !== VAULT_KEY_LENGTH) {
    throw new TypeError(`not the base64 of a ${VAULT_KEY_LENGTH}-byte vault key`);
  }
  return key;
}
