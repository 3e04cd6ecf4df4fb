/** Shared fixtures for the vault suites: KDF doubles, bit flips and stored-vault surgery. */
import { expect } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64ToBytes, bytesToBase64 } from '../../../src/vault/bytes';
import { isVaultError, type VaultErrorCode } from '../../../src/vault/errors';
import type { KdfParams, ScryptFn, ScryptParams } from '../../../src/vault/kdf';
import type { StoredVault } from '../../../src/vault/vault';

/** The lowest accepted cost: real scrypt, but as cheap as the module allows. */
export const FLOOR_KDF: KdfParams = { logN: 16, r: 8, p: 1 };

export interface CountingScrypt {
  fn: ScryptFn;
  calls: ScryptParams[];
}

/** Wraps a KDF (real or fake) and records the parameters of every run. */
export function countingScrypt(inner: ScryptFn): CountingScrypt {
  const calls: ScryptParams[] = [];
  return {
    calls,
    fn: (password, salt, params) => {
      calls.push(params);
      return inner(password, salt, params);
    },
  };
}

/**
 * A stand-in KDF that costs nothing: SHA-256 over password, salt and parameters. For suites
 * that are about what happens before or around the KDF, never about scrypt itself.
 */
export const fakeScrypt: ScryptFn = (password, salt, { N, r, p }) =>
  Promise.resolve(sha256(new Uint8Array([...password, ...salt, Math.log2(N), r, p])));

export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  const index = bit >> 3;
  copy[index] = (copy[index] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

export function decodeB64(text: string): Uint8Array {
  const bytes = base64ToBytes(text);
  if (bytes === null) throw new Error(`fixture is not base64: ${text}`);
  return bytes;
}

export function withHeader(stored: StoredVault, header: Uint8Array): StoredVault {
  return { ...stored, header: bytesToBase64(header) };
}

export function withBody(stored: StoredVault, body: Uint8Array): StoredVault {
  return { ...stored, body: bytesToBase64(body) };
}

/** Runs `fn` and returns the VaultError code it threw; fails the test if it threw anything else. */
export function codeOf(fn: () => unknown): VaultErrorCode | 'no error' {
  try {
    fn();
  } catch (error) {
    expect(isVaultError(error), String(error)).toBe(true);
    if (isVaultError(error)) return error.code;
  }
  return 'no error';
}

export async function asyncCodeOf(
  fn: () => Promise<unknown>,
): Promise<VaultErrorCode | 'no error'> {
  try {
    await fn();
  } catch (error) {
    expect(isVaultError(error), String(error)).toBe(true);
    if (isVaultError(error)) return error.code;
  }
  return 'no error';
}
