/** The SCv2 client against the real emulator over HTTP (SCv2 §2–§5, providers.md §1.3). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromB64 } from '../../../src/secure-channel/bytes';
import { sealRequest } from '../../../src/secure-channel/envelope';
import { ADMIN, gatewayHeaders, INITIATE, startScEmulator, type ScEmulator } from './sc-emulator';

const OPEN = '/web/v1/secure-channel/session';
const CLOSE = '/web/v1/secure-channel/session/close';
const PUBLIC_KEY = '/web/v1/secure-channel/public-key';
const SESSION_TTL_MS = 1_800_000;

let emu: ScEmulator;
beforeAll(async () => {
  emu = await startScEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.reset();
});

const paths = () => emu.wire.map((w) => `${w.method} ${w.path} ${w.status}`);

describe('SCv2 client against the emulator', () => {
  it('opens a session and initiates the admin login over it', async () => {
    const { sc, states } = emu.client({ clientHash: () => 'hash-integration-0001' });
    const res = await sc.call(INITIATE, ADMIN);
    expect(res).toMatchObject({ status: 200, encrypted: true });
    expect(res.body).toMatchObject({ success: true, code: '2000', message: 'SUCCESS' });
    expect(res.body.data).toMatchObject({ mfaRequired: true, maskedEmail: 'a***n@slaunchx.test' });
    expect(res.body.data?.['mfaMethods']).toEqual(
      expect.arrayContaining([10011001, 10011002, 10011005]),
    );
    expect(paths()).toEqual([`GET ${PUBLIC_KEY} 200`, `POST ${OPEN} 200`, `POST ${INITIATE} 200`]);
    const sent = emu.wire[2];
    expect(sent?.contentType).toBe('application/octet-stream');
    expect(sent?.requestHeaders.get('x-sc-version')).toBe('2');
    expect(sent?.requestHeaders.get('x-sc-session-id')).toBe(sc.state()?.sessionId);
    expect(states).toHaveLength(1);
    expect(fromB64(states[0]?.key ?? '')).toHaveLength(32);
    expect(states[0]?.clientHash).toBe('hash-integration-0001');
  });

  it('answers wrong credentials encrypted, without a retry', async () => {
    const { sc } = emu.client({ clientHash: () => 'hash-integration-0002' });
    const res = await sc.call(INITIATE, { ...ADMIN, password: 'Wrong-Horse-42' });
    expect(res).toMatchObject({
      status: 401,
      encrypted: true,
      body: { success: false, code: 'AUTH.INVALID_CREDENTIALS' },
    });
    expect(emu.wire.filter((w) => w.path === INITIATE)).toHaveLength(1);
  });

  it('re-opens an expired session transparently with exactly one retry', async () => {
    const { sc } = emu.client({ clientHash: () => 'hash-integration-0003' });
    await sc.call(INITIATE, ADMIN);
    const before = sc.state()?.sessionId;
    await emu.advanceClock(SESSION_TTL_MS + 1_000); // service clock only: envelopes stay fresh
    emu.wire.length = 0;
    const res = await sc.call(INITIATE, ADMIN);
    expect(res).toMatchObject({ status: 200, encrypted: true, body: { success: true } });
    expect(paths()).toEqual([`POST ${INITIATE} 401`, `POST ${OPEN} 200`, `POST ${INITIATE} 200`]);
    expect(emu.wire[0]).toMatchObject({ scError: 'SC.SESSION_EXPIRED' });
    expect(sc.state()?.sessionId).not.toBe(before);
  });

  it('closes a session: the emulator forgets it and a stale copy is re-opened once', async () => {
    const { sc, states } = emu.client({ clientHash: () => 'hash-integration-0004' });
    await sc.call(INITIATE, ADMIN);
    const stale = sc.state();
    await sc.close();
    expect(sc.state()).toBeNull();
    expect(states.at(-1)).toBeNull();
    expect(emu.wire.at(-1)).toMatchObject({
      path: CLOSE,
      status: 200,
      contentType: 'application/octet-stream',
    });
    expect(JSON.stringify(await emu.sessions())).not.toContain(stale?.sessionId ?? '?');

    emu.wire.length = 0;
    const revived = emu.client({ clientHash: () => 'hash-integration-0004', state: stale });
    const res = await revived.sc.call(INITIATE, ADMIN);
    expect(res).toMatchObject({ status: 200, encrypted: true });
    expect(paths()).toEqual([
      `POST ${INITIATE} 401`,
      `GET ${PUBLIC_KEY} 200`,
      `POST ${OPEN} 200`,
      `POST ${INITIATE} 200`,
    ]);
    expect(emu.wire[0]?.scError).toBe('SC.SESSION_NOT_FOUND');
  });

  it('treats closing an already forgotten session as closed', async () => {
    const { sc } = emu.client({ clientHash: () => 'hash-integration-0005' });
    await sc.call(INITIATE, ADMIN);
    await emu.reset(); // the emulator forgets every session
    await expect(sc.close()).resolves.toBeUndefined();
    expect(emu.wire.at(-1)).toMatchObject({
      path: CLOSE,
      status: 401,
      scError: 'SC.SESSION_NOT_FOUND',
    });
    expect(sc.state()).toBeNull();
  });

  it('opens a fresh session when X-Client-Hash changes', async () => {
    let hash = 'hash-integration-0006';
    const { sc } = emu.client({ clientHash: () => hash });
    await sc.call(INITIATE, ADMIN);
    const first = sc.state();
    hash = 'hash-integration-0007';
    const res = await sc.call(INITIATE, ADMIN);
    expect(res).toMatchObject({ status: 200, encrypted: true });
    expect(sc.state()?.sessionId).not.toBe(first?.sessionId);
    expect(sc.state()?.clientHash).toBe('hash-integration-0007');
    expect(emu.wire.filter((w) => w.path === OPEN)).toHaveLength(2);
    expect(emu.wire.filter((w) => w.status >= 400)).toEqual([]);
  });
});

describe('emulator SCv2 receipt checks (SCv2 §4.2), as the client relies on them', () => {
  async function openedSession(clientHash: string) {
    const { sc } = emu.client({ clientHash: () => clientHash });
    await sc.call(INITIATE, ADMIN);
    const state = sc.state();
    const key = fromB64(state?.key ?? '');
    if (state === null || key === null) throw new Error('no session');
    return { state, key };
  }

  async function send(envelope: Uint8Array, sessionId: string, clientHash: string) {
    const headers = {
      ...gatewayHeaders(clientHash),
      'Content-Type': 'application/json;charset=UTF-8',
      'X-SC-Session-Id': sessionId,
      'X-SC-Version': '2',
    };
    const res = await fetch(emu.url + INITIATE, {
      method: 'POST',
      headers,
      body: new Uint8Array(envelope),
    });
    const plaintext = res.headers.get('content-type')?.startsWith('application/json') ?? false;
    const body: unknown = plaintext ? await res.json() : await res.arrayBuffer();
    return { status: res.status, scError: res.headers.get('x-sc-error'), body };
  }

  it('refuses a session used with another X-Client-Hash with SC.CLIENT_HASH_MISMATCH', async () => {
    const { state, key } = await openedSession('hash-integration-0008');
    const envelope = sealRequest({
      key,
      sessionId: state.sessionId,
      method: 'POST',
      path: INITIATE,
      plaintext: JSON.stringify(ADMIN),
      timestamp: Date.now(),
      nonce: crypto.getRandomValues(new Uint8Array(12)),
    });
    const res = await send(envelope, state.sessionId, 'hash-integration-0009');
    expect(res).toMatchObject({
      status: 401,
      scError: 'SC.CLIENT_HASH_MISMATCH',
      body: { success: false, code: 'SC.CLIENT_HASH_MISMATCH' },
    });
  });

  it('refuses a replayed envelope with SC.REPLAY', async () => {
    const { state, key } = await openedSession('hash-integration-0010');
    const envelope = sealRequest({
      key,
      sessionId: state.sessionId,
      method: 'POST',
      path: INITIATE,
      plaintext: JSON.stringify(ADMIN),
      timestamp: Date.now(),
      nonce: crypto.getRandomValues(new Uint8Array(12)),
    });
    expect((await send(envelope, state.sessionId, 'hash-integration-0010')).status).toBe(200);
    expect(await send(envelope, state.sessionId, 'hash-integration-0010')).toMatchObject({
      status: 400,
      scError: 'SC.REPLAY',
    });
  });
});
