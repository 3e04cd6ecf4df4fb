/**
 * The emulator's SCv2 key pair (SCv2 §2): RSA-OAEP-256, 2048 bits, generated fresh for every
 * start with WebCrypto. `keyId` is derived from the SPKI, so a new pair always has a new id;
 * a pair is accepted for new sessions until 24 h of service time after it was made, and the
 * next public-key fetch after that makes a new one.
 */
import { createHash } from 'node:crypto';
import { toB64 } from '../../../src/secure-channel/bytes';

export const KEY_LIFETIME_MS = 24 * 3600 * 1000;

export interface ScKeyPair {
  keyId: string;
  publicKeyB64: string;
  privateKey: CryptoKey;
  expiresAt: number;
}

export interface ScKeys {
  /** The pair new sessions use, replaced once the service clock passes its expiry. */
  current(): Promise<ScKeyPair>;
}

async function generate(nowMs: number): Promise<ScKeyPair> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSA-OAEP',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256', // SCv2 §2: SHA-256 for OAEP and MGF1
    },
    false,
    ['encrypt', 'decrypt'],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const keyId = `sc-${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`;
  return {
    keyId,
    publicKeyB64: toB64(spki),
    privateKey: pair.privateKey,
    expiresAt: nowMs + KEY_LIFETIME_MS,
  };
}

export function createScKeys(now: () => number): ScKeys {
  let pending = generate(now());
  // Keep the rejection observed until the first caller awaits it.
  pending.catch(() => undefined);
  return {
    async current() {
      const pair = await pending;
      if (now() < pair.expiresAt) return pair;
      pending = generate(now());
      return pending;
    },
  };
}
