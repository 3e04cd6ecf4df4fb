/**
 * Every single-bit change to what storage holds must be caught. Only one KDF run for the whole
 * suite: the body and header loops need just the vault key, and the key-wrap loop reuses one
 * derived KEK through unwrapVaultKey.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, readVault, unlockVault, type StoredVault } from '../../../src/vault';
import type { VaultErrorCode } from '../../../src/vault/errors';
import { HEADER_LENGTH, OFFSET, parseHeader, WRAP_AAD_END } from '../../../src/vault/header';
import { deriveKek } from '../../../src/vault/kdf';
import { unwrapVaultKey } from '../../../src/vault/key-wrap';
import {
  asyncCodeOf,
  codeOf,
  decodeB64,
  FLOOR_KDF,
  flipBit,
  withBody,
  withHeader,
} from './helpers';

const PASSPHRASE = 'tamper-evident passphrase';
const CONTENTS = { accounts: [{ label: 'bob@example.test', secret: 'GEZDGNBVGY3TQOJQ' }] };

/** A flip in these header bytes is caught by parsing before any tag is checked. */
function structuralCode(offset: number): VaultErrorCode | null {
  if (offset < OFFSET.version) return 'VAULT_HEADER_MALFORMED';
  if (offset === OFFSET.version || offset === OFFSET.kdfId || offset === OFFSET.cipherId) {
    return 'VAULT_UNSUPPORTED';
  }
  return null;
}

function bitsOf(bytes: Uint8Array, from = 0, to = bytes.length): number[] {
  return Array.from({ length: (to - from) * 8 }, (_, i) => from * 8 + i);
}

describe('tamper detection', () => {
  let stored: StoredVault;
  let key: Uint8Array;
  let header: Uint8Array;
  let body: Uint8Array;

  beforeAll(async () => {
    ({ stored, key } = await createVault(PASSPHRASE, CONTENTS, { kdf: FLOOR_KDF }));
    header = decodeB64(stored.header);
    body = decodeB64(stored.body);
  });

  it('reads the untouched vault (control for the loops below)', () => {
    expect(header).toHaveLength(HEADER_LENGTH);
    expect(readVault(stored, key)).toEqual(CONTENTS);
  });

  it('refuses every single-bit flip of the header in readVault', () => {
    const wrong = bitsOf(header).filter((bit) => {
      const expected = structuralCode(bit >> 3) ?? 'VAULT_TAMPERED';
      return codeOf(() => readVault(withHeader(stored, flipBit(header, bit)), key)) !== expected;
    });
    expect(wrong).toEqual([]);
  });

  it('refuses every single-bit flip of the body nonce, ciphertext and tag in readVault', () => {
    expect(body.length).toBeGreaterThan(24 + 16);
    const wrong = bitsOf(body).filter(
      (bit) =>
        codeOf(() => readVault(withBody(stored, flipBit(body, bit)), key)) !== 'VAULT_TAMPERED',
    );
    expect(wrong).toEqual([]);
  });

  it('refuses a truncated or extended body, and a body from another vault key', () => {
    expect(codeOf(() => readVault(withBody(stored, body.subarray(0, 39)), key))).toBe(
      'VAULT_TAMPERED',
    );
    expect(codeOf(() => readVault(withBody(stored, body.subarray(0, body.length - 1)), key))).toBe(
      'VAULT_TAMPERED',
    );
    const longer = new Uint8Array([...body, 0]);
    expect(codeOf(() => readVault(withBody(stored, longer), key))).toBe('VAULT_TAMPERED');
    expect(codeOf(() => readVault(stored, new Uint8Array(32)))).toBe('VAULT_TAMPERED');
  });

  describe('key wrap, with the KEK derived once', () => {
    let kek: Uint8Array;

    beforeAll(async () => {
      const { salt, kdf } = parseHeader(header);
      kek = await deriveKek(PASSPHRASE, salt, kdf);
    });

    it('unwraps the untouched header to the vault key (control)', () => {
      expect(unwrapVaultKey(header, kek)).toEqual(key);
    });

    it('refuses every single-bit flip of the wrap nonce, wrapped key and tag', () => {
      const wrong = bitsOf(header, WRAP_AAD_END).filter(
        (bit) =>
          codeOf(() => unwrapVaultKey(flipBit(header, bit), kek)) !== 'VAULT_WRONG_PASSPHRASE',
      );
      expect(wrong).toEqual([]);
    });

    it('refuses every single-bit flip of the header prefix, which is the wrap associated data', () => {
      const wrong = bitsOf(header, 0, WRAP_AAD_END).filter((bit) => {
        const expected = structuralCode(bit >> 3) ?? 'VAULT_WRONG_PASSPHRASE';
        return codeOf(() => unwrapVaultKey(flipBit(header, bit), kek)) !== expected;
      });
      expect(wrong).toEqual([]);
    });

    it('makes unlockVault itself refuse a flipped wrapped key', async () => {
      const flipped = withHeader(stored, flipBit(header, OFFSET.wrappedKey * 8 + 3));
      expect(await asyncCodeOf(() => unlockVault(flipped, PASSPHRASE))).toBe(
        'VAULT_WRONG_PASSPHRASE',
      );
    });
  });
});
