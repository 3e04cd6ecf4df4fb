/**
 * Passphrase → key-encryption key (KEK) with scrypt (RFC 7914). The parameters travel in the
 * vault header, so a header from storage decides how much work and memory unlock costs: they
 * are checked against a floor and a ceiling before the KDF is allowed to run.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { VaultError } from './errors';
import { wipe } from './bytes';

/** scrypt cost as stored in the header: N = 2^logN. */
export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}

/** What the KDF function receives; `maxmem` is sized to the parameters (noble refuses above it). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  dkLen: number;
  maxmem: number;
}

/** Injectable so tests can count KDF runs and benches can swap implementations. */
export type ScryptFn = (
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
) => Promise<Uint8Array>;

/** 2^17 · 128 · 8 = 128 MiB, about a second in noble's JS on a slow laptop. */
export const DEFAULT_KDF: Readonly<KdfParams> = Object.freeze({ logN: 17, r: 8, p: 1 });

/**
 * Floor: below 2^16 a stolen vault is too cheap to brute-force. Ceiling: a header from storage
 * must not be able to make unlock allocate gigabytes or spin for minutes.
 */
export const KDF_LIMITS = Object.freeze({
  logN: Object.freeze({ min: 16, max: 20 }),
  r: Object.freeze({ min: 1, max: 16 }),
  p: Object.freeze({ min: 1, max: 4 }),
});

export const KEK_LENGTH = 32;

const defaultScrypt: ScryptFn = (password, salt, params) => scryptAsync(password, salt, params);

function inRange(value: number, { min, max }: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Throws `VAULT_KDF_PARAMS` unless every parameter is an integer within `KDF_LIMITS`. */
export function assertKdfParams(kdf: KdfParams): void {
  const bad = (['logN', 'r', 'p'] as const).filter((name) => !inRange(kdf[name], KDF_LIMITS[name]));
  if (bad.length > 0) {
    throw new VaultError(
      'VAULT_KDF_PARAMS',
      `scrypt parameters out of range (${bad.map((name) => `${name}=${kdf[name]}`).join(', ')})`,
    );
  }
}

/** Refuses the empty passphrase; length policy (≥ 8) is the UI's, so old vaults stay openable. */
export function assertPassphrase(passphrase: string): void {
  if (passphrase.length === 0) {
    throw new VaultError('VAULT_PASSPHRASE_EMPTY', 'the passphrase is empty');
  }
}

/**
 * Derives the 32-byte KEK. The passphrase is NFC-normalised first so the same characters typed
 * on different keyboards (composed vs. decomposed accents) give the same key.
 */
export async function deriveKek(
  passphrase: string,
  salt: Uint8Array,
  kdf: KdfParams,
  scrypt: ScryptFn = defaultScrypt,
): Promise<Uint8Array> {
  assertPassphrase(passphrase);
  assertKdfParams(kdf);
  const N = 2 ** kdf.logN;
  const password = new TextEncoder().encode(passphrase.normalize('NFC'));
  try {
    // RFC 7914 §5–6: V holds N blocks and B holds p blocks of 128·r bytes; noble adds one more.
    const maxmem = 128 * kdf.r * (N + kdf.p + 1);
    const kek = await scrypt(password, salt, { N, r: kdf.r, p: kdf.p, dkLen: KEK_LENGTH, maxmem });
    if (kek.length !== KEK_LENGTH) throw new TypeError(`scrypt returned ${kek.length} bytes`);
    return kek;
  } finally {
    wipe(password);
  }
}
