/**
 * Contract: strict bodies (providers.md §1.2–§1.6). Every business body refuses unknown, missing
 * and mistyped fields with an encrypted 4000; oversize bodies get the plaintext wrapper.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import { MFA, SEED, p, reset, signInNomfa, startSlaunchx } from './flows';
import { gatewayHeaders, openScSession, readPlain, scCall, type ScHandle } from './sc-helper';

let emu: RunningEmulator;
let sc: ScHandle;
let bearer: string;
beforeAll(async () => {
  emu = await startSlaunchx();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu);
  sc = await openScSession(emu.url);
  bearer = (await signInNomfa(sc)).accessToken;
});

/** Every SC business call with a body of the right shape (values need not be right). */
const CALLS: [string, Record<string, unknown>][] = [
  ['/auth/login/initiate', { email: SEED.user, password: SEED.password }],
  ['/auth/login/mfa/send', { sessionId: 'sess-0001', method: MFA.EMAIL }],
  ['/auth/login/complete', { sessionId: 'sess-0001', method: MFA.OTP, code: '123456' }],
  ['/auth/token/refresh', { refreshToken: 'rt' }],
  ['/auth/logout', {}],
  ['/account/security/totp/setup', {}],
  ['/account/security/totp/confirm', { code: '123456' }],
  ['/account/security/backup-codes/regenerate', {}],
  ['/account/security/backup-codes/status', {}],
  ['/auth/password/forgot', { email: SEED.user }],
  ['/auth/password/reset', { email: SEED.user, code: '123456', newPassword: 'Battery-Staple-77' }],
  ['/auth/password/init', { initToken: 'it', newPassword: 'Battery-Staple-77' }],
  ['/auth/password/change', { oldPassword: 'x', newPassword: 'Battery-Staple-77' }],
  ['/auth/register/start', { email: 'someone@slaunchx.test' }],
  ['/auth/register/verify', { registrationId: 'reg', code: '123456' }],
  [
    '/auth/register/complete',
    { registrationId: 'reg', password: 'Battery-Staple-77', displayName: 'X' },
  ],
];

async function expect4000(path: string, body: unknown) {
  const answer = await scCall(sc, p('consumer', path), body, { bearer });
  expect(answer.encrypted, `${path} ${JSON.stringify(body)}`).toBe(true);
  expect([answer.status, answer.body.code], `${path} ${JSON.stringify(body)}`).toEqual([
    400,
    '4000',
  ]);
  expect(answer.body).toMatchObject({ version: '2.0.0', success: false, data: null });
}

describe('strict business bodies', () => {
  it.each(CALLS)('%s refuses an unknown field and every missing one', async (path, body) => {
    await expect4000(path, { ...body, unexpected: true });
    for (const field of Object.keys(body)) {
      await expect4000(path, Object.fromEntries(Object.entries(body).filter(([k]) => k !== field)));
    }
  });

  it.each([
    ['/auth/login/initiate', { email: 42, password: SEED.password }],
    ['/auth/login/initiate', { email: 'not-an-email', password: SEED.password }],
    ['/auth/login/initiate', { email: SEED.user, password: null }],
    ['/auth/login/mfa/send', { sessionId: 'sess', method: String(MFA.EMAIL) }],
    ['/auth/login/complete', { sessionId: 'sess', method: 10011003, code: '123456' }],
    ['/auth/login/complete', { sessionId: 'sess', method: MFA.OTP, code: '12345' }],
    ['/auth/login/complete', { sessionId: 'sess', method: MFA.OTP, code: '12345678901' }],
    ['/auth/login/complete', { sessionId: 7, method: MFA.OTP, code: '123456' }],
    ['/auth/token/refresh', { refreshToken: ['rt'] }],
    [
      '/auth/register/complete',
      { registrationId: 'reg', password: 'Battery-Staple-77', displayName: '' },
    ],
  ])('%s refuses a mistyped body %j', async (path, body) => {
    await expect4000(path, body);
  });
});

describe('oversize bodies', () => {
  const big = Buffer.alloc(70 * 1024, 0x41);

  it('answers the plaintext wrapper 4000 for a body over the limit', async () => {
    for (const path of [p('system', '/auth/login/initiate'), '/web/v1/secure-channel/session']) {
      const response = await fetch(`${emu.url}${path}`, {
        method: 'POST',
        headers: gatewayHeaders('system', { 'X-SC-Session-Id': sc.sessionId, 'X-SC-Version': '2' }),
        body: big,
      });
      const answer = await readPlain(response);
      expect([answer.status, answer.body.code]).toEqual([400, '4000']);
      expect(answer.body).toMatchObject({ version: '2.0.0', success: false, data: null });
    }
  });

  it('answers the same for a chunked body without Content-Length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(big.subarray(0, 8 * 1024)));
        controller.close();
      },
    });
    const response = await fetch(`${emu.url}${p('system', '/auth/login/initiate')}`, {
      method: 'POST',
      headers: gatewayHeaders('system', { 'X-SC-Session-Id': sc.sessionId, 'X-SC-Version': '2' }),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const answer = await readPlain(response);
    expect([answer.status, answer.body.code]).toEqual([400, '4000']);
  });

  it('still runs the gateway first on an oversize body', async () => {
    const response = await fetch(`${emu.url}${p('system', '/auth/login/initiate')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect((await readPlain(response)).body.code).toBe('PORTAL_MISMATCH');
  });
});
