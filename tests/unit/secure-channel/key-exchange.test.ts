import { describe, expect, it } from 'vitest';
import vectors from '../../data/secure-channel-v2.json';
import { fromB64, fromHex, toB64 } from '../../../src/secure-channel/bytes';
import {
  importPrivateKey,
  keyConfirmation,
  unwrapSessionKey,
  verifyKeyConfirmation,
  wrapSessionKey,
} from '../../../src/secure-channel/key-exchange';

const oaep = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

describe('wrapSessionKey / unwrapSessionKey (SCv2 §3)', () => {
  it('round-trips a 32-byte key through the vector key pair', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await wrapSessionKey(vectors.rsa.spki, key);
    const privateKey = await importPrivateKey(vectors.rsa.pkcs8);
    expect(await unwrapSessionKey(privateKey, wrapped)).toEqual(key);
  });

  it('refuses a wrapped key that is not 32 bytes with SC.KEY_UNWRAP_FAILED', async () => {
    const spki = fromB64(vectors.rsa.spki);
    if (spki === null) throw new Error('bad spki');
    const publicKey = await crypto.subtle.importKey('spki', spki, oaep, false, ['encrypt']);
    const short = await crypto.subtle.encrypt(oaep, publicKey, new Uint8Array(16));
    const privateKey = await importPrivateKey(vectors.rsa.pkcs8);
    await expect(unwrapSessionKey(privateKey, toB64(new Uint8Array(short)))).rejects.toMatchObject({
      code: 'SC.KEY_UNWRAP_FAILED',
    });
  });

  it('refuses garbage and non-base64 with SC.KEY_UNWRAP_FAILED', async () => {
    const privateKey = await importPrivateKey(vectors.rsa.pkcs8);
    await expect(unwrapSessionKey(privateKey, toB64(new Uint8Array(256)))).rejects.toMatchObject({
      code: 'SC.KEY_UNWRAP_FAILED',
    });
    await expect(unwrapSessionKey(privateKey, 'not base64!')).rejects.toMatchObject({
      code: 'SC.KEY_UNWRAP_FAILED',
    });
  });

  it('refuses a public key under 2048 bits with SC.ALGORITHM_UNSUPPORTED', async () => {
    const pair = await crypto.subtle.generateKey(
      { ...oaep, modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) },
      true,
      ['encrypt', 'decrypt'],
    );
    const spki = toB64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
    await expect(wrapSessionKey(spki, new Uint8Array(32))).rejects.toMatchObject({
      code: 'SC.ALGORITHM_UNSUPPORTED',
    });
  });

  it('refuses a public key that is not an SPKI with SC.RESPONSE_INVALID', async () => {
    await expect(
      wrapSessionKey(toB64(new Uint8Array(64)), new Uint8Array(32)),
    ).rejects.toMatchObject({
      code: 'SC.RESPONSE_INVALID',
    });
  });
});

describe('verifyKeyConfirmation (SCv2 §3 step 4)', () => {
  const { key, sessionId, expected } = vectors.keyConfirmation;

  it('accepts only the confirmation of the same key and session id', () => {
    expect(verifyKeyConfirmation(fromHex(key), sessionId, expected)).toBe(true);
    expect(verifyKeyConfirmation(new Uint8Array(32), sessionId, expected)).toBe(false);
    expect(verifyKeyConfirmation(fromHex(key), `${sessionId}x`, expected)).toBe(false);
  });

  it('refuses truncated, unpadded and non-base64 confirmations', () => {
    const full = keyConfirmation(fromHex(key), sessionId);
    expect(verifyKeyConfirmation(fromHex(key), sessionId, toB64(full.subarray(0, 31)))).toBe(false);
    expect(verifyKeyConfirmation(fromHex(key), sessionId, expected.replace(/=+$/, ''))).toBe(false);
    expect(verifyKeyConfirmation(fromHex(key), sessionId, `${expected} `)).toBe(false);
  });
});
