/** Contract: the emulator's SCv2 endpoints and every §4.2 receipt check, in order. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import { toB64 } from '../../../src/secure-channel/bytes';
import { wrapSessionKey } from '../../../src/secure-channel/key-exchange';
import { SEED, control, p, reset, startSlaunchx } from './flows';
import {
  fetchPublicKey,
  gatewayHeaders,
  openScSession,
  readPlain,
  scCall,
  seal,
  sendSealed,
  type Answer,
  type ScHandle,
} from './sc-helper';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startSlaunchx();
});
afterAll(() => emu.close());
beforeEach(() => reset(emu));

const INITIATE = p('system', '/auth/login/initiate');
const wrongCredentials = { email: SEED.admin, password: 'not-the-password-1' };

function expectScError(answer: Answer, code: string, status: number) {
  expect(answer.encrypted).toBe(false);
  expect(answer.status).toBe(status);
  expect(answer.headers.get('x-sc-error')).toBe(code);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({ version: '2.0.0', success: false, code, data: null });
}

async function open(body: unknown, hash?: string) {
  const response = await fetch(`${emu.url}/web/v1/secure-channel/session`, {
    method: 'POST',
    headers: gatewayHeaders('system', hash === undefined ? {} : { 'X-Client-Hash': hash }),
    body: JSON.stringify(body),
  });
  return readPlain(response);
}

describe('public key and session open (SCv2 §2–§3)', () => {
  it('serves a 2048-bit RSA-OAEP-256 key whose id derives from the key, valid 24 h', async () => {
    const pub = await fetchPublicKey(emu.url);
    expect(pub.algorithm).toBe('RSA-OAEP-256');
    const key = await crypto.subtle.importKey(
      'spki',
      Buffer.from(pub.publicKey, 'base64'),
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      true,
      ['encrypt'],
    );
    expect((key.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    expect(pub.keyId).toMatch(/^sc-[0-9a-f]{16}$/);
    expect(Math.abs(pub.expiresAt - (emu.ctx.clock.now() + 24 * 3600_000))).toBeLessThan(60_000);
  });

  it('gives a new key pair, with a new keyId, to another emulator start', async () => {
    const other = await startSlaunchx();
    try {
      expect((await fetchPublicKey(other.url)).keyId).not.toBe(
        (await fetchPublicKey(emu.url)).keyId,
      );
    } finally {
      await other.close();
    }
  });

  it('opens a session whose key confirmation proves the server unwrapped K', async () => {
    const sc = await openScSession(emu.url);
    expect(sc.sessionId.length).toBeGreaterThanOrEqual(8);
    expect(sc.sessionId.length).toBeLessThanOrEqual(128);
    expect((await scCall(sc, INITIATE, wrongCredentials)).body.code).toBe(
      'AUTH.INVALID_CREDENTIALS',
    );
  });

  it('refuses an open body with an unknown field with 4000 and no X-SC-Error', async () => {
    const pub = await fetchPublicKey(emu.url);
    const encryptedKey = await wrapSessionKey(pub.publicKey, new Uint8Array(32));
    const answer = await open({ keyId: pub.keyId, encryptedKey, extra: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('4000');
    expect(answer.headers.get('x-sc-error')).toBeNull();
  });

  it('answers SC.KEY_EXPIRED for a keyId it never issued', async () => {
    const pub = await fetchPublicKey(emu.url);
    const encryptedKey = await wrapSessionKey(pub.publicKey, new Uint8Array(32));
    expectScError(await open({ keyId: 'sc-k1', encryptedKey }), 'SC.KEY_EXPIRED', 400);
  });

  it('retires the key 24 h after start: old keyId → SC.KEY_EXPIRED, the next fetch is a new key', async () => {
    const pub = await fetchPublicKey(emu.url);
    const encryptedKey = await wrapSessionKey(pub.publicKey, new Uint8Array(randomBytes(32)));
    await control(emu, '/clock', { advanceMs: 24 * 3600_000 + 1 });
    expectScError(await open({ keyId: pub.keyId, encryptedKey }), 'SC.KEY_EXPIRED', 400);
    const fresh = await fetchPublicKey(emu.url);
    expect(fresh.keyId).not.toBe(pub.keyId);
    await openScSession(emu.url); // and the new key opens sessions
  });

  it('answers SC.KEY_UNWRAP_FAILED for a key that does not unwrap to 32 bytes', async () => {
    const pub = await fetchPublicKey(emu.url);
    const rsa = await crypto.subtle.importKey(
      'spki',
      Buffer.from(pub.publicKey, 'base64'),
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      false,
      ['encrypt'],
    );
    const short = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, rsa, new Uint8Array(16));
    const answer = await open({ keyId: pub.keyId, encryptedKey: toB64(new Uint8Array(short)) });
    expectScError(answer, 'SC.KEY_UNWRAP_FAILED', 400);
    const garbage = await open({ keyId: pub.keyId, encryptedKey: toB64(new Uint8Array(256)) });
    expectScError(garbage, 'SC.KEY_UNWRAP_FAILED', 400);
  });
});

describe('receipt checks, in the order of SCv2 §4.2', () => {
  let sc: ScHandle;
  beforeEach(async () => {
    sc = await openScSession(emu.url);
  });

  it('SC.VERSION_UNSUPPORTED when X-SC-Version is missing or not 2, before the session check', async () => {
    const sealed = seal(sc, INITIATE, wrongCredentials);
    const missing = await sendSealed(sc, INITIATE, sealed, {
      headers: { 'X-SC-Version': undefined },
    });
    expectScError(missing, 'SC.VERSION_UNSUPPORTED', 400);
    const unknownSession = { 'X-SC-Version': '1', 'X-SC-Session-Id': 'no-such-session' };
    const v1 = await sendSealed(sc, INITIATE, sealed, { headers: unknownSession });
    expectScError(v1, 'SC.VERSION_UNSUPPORTED', 400);
  });

  it('SC.SESSION_NOT_FOUND for an unknown session, before looking at the body', async () => {
    const answer = await sendSealed(
      sc,
      INITIATE,
      { envelope: new Uint8Array(3), nonce: new Uint8Array(12) },
      { headers: { 'X-SC-Session-Id': 'scs_unknown' } },
    );
    expectScError(answer, 'SC.SESSION_NOT_FOUND', 401);
  });

  it('accepts the legacy X-Secure-Channel-Session-Id header and refuses two differing ones', async () => {
    const legacy = { 'X-SC-Session-Id': undefined, 'X-Secure-Channel-Session-Id': sc.sessionId };
    const ok = await sendSealed(sc, INITIATE, seal(sc, INITIATE, wrongCredentials), {
      headers: legacy,
    });
    expect(ok.encrypted).toBe(true);
    const both = { 'X-Secure-Channel-Session-Id': 'scs_other' };
    const answer = await sendSealed(sc, INITIATE, seal(sc, INITIATE, wrongCredentials), {
      headers: both,
    });
    expectScError(answer, 'SC.ENVELOPE_MALFORMED', 400);
  });

  it('SC.SESSION_EXPIRED once the service clock passes the session lifetime', async () => {
    await control(emu, '/clock', { advanceMs: 1800_000 });
    const answer = await scCall(sc, INITIATE, wrongCredentials);
    expectScError(answer, 'SC.SESSION_EXPIRED', 401);
    const fresh = await openScSession(emu.url); // envelopes stay fresh: they use the real clock
    expect((await scCall(fresh, INITIATE, wrongCredentials)).encrypted).toBe(true);
  });

  it('SC.CLIENT_HASH_MISMATCH for another X-Client-Hash, before the envelope shape', async () => {
    const other = { 'X-Client-Hash': 'another-client-hash-9' };
    const good = await sendSealed(sc, INITIATE, seal(sc, INITIATE, wrongCredentials), {
      headers: other,
    });
    expectScError(good, 'SC.CLIENT_HASH_MISMATCH', 401);
    const junk = { envelope: new Uint8Array(5), nonce: new Uint8Array(12) };
    expectScError(
      await sendSealed(sc, INITIATE, junk, { headers: other }),
      'SC.CLIENT_HASH_MISMATCH',
      401,
    );
  });

  it('SC.ENVELOPE_MALFORMED for a short envelope, bad magic or a response type byte', async () => {
    const short = { envelope: new Uint8Array(39), nonce: new Uint8Array(12) };
    expectScError(await sendSealed(sc, INITIATE, short), 'SC.ENVELOPE_MALFORMED', 400);
    const badMagic = seal(sc, INITIATE, wrongCredentials);
    badMagic.envelope[0] = 0x58;
    expectScError(await sendSealed(sc, INITIATE, badMagic), 'SC.ENVELOPE_MALFORMED', 400);
    const responseType = seal(sc, INITIATE, wrongCredentials);
    responseType.envelope[3] = 0x02;
    expectScError(await sendSealed(sc, INITIATE, responseType), 'SC.ENVELOPE_MALFORMED', 400);
  });

  it('SC.ENVELOPE_EXPIRED for a timestamp more than 300 s off the real clock', async () => {
    const stale = seal(sc, INITIATE, wrongCredentials, { timestamp: Date.now() - 301_000 });
    expectScError(await sendSealed(sc, INITIATE, stale), 'SC.ENVELOPE_EXPIRED', 400);
    const future = seal(sc, INITIATE, wrongCredentials, { timestamp: Date.now() + 301_000 });
    expectScError(await sendSealed(sc, INITIATE, future), 'SC.ENVELOPE_EXPIRED', 400);
  });

  it('SC.REPLAY for an envelope sent a second time', async () => {
    const sealed = seal(sc, INITIATE, wrongCredentials);
    expect((await sendSealed(sc, INITIATE, sealed)).encrypted).toBe(true);
    expectScError(await sendSealed(sc, INITIATE, sealed), 'SC.REPLAY', 400);
  });

  it('SC.DECRYPT_FAILED for an envelope sealed for another endpoint', async () => {
    const forComplete = seal(sc, p('system', '/auth/login/complete'), wrongCredentials);
    expectScError(await sendSealed(sc, INITIATE, forComplete), 'SC.DECRYPT_FAILED', 400);
    const otherPortal = seal(sc, p('consumer', '/auth/login/initiate'), wrongCredentials);
    expectScError(await sendSealed(sc, INITIATE, otherPortal), 'SC.DECRYPT_FAILED', 400);
  });

  it('records a nonce only after its tag verified, so a forgery cannot burn it', async () => {
    const genuine = seal(sc, INITIATE, wrongCredentials);
    const forged = { envelope: genuine.envelope.slice(), nonce: genuine.nonce };
    const last = forged.envelope.length - 1;
    forged.envelope[last] = (forged.envelope[last] ?? 0) ^ 1;
    expectScError(await sendSealed(sc, INITIATE, forged), 'SC.DECRYPT_FAILED', 400);
    expect((await sendSealed(sc, INITIATE, genuine)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('answers a plaintext that is not a JSON object with an encrypted 4000', async () => {
    for (const raw of ['not json', '[1,2]', '"text"', 'null']) {
      const answer = await sendSealed(sc, INITIATE, seal(sc, INITIATE, null, { raw }));
      expect(answer.encrypted).toBe(true);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('4000');
    }
  });

  it('reads the envelope as bytes whatever Content-Type says (SCv2 §4.1)', async () => {
    const headers = { 'Content-Type': 'text/plain' };
    const answer = await sendSealed(sc, INITIATE, seal(sc, INITIATE, wrongCredentials), {
      headers,
    });
    expect(answer.body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });
});

describe('closing a session (SCv2 §5)', () => {
  it('closes with an encrypted success; the session is then unknown', async () => {
    const sc = await openScSession(emu.url);
    const closed = await scCall(sc, '/web/v1/secure-channel/session/close', {});
    expect(closed.encrypted).toBe(true);
    expect(closed.body).toMatchObject({ success: true, code: '2000', data: null });
    expectScError(await scCall(sc, INITIATE, wrongCredentials), 'SC.SESSION_NOT_FOUND', 401);
    const again = await scCall(sc, '/web/v1/secure-channel/session/close', {});
    expectScError(again, 'SC.SESSION_NOT_FOUND', 401);
  });

  it('serves both portals from one session, opened with either access code', async () => {
    const sc = await openScSession(emu.url, { portal: 'consumer' });
    const system = await scCall(sc, INITIATE, wrongCredentials, { portal: 'system' });
    expect(system.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    const consumerPath = p('consumer', '/auth/login/initiate');
    const consumer = await scCall(sc, consumerPath, wrongCredentials, { portal: 'consumer' });
    expect(consumer.body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });
});
