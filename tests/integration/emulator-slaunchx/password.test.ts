/** Contract: password lifecycle and registration (providers.md §1.6). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import { SEED, control, initiate, latestCode, p, reset, signInNomfa, startSlaunchx } from './flows';
import { openScSession, scCall, stringField, type Portal, type ScHandle } from './sc-helper';

let emu: RunningEmulator;
let sc: ScHandle;
beforeAll(async () => {
  emu = await startSlaunchx();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu);
  sc = await openScSession(emu.url);
});

const NEW_PASSWORD = 'Battery-Staple-77';
const call = (portal: Portal, rest: string, body: unknown, bearer?: string) =>
  scCall(sc, p(portal, rest), body, bearer === undefined ? {} : { bearer });

async function mailCount(): Promise<number> {
  const list = (await (await fetch(`${emu.mailboxUrl}/api/v1/messages`)).json()) as {
    total: number;
  };
  return list.total;
}

describe('password policy', () => {
  it.each([
    ['short-pw1', false],
    ['Abcdefghij', false],
    ['1234567890', false],
    [`a1${'x'.repeat(127)}`, false],
    ['abcdefghi1', true],
    [`a1${'x'.repeat(126)}`, true],
  ])('judges "%s" (policy met: %s)', async (password, accepted) => {
    const { accessToken } = await signInNomfa(sc);
    const answer = await call(
      'consumer',
      '/auth/password/change',
      { oldPassword: SEED.password, newPassword: password },
      accessToken,
    );
    expect(answer.body.code).toBe(accepted ? '2000' : 'AUTH.PASSWORD_POLICY');
    if (!accepted) expect(answer.status).toBe(400);
  });
});

describe('forgot and reset', () => {
  it('always succeeds on forgot, mailing a code only to a real account', async () => {
    const unknown = await call('system', '/auth/password/forgot', { email: 'ghost@slaunchx.test' });
    expect(unknown.body.code).toBe('2000');
    expect(await mailCount()).toBe(0);
    expect((await call('system', '/auth/password/forgot', { email: SEED.admin })).body.code).toBe(
      '2000',
    );
    expect(await mailCount()).toBe(1);
  });

  it('resets with the mailed code, signs existing sessions out, and the new password works', async () => {
    const before = await signInNomfa(sc);
    await call('consumer', '/auth/password/forgot', { email: SEED.nomfa });
    const code = await latestCode(emu, SEED.nomfa);
    const wrong = await call('consumer', '/auth/password/reset', {
      email: SEED.nomfa,
      code: code === '000000' ? '111111' : '000000',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.body.code).toBe('AUTH.MFA_CODE_INVALID');
    const reset = await call('consumer', '/auth/password/reset', {
      email: SEED.nomfa,
      code,
      newPassword: NEW_PASSWORD,
    });
    expect(reset.body.code).toBe('2000');
    expect((await initiate(sc, 'consumer', SEED.nomfa)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await initiate(sc, 'consumer', SEED.nomfa, NEW_PASSWORD)).body.code).toBe('2000');
    const refreshed = await call('consumer', '/auth/token/refresh', {
      refreshToken: before.refreshToken,
    });
    expect(refreshed.body.code).toBe('AUTH.TOKEN_INVALID');
    const again = await call('consumer', '/auth/password/reset', {
      email: SEED.nomfa,
      code,
      newPassword: 'Another-Pass-99',
    });
    expect(again.body.code).toBe('AUTH.MFA_CODE_INVALID');
  });

  it('checks the policy before spending the code', async () => {
    await call('system', '/auth/password/forgot', { email: SEED.admin });
    const code = await latestCode(emu, SEED.admin);
    const weak = await call('system', '/auth/password/reset', {
      email: SEED.admin,
      code,
      newPassword: 'weak',
    });
    expect(weak.body.code).toBe('AUTH.PASSWORD_POLICY');
    const good = await call('system', '/auth/password/reset', {
      email: SEED.admin,
      code,
      newPassword: NEW_PASSWORD,
    });
    expect(good.body.code).toBe('2000');
  });
});

describe('change and init', () => {
  it('changes the password only with the right old one', async () => {
    const { accessToken } = await signInNomfa(sc);
    const wrong = await call(
      'consumer',
      '/auth/password/change',
      { oldPassword: 'Wrong-Horse-42', newPassword: NEW_PASSWORD },
      accessToken,
    );
    expect([wrong.status, wrong.body.code]).toEqual([401, 'AUTH.INVALID_CREDENTIALS']);
    const anonymous = await call('consumer', '/auth/password/change', {
      oldPassword: SEED.password,
      newPassword: NEW_PASSWORD,
    });
    expect(anonymous.body.code).toBe('4010');
  });

  it('initialises the password of an invited account once, with its init token', async () => {
    const created = await control(emu, '/accounts', {
      provider: 'slaunchx',
      portal: 'consumer',
      email: 'invitee@slaunchx.test',
      initToken: 'init-token-0001',
    });
    expect(created.status).toBe(201);
    expect((await initiate(sc, 'consumer', 'invitee@slaunchx.test', NEW_PASSWORD)).body.code).toBe(
      'AUTH.INVALID_CREDENTIALS',
    );
    const unknown = await call('consumer', '/auth/password/init', {
      initToken: 'nope',
      newPassword: NEW_PASSWORD,
    });
    expect(unknown.body.code).toBe('AUTH.TOKEN_INVALID');
    const init = await call('consumer', '/auth/password/init', {
      initToken: 'init-token-0001',
      newPassword: NEW_PASSWORD,
    });
    expect(init.body.code).toBe('2000');
    expect((await initiate(sc, 'consumer', 'invitee@slaunchx.test', NEW_PASSWORD)).body.code).toBe(
      '2000',
    );
    const twice = await call('consumer', '/auth/password/init', {
      initToken: 'init-token-0001',
      newPassword: NEW_PASSWORD,
    });
    expect(twice.body.code).toBe('AUTH.TOKEN_INVALID');
  });
});

describe('registration', () => {
  async function startAndVerify(portal: Portal, email: string): Promise<string> {
    const registrationId = stringField(
      await call(portal, '/auth/register/start', { email }),
      'registrationId',
    );
    const code = await latestCode(emu, email);
    expect((await call(portal, '/auth/register/verify', { registrationId, code })).body.code).toBe(
      '2000',
    );
    return registrationId;
  }

  it('registers an active consumer who can then sign in', async () => {
    const registrationId = await startAndVerify('consumer', 'new@slaunchx.test');
    const done = await call('consumer', '/auth/register/complete', {
      registrationId,
      password: NEW_PASSWORD,
      displayName: 'New One',
    });
    expect(done.body.data).toEqual({ accountStatus: 'ACTIVE' });
    expect((await initiate(sc, 'consumer', 'new@slaunchx.test', NEW_PASSWORD)).body.code).toBe(
      '2000',
    );
  });

  it('registers a system operator as pending approval', async () => {
    const registrationId = await startAndVerify('system', 'op@slaunchx.test');
    const done = await call('system', '/auth/register/complete', {
      registrationId,
      password: NEW_PASSWORD,
      displayName: 'Op',
    });
    expect(done.body.data).toEqual({ accountStatus: 'PENDING_APPROVAL' });
    const signIn = await initiate(sc, 'system', 'op@slaunchx.test', NEW_PASSWORD);
    expect([signIn.status, signIn.body.code]).toEqual([403, 'ACCOUNT_PENDING_APPROVAL']);
  });

  it('refuses a wrong code, an unverified completion, an unknown id and a taken e-mail', async () => {
    const email = 'late@slaunchx.test';
    const registrationId = stringField(
      await call('consumer', '/auth/register/start', { email }),
      'registrationId',
    );
    const code = await latestCode(emu, email);
    const wrong = await call('consumer', '/auth/register/verify', {
      registrationId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.body.code).toBe('AUTH.MFA_CODE_INVALID');
    const early = await call('consumer', '/auth/register/complete', {
      registrationId,
      password: NEW_PASSWORD,
      displayName: 'Late',
    });
    expect(early.body.code).toBe('AUTH.REGISTRATION_NOT_VERIFIED');
    const unknown = await call('consumer', '/auth/register/verify', {
      registrationId: 'nope',
      code,
    });
    expect(unknown.body.code).toBe('AUTH.REGISTRATION_EXPIRED');
    const taken = await startAndVerify('consumer', SEED.user);
    const dup = await call('consumer', '/auth/register/complete', {
      registrationId: taken,
      password: NEW_PASSWORD,
      displayName: 'Dup',
    });
    expect(dup.body.code).toBe('AUTH.EMAIL_ALREADY_REGISTERED');
  });
});
