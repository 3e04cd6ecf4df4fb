/** Strict parsing of what storage hands back: shape, base64, magic, version, length, ids. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createVault, readVault, unlockVault, type StoredVault } from '../../../src/vault';
import {
  encodeHeader,
  HEADER_LENGTH,
  OFFSET,
  parseHeader,
  WRAPPED_KEY_LENGTH,
} from '../../../src/vault/header';
import { base64ToBytes, bytesToBase64 } from '../../../src/vault/bytes';
import {
  asyncCodeOf,
  codeOf,
  countingScrypt,
  decodeB64,
  fakeScrypt,
  FLOOR_KDF,
  withHeader,
} from './helpers';

function patched(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset] = value;
  return copy;
}

describe('header layout', () => {
  it('encodes the documented table: magic "ADKV", version 1, ids 1, 114 bytes', () => {
    const header = encodeHeader({
      kdf: { logN: 17, r: 8, p: 1 },
      salt: new Uint8Array(16).fill(0x11),
      vaultId: new Uint8Array(16).fill(0x22),
      wrapNonce: new Uint8Array(24).fill(0x33),
      wrappedKey: new Uint8Array(WRAPPED_KEY_LENGTH).fill(0x44),
    });
    expect(HEADER_LENGTH).toBe(114);
    expect(header).toHaveLength(114);
    expect(new TextDecoder().decode(header.subarray(0, 4))).toBe('ADKV');
    expect([...header.subarray(4, 9)]).toEqual([1, 1, 17, 8, 1]);
    expect(header.subarray(9, 25).every((b) => b === 0x11)).toBe(true);
    expect(header[25]).toBe(1);
    expect(header.subarray(26, 42).every((b) => b === 0x22)).toBe(true);
    expect(header.subarray(42, 66).every((b) => b === 0x33)).toBe(true);
    expect(header.subarray(66, 114).every((b) => b === 0x44)).toBe(true);
    expect(parseHeader(header).kdf).toEqual({ logN: 17, r: 8, p: 1 });
  });
});

describe('malformed stored vaults', () => {
  let stored: StoredVault;
  let key: Uint8Array;
  let header: Uint8Array;
  const counter = countingScrypt(fakeScrypt);

  beforeAll(async () => {
    ({ stored, key } = await createVault(
      'passphrase',
      { n: 1 },
      { kdf: FLOOR_KDF, scrypt: fakeScrypt },
    ));
    header = decodeB64(stored.header);
  });

  /** Each bad input must give the same code from readVault and unlockVault, with no KDF run. */
  async function expectRefused(bad: StoredVault, code: string): Promise<void> {
    expect(codeOf(() => readVault(bad, key))).toBe(code);
    const before = counter.calls.length;
    expect(await asyncCodeOf(() => unlockVault(bad, 'passphrase', { scrypt: counter.fn }))).toBe(
      code,
    );
    expect(counter.calls.length).toBe(before);
  }

  it('opens the untouched fixture (control)', async () => {
    expect(readVault(stored, key)).toEqual({ n: 1 });
    expect(await unlockVault(stored, 'passphrase', { scrypt: fakeScrypt })).toEqual(key);
  });

  it('refuses a truncated header', async () => {
    await expectRefused(
      withHeader(stored, header.subarray(0, HEADER_LENGTH - 1)),
      'VAULT_HEADER_MALFORMED',
    );
    await expectRefused(withHeader(stored, header.subarray(0, 2)), 'VAULT_HEADER_MALFORMED');
    await expectRefused(withHeader(stored, new Uint8Array(0)), 'VAULT_HEADER_MALFORMED');
  });

  it('refuses a header with trailing bytes', async () => {
    await expectRefused(
      withHeader(stored, new Uint8Array([...header, 0])),
      'VAULT_HEADER_MALFORMED',
    );
  });

  it('refuses a wrong magic', async () => {
    await expectRefused(withHeader(stored, patched(header, 0, 0x61)), 'VAULT_HEADER_MALFORMED');
  });

  it('refuses bad base64 in the header: junk, a cut-off string, whitespace, an inner newline', async () => {
    const b64 = stored.header;
    const bad = ['%%%', b64.slice(0, -1), ` ${b64}`, `${b64.slice(0, 76)}\n${b64.slice(76)}`];
    for (const text of bad) {
      await expectRefused({ ...stored, header: text }, 'VAULT_HEADER_MALFORMED');
    }
  });

  it('accepts only padded, canonical standard base64', () => {
    expect(base64ToBytes('QQ==')).toEqual(Uint8Array.of(0x41));
    for (const text of ['QR==', 'QQ', 'QQ=', 'Q Q==', 'QQ==QQ==', '-_-_', 'QUJD\n']) {
      expect(base64ToBytes(text), text).toBeNull();
    }
  });

  it('refuses bad base64 in the body as VAULT_TAMPERED', () => {
    expect(codeOf(() => readVault({ ...stored, body: 'not base64!' }, key))).toBe('VAULT_TAMPERED');
  });

  it('reports a future header version as VAULT_UNSUPPORTED, whatever its length', async () => {
    await expectRefused(
      withHeader(stored, patched(header, OFFSET.version, 2)),
      'VAULT_UNSUPPORTED',
    );
    await expectRefused(
      withHeader(stored, Uint8Array.of(0x41, 0x44, 0x4b, 0x56, 2)),
      'VAULT_UNSUPPORTED',
    );
  });

  it('reports unknown KDF and cipher ids as VAULT_UNSUPPORTED', async () => {
    await expectRefused(withHeader(stored, patched(header, OFFSET.kdfId, 2)), 'VAULT_UNSUPPORTED');
    await expectRefused(
      withHeader(stored, patched(header, OFFSET.cipherId, 0)),
      'VAULT_UNSUPPORTED',
    );
  });

  it('reports another storage format as VAULT_UNSUPPORTED and a non-object as malformed', async () => {
    const future = { ...stored, format: 2 } as unknown as StoredVault;
    await expectRefused(future, 'VAULT_UNSUPPORTED');
    await expectRefused(null as unknown as StoredVault, 'VAULT_HEADER_MALFORMED');
    await expectRefused(
      { format: 1, header: 5, body: '' } as unknown as StoredVault,
      'VAULT_HEADER_MALFORMED',
    );
  });

  it('round-trips bytes through base64 for every length 0..40', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
  });
});
