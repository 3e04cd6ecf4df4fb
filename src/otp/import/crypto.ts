/**
 * The KDFs and AEADs the encrypted formats use, behind bounds: parameters come from the file,
 * so a hostile file must not be able to make an import allocate gigabytes or run for minutes.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export type ScryptFn = (
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptCost & { dkLen: number; maxmem: number },
) => Promise<Uint8Array>;

export const defaultScrypt: ScryptFn = (password, salt, params) =>
  scryptAsync(password, salt, params);

/** 1 GiB of scrypt memory (128·r·N), and N ≤ 2^20: Aegis itself uses 2^15·8 (32 MiB). */
const MAX_SCRYPT_MEMORY = 2 ** 30;
const MAX_SCRYPT_N = 2 ** 20;

/** RFC 7914 §2: N a power of two > 1; r and p small positive integers. `minN` is the floor. */
export function isScryptCostAllowed({ N, r, p }: ScryptCost, minN = 2): boolean {
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  return (
    powerOfTwo &&
    N >= minN &&
    N <= MAX_SCRYPT_N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 16 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 4 &&
    128 * r * N <= MAX_SCRYPT_MEMORY
  );
}

/** A 32-byte key; the caller has checked the cost with isScryptCostAllowed. */
export async function deriveScryptKey(
  password: Uint8Array,
  salt: Uint8Array,
  cost: ScryptCost,
  scrypt: ScryptFn = defaultScrypt,
): Promise<Uint8Array> {
  // RFC 7914 §5–6: V holds N blocks and B holds p blocks of 128·r bytes; noble adds one more.
  const maxmem = 128 * cost.r * (cost.N + cost.p + 1);
  const key = await scrypt(password, salt, { ...cost, dkLen: 32, maxmem });
  if (key.length !== 32) throw new TypeError(`scrypt returned ${key.length} bytes`);
  return key;
}

export function derivePbkdf2Sha256Key(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
  return pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: 32 });
}

export const GCM_NONCE_LENGTH = 12;
export const TAG_LENGTH = 16;
export const XCHACHA_NONCE_LENGTH = 24;

/**
 * AES-256-GCM open of `ciphertext‖tag`; null when authentication fails. Lengths are checked
 * first, so a throw from noble can only mean a bad tag.
 */
export function openAesGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | null {
  if (key.length !== 32 || nonce.length !== GCM_NONCE_LENGTH || sealed.length < TAG_LENGTH) {
    return null;
  }
  try {
    return gcm(key, nonce).decrypt(sealed);
  } catch {
    return null;
  }
}

/** XChaCha20-Poly1305 open (draft-irtf-cfrg-xchacha §2); null when authentication fails. */
export function openXChaCha(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Uint8Array | null {
  if (key.length !== 32 || nonce.length !== XCHACHA_NONCE_LENGTH || sealed.length < TAG_LENGTH) {
    return null;
  }
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(sealed);
  } catch {
    return null;
  }
}
