/**
 * The header from storage chooses the scrypt cost, so unlock must refuse costs outside
 * KDF_LIMITS before running the KDF at all. Headers here are crafted; the injected KDF is a
 * counting fake, because the point is whether it runs, not what it computes.
 */
import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createVault,
  KDF_LIMITS,
  unlockVault,
  type KdfParams,
  type StoredVault,
} from '../../../src/vault';
import { encodeHeader, WRAPPED_KEY_LENGTH } from '../../../src/vault/header';
import { bytesToBase64 } from '../../../src/vault/bytes';
import { asyncCodeOf, countingScrypt, fakeScrypt, FLOOR_KDF } from './helpers';

function craftedVault(kdf: KdfParams): StoredVault {
  const header = encodeHeader({
    kdf,
    salt: new Uint8Array(16).fill(1),
    vaultId: new Uint8Array(16).fill(2),
    wrapNonce: new Uint8Array(24).fill(3),
    wrappedKey: new Uint8Array(WRAPPED_KEY_LENGTH).fill(4),
  });
  return { format: 1, header: bytesToBase64(header), body: bytesToBase64(new Uint8Array(48)) };
}

const OUT_OF_RANGE: [string, KdfParams][] = [
  ['N below the floor (2^15)', { logN: 15, r: 8, p: 1 }],
  ['N = 2^0', { logN: 0, r: 8, p: 1 }],
  ['N above the ceiling (2^21)', { logN: 21, r: 8, p: 1 }],
  ['N = 2^255', { logN: 255, r: 8, p: 1 }],
  ['r = 0', { logN: 16, r: 0, p: 1 }],
  ['r above the ceiling (17)', { logN: 16, r: 17, p: 1 }],
  ['p = 0', { logN: 16, r: 8, p: 0 }],
  ['p above the ceiling (5)', { logN: 16, r: 8, p: 5 }],
];

const EDGES: [string, KdfParams][] = [
  ['the floor', { logN: KDF_LIMITS.logN.min, r: KDF_LIMITS.r.min, p: KDF_LIMITS.p.min }],
  ['the ceiling', { logN: KDF_LIMITS.logN.max, r: KDF_LIMITS.r.max, p: KDF_LIMITS.p.max }],
];

describe('KDF parameter limits', () => {
  it.each(OUT_OF_RANGE)(
    'unlock refuses %s with VAULT_KDF_PARAMS and never runs the KDF',
    async (_, kdf) => {
      const counter = countingScrypt(fakeScrypt);
      expect(
        await asyncCodeOf(() =>
          unlockVault(craftedVault(kdf), 'passphrase', { scrypt: counter.fn }),
        ),
      ).toBe('VAULT_KDF_PARAMS');
      expect(counter.calls).toEqual([]);
    },
  );

  it.each(EDGES)(
    'unlock accepts %s and hands exactly those parameters to the KDF',
    async (_, kdf) => {
      const counter = countingScrypt(fakeScrypt);
      // The fake KEK cannot open the crafted wrap; reaching that check proves the limits let it through.
      expect(
        await asyncCodeOf(() =>
          unlockVault(craftedVault(kdf), 'passphrase', { scrypt: counter.fn }),
        ),
      ).toBe('VAULT_WRONG_PASSPHRASE');
      expect(counter.calls.map(({ N, r, p }) => ({ N, r, p }))).toEqual([
        { N: 2 ** kdf.logN, r: kdf.r, p: kdf.p },
      ]);
    },
  );

  it.each([
    ...OUT_OF_RANGE,
    ['a fractional logN', { logN: 16.5, r: 8, p: 1 }] as [string, KdfParams],
  ])('createVault refuses %s before deriving', async (_, kdf) => {
    const counter = countingScrypt(fakeScrypt);
    expect(
      await asyncCodeOf(() => createVault('passphrase', {}, { kdf, scrypt: counter.fn })),
    ).toBe('VAULT_KDF_PARAMS');
    expect(counter.calls).toEqual([]);
  });

  it('changePassphrase refuses out-of-range new parameters before deriving with the old passphrase', async () => {
    const { stored } = await createVault(
      'old passphrase',
      {},
      { kdf: FLOOR_KDF, scrypt: fakeScrypt },
    );
    const counter = countingScrypt(fakeScrypt);
    const code = await asyncCodeOf(() =>
      changePassphrase(stored, 'old passphrase', 'new passphrase', {
        kdf: { logN: 21, r: 8, p: 1 },
        scrypt: counter.fn,
      }),
    );
    expect(code).toBe('VAULT_KDF_PARAMS');
    expect(counter.calls).toEqual([]);
  });

  it('changePassphrase refuses a stored header with out-of-range parameters before deriving', async () => {
    const counter = countingScrypt(fakeScrypt);
    const code = await asyncCodeOf(() =>
      changePassphrase(craftedVault({ logN: 8, r: 8, p: 1 }), 'old passphrase', 'new passphrase', {
        kdf: FLOOR_KDF,
        scrypt: counter.fn,
      }),
    );
    expect(code).toBe('VAULT_KDF_PARAMS');
    expect(counter.calls).toEqual([]);
  });

  it('changePassphrase can move a vault to new parameters', async () => {
    const { stored, key } = await createVault(
      'old passphrase',
      {},
      { kdf: FLOOR_KDF, scrypt: fakeScrypt },
    );
    const moved = await changePassphrase(stored, 'old passphrase', 'new passphrase', {
      kdf: { logN: 18, r: 8, p: 2 },
      scrypt: fakeScrypt,
    });
    const counter = countingScrypt(fakeScrypt);
    expect(await unlockVault(moved, 'new passphrase', { scrypt: counter.fn })).toEqual(key);
    expect(counter.calls.map(({ N, p }) => ({ N, p }))).toEqual([{ N: 2 ** 18, p: 2 }]);
  });
});
