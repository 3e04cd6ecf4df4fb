import { beforeAll, describe, expect, it } from 'vitest';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import {
  changePassphrase,
  createVault,
  decodeKey,
  DEFAULT_KDF,
  encodeKey,
  readVault,
  unlockVault,
  wipe,
  writeVault,
  type StoredVault,
} from '../../../src/vault';
import { parseHeader } from '../../../src/vault/header';
import { asyncCodeOf, codeOf, countingScrypt, decodeB64, FLOOR_KDF } from './helpers';

interface Contents {
  accounts: { issuer: string; label: string; secret: string }[];
  note: string;
}

const CONTENTS: Contents = {
  accounts: [{ issuer: 'Example', label: 'ada@example.test', secret: 'JBSWY3DPEHPK3PXP' }],
  note: 'unicode survives: żółć ✓',
};
const PASSPHRASE = 'correct horse battery staple';

describe('vault at the KDF floor (one creation for the suite)', () => {
  const kdf = countingScrypt((pw, salt, params) => scryptAsync(pw, salt, params));
  let stored: StoredVault;
  let key: Uint8Array;

  beforeAll(async () => {
    ({ stored, key } = await createVault(PASSPHRASE, CONTENTS, { kdf: FLOOR_KDF, scrypt: kdf.fn }));
  });

  it('stores JSON-safe base64 strings with format 1 and the requested KDF in the header', () => {
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(stored.format).toBe(1);
    expect(parseHeader(decodeB64(stored.header)).kdf).toEqual(FLOOR_KDF);
    expect(key).toHaveLength(32);
  });

  it('reads back exactly what was created, and the body does not contain it in clear', () => {
    expect(readVault<Contents>(stored, key)).toEqual(CONTENTS);
    expect(new TextDecoder().decode(decodeB64(stored.body))).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('unlocks with the right passphrase to the same vault key, running scrypt once', async () => {
    const before = kdf.calls.length;
    expect(await unlockVault(stored, PASSPHRASE, { scrypt: kdf.fn })).toEqual(key);
    expect(kdf.calls.slice(before)).toEqual([
      { N: 2 ** 16, r: 8, p: 1, dkLen: 32, maxmem: 128 * 8 * (2 ** 16 + 2) },
    ]);
  });

  it('refuses a wrong passphrase with VAULT_WRONG_PASSPHRASE and leaves the stored value as it was', async () => {
    const snapshot = structuredClone(stored);
    expect(await asyncCodeOf(() => unlockVault(stored, 'correct horse battery stapler'))).toBe(
      'VAULT_WRONG_PASSPHRASE',
    );
    expect(stored).toEqual(snapshot);
  });

  it('writes new contents under the same header with a fresh body', () => {
    const next: Contents = { ...CONTENTS, note: 'second write' };
    const written = writeVault(stored, key, next);
    expect(written.header).toBe(stored.header);
    expect(written.body).not.toBe(stored.body);
    expect(readVault<Contents>(written, key)).toEqual(next);
  });

  it('never repeats a body nonce: two writes of the same contents give different bodies', () => {
    const a = decodeB64(writeVault(stored, key, CONTENTS).body);
    const b = decodeB64(writeVault(stored, key, CONTENTS).body);
    expect(a.subarray(0, 24)).not.toEqual(b.subarray(0, 24));
    expect(a.subarray(24)).not.toEqual(b.subarray(24));
  });

  it('refuses to write with a key that does not open the current body (VAULT_TAMPERED), so a stale key cannot orphan the vault', () => {
    const stale = new Uint8Array(32).fill(7);
    expect(codeOf(() => writeVault(stored, stale, CONTENTS))).toBe('VAULT_TAMPERED');
  });

  it('refuses an empty passphrase before any KDF run', async () => {
    const before = kdf.calls.length;
    expect(await asyncCodeOf(() => unlockVault(stored, '', { scrypt: kdf.fn }))).toBe(
      'VAULT_PASSPHRASE_EMPTY',
    );
    expect(await asyncCodeOf(() => createVault('', CONTENTS, { scrypt: kdf.fn }))).toBe(
      'VAULT_PASSPHRASE_EMPTY',
    );
    expect(
      await asyncCodeOf(() => changePassphrase(stored, PASSPHRASE, '', { scrypt: kdf.fn })),
    ).toBe('VAULT_PASSPHRASE_EMPTY');
    expect(kdf.calls.length).toBe(before);
  });

  it('treats composed and decomposed spellings of a passphrase as the same (NFC)', async () => {
    const composed = await createVault('caf\u00e9 au lait', 1, { kdf: FLOOR_KDF });
    expect(await unlockVault(composed.stored, 'cafe\u0301 au lait')).toEqual(composed.key);
  });
});

describe('changePassphrase', () => {
  let stored: StoredVault;
  let key: Uint8Array;
  let changed: StoredVault;

  beforeAll(async () => {
    ({ stored, key } = await createVault(PASSPHRASE, CONTENTS, { kdf: FLOOR_KDF }));
    changed = await changePassphrase(stored, PASSPHRASE, 'a whole new passphrase');
  });

  it('keeps the vault key and contents: the new passphrase unlocks the same key', async () => {
    expect(await unlockVault(changed, 'a whole new passphrase')).toEqual(key);
    expect(readVault<Contents>(changed, key)).toEqual(CONTENTS);
  });

  it('no longer accepts the old passphrase', async () => {
    expect(await asyncCodeOf(() => unlockVault(changed, PASSPHRASE))).toBe(
      'VAULT_WRONG_PASSPHRASE',
    );
  });

  it('uses a new salt and wrap, keeps the vault id and KDF parameters, and re-seals the body', () => {
    const before = parseHeader(decodeB64(stored.header));
    const after = parseHeader(decodeB64(changed.header));
    expect(after.salt).not.toEqual(before.salt);
    expect(after.wrapNonce).not.toEqual(before.wrapNonce);
    expect(after.vaultId).toEqual(before.vaultId);
    expect(after.kdf).toEqual(before.kdf);
    // The body is bound to the header, so the old body must not open under the new header.
    expect(codeOf(() => readVault({ ...changed, body: stored.body }, key))).toBe('VAULT_TAMPERED');
  });

  it('with a wrong old passphrase throws VAULT_WRONG_PASSPHRASE and never derives the new KEK', async () => {
    const kdf = countingScrypt((pw, salt, params) => scryptAsync(pw, salt, params));
    const code = await asyncCodeOf(() =>
      changePassphrase(stored, 'not the passphrase', 'whatever new', { scrypt: kdf.fn }),
    );
    expect(code).toBe('VAULT_WRONG_PASSPHRASE');
    expect(kdf.calls).toHaveLength(1);
  });
});

describe('vault with the default KDF', () => {
  it('creates and unlocks at N=2^17, r=8, p=1 unless told otherwise', async () => {
    const kdf = countingScrypt((pw, salt, params) => scryptAsync(pw, salt, params));
    const { stored, key } = await createVault(PASSPHRASE, CONTENTS, { scrypt: kdf.fn });
    expect(parseHeader(decodeB64(stored.header)).kdf).toEqual(DEFAULT_KDF);
    expect(await unlockVault(stored, PASSPHRASE, { scrypt: kdf.fn })).toEqual(key);
    expect(kdf.calls.map(({ N, r, p }) => ({ N, r, p }))).toEqual([
      { N: 2 ** 17, r: 8, p: 1 },
      { N: 2 ** 17, r: 8, p: 1 },
    ]);
  });
});

describe('session key helpers', () => {
  it('encodes a key as base64 and decodes it back', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    expect(decodeKey(encodeKey(key))).toEqual(key);
  });

  it('refuses anything but the base64 of 32 bytes', () => {
    expect(() => decodeKey('AAAA')).toThrow(TypeError);
    expect(() => decodeKey('not base64!')).toThrow(TypeError);
    expect(() => encodeKey(new Uint8Array(31))).toThrow(TypeError);
  });

  it('wipe zero-fills in place', () => {
    const bytes = Uint8Array.of(1, 2, 3);
    wipe(bytes);
    expect(bytes).toEqual(new Uint8Array(3));
  });
});
