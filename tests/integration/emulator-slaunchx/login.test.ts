/** Contract: SlaunchX login (providers.md §1.3) over the secure channel. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import {
  MFA,
  SEED,
  complete,
  control,
  initiate,
  latestCode,
  loginSession,
  p,
  reset,
  startSlaunchx,
  totpAt,
} from './flows';
import { dataOf, openScSession, scCall, type ScHandle } from './sc-helper';

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

const sendEmail = (portal: 'system' | 'consumer', sessionId: string, method: number = MFA.EMAIL) =>
  scCall(sc, p(portal, '/auth/login/mfa/send'), { sessionId, method });

describe('initiate', () => {
  it('starts an MFA login with the account’s methods and a masked e-mail', async () => {
    const data = dataOf(await initiate(sc, 'system', SEED.admin));
    expect(data).toMatchObject({
      mfaRequired: true,
      mfaMethods: [MFA.EMAIL, MFA.OTP, MFA.BACKUP_CODE],
      maskedEmail: 'a***n@slaunchx.test',
      expiresIn: 300,
    });
    expect(typeof data.sessionId).toBe('string');
  });

  it('returns tokens straight away for an account without MFA', async () => {
    const answer = await initiate(sc, 'consumer', SEED.nomfa);
    expect(answer.body.code).toBe('2000');
    expect(dataOf(answer)).toMatchObject({
      mfaRequired: false,
      expiresIn: 3600,
      accountStatus: null,
    });
    expect(dataOf(answer).accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses a wrong password, an unknown e-mail and an account of the other portal alike', async () => {
    for (const [portal, email, password] of [
      ['system', SEED.admin, 'Wrong-Horse-42'],
      ['system', 'nobody@slaunchx.test', SEED.password],
      ['consumer', SEED.admin, SEED.password],
    ] as const) {
      const answer = await initiate(sc, portal, email, password);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        success: false,
        code: 'AUTH.INVALID_CREDENTIALS',
        data: null,
      });
    }
  });
});

describe('EMAIL codes', () => {
  it('mails a 6-digit code that completes the login', async () => {
    const sessionId = await loginSession(sc, 'consumer', SEED.user);
    const sent = await sendEmail('consumer', sessionId);
    expect(dataOf(sent)).toEqual({ method: MFA.EMAIL, expiresIn: 300, resendAfter: 60 });
    const code = await latestCode(emu, SEED.user);
    const listing = (await (await fetch(`${emu.mailboxUrl}/api/v1/messages`)).json()) as {
      messages: { From: { Address: string }; Subject: string }[];
    };
    expect(listing.messages[0]).toMatchObject({
      From: { Address: 'no-reply@emulator.test' },
      Subject: 'SlaunchX verification code',
    });
    const done = await complete(sc, 'consumer', sessionId, MFA.EMAIL, code);
    expect(dataOf(done)).toMatchObject({ expiresIn: 3600, accountStatus: null });
  });

  it('voids the previous code when a new one is sent', async () => {
    const sessionId = await loginSession(sc, 'consumer', SEED.user);
    await sendEmail('consumer', sessionId);
    const first = await latestCode(emu, SEED.user);
    await sendEmail('consumer', sessionId);
    const second = await latestCode(emu, SEED.user);
    if (first !== second) {
      const stale = await complete(sc, 'consumer', sessionId, MFA.EMAIL, first);
      expect(stale.body.code).toBe('AUTH.MFA_CODE_INVALID');
    }
    expect((await complete(sc, 'consumer', sessionId, MFA.EMAIL, second)).body.code).toBe('2000');
  });

  it('refuses a code older than 300 s', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    await sendEmail('system', sessionId);
    const code = await latestCode(emu, SEED.admin);
    await control(emu, '/clock', { advanceMs: 300_000 });
    const answer = await complete(sc, 'system', sessionId, MFA.EMAIL, code);
    expect(answer.body.code).toBe('AUTH.LOGIN_SESSION_EXPIRED');
  });

  it('sends only EMAIL: another method is 4000, an account without EMAIL is MFA_METHOD_NOT_ENABLED', async () => {
    const adminSession = await loginSession(sc, 'system', SEED.admin);
    const otp = await sendEmail('system', adminSession, MFA.OTP);
    expect([otp.status, otp.body.code]).toEqual([400, '4000']);
    const pendingSession = await loginSession(sc, 'system', SEED.pending);
    const answer = await sendEmail('system', pendingSession);
    expect([answer.status, answer.body.code]).toEqual([400, 'AUTH.MFA_METHOD_NOT_ENABLED']);
  });
});

describe('OTP and backup codes', () => {
  it('accepts the current TOTP and one step either side, but not two', async () => {
    for (const steps of [-1, 0, 1]) {
      await reset(emu); // forgets the step just used, and the SC session
      sc = await openScSession(emu.url);
      const sessionId = await loginSession(sc, 'system', SEED.admin);
      const answer = await complete(
        sc,
        'system',
        sessionId,
        MFA.OTP,
        totpAt(emu, SEED.totpSecret, steps),
      );
      expect(answer.body.code).toBe('2000');
    }
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    const far = await complete(sc, 'system', sessionId, MFA.OTP, totpAt(emu, SEED.totpSecret, 2));
    expect(far.body.code).toBe('AUTH.MFA_CODE_INVALID');
  });

  it('refuses a TOTP replayed inside its window for the same account, not for another', async () => {
    const code = totpAt(emu);
    const first = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.OTP,
      code,
    );
    expect(first.body.code).toBe('2000');
    const again = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.OTP,
      code,
    );
    expect([again.status, again.body.code]).toEqual([401, 'AUTH.MFA_CODE_INVALID']);
    // pending@ shares the secret: tracking is per account, so the code is still good there.
    const other = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.pending),
      MFA.OTP,
      code,
    );
    expect(other.body.code).toBe('ACCOUNT_PENDING_APPROVAL');
  });

  it('accepts each backup code once', async () => {
    const first = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.BACKUP_CODE,
      'BKUP-00003',
    );
    expect(first.body.code).toBe('2000');
    const reused = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.BACKUP_CODE,
      'BKUP-00003',
    );
    expect(reused.body.code).toBe('AUTH.MFA_CODE_INVALID');
  });

  it('refuses a method the account has not enabled', async () => {
    const sessionId = await loginSession(sc, 'consumer', SEED.user);
    const answer = await complete(sc, 'consumer', sessionId, MFA.OTP, '123456');
    expect([answer.status, answer.body.code]).toEqual([400, 'AUTH.MFA_METHOD_NOT_ENABLED']);
  });
});

describe('login sessions', () => {
  it('are single-use: a consumed session answers LOGIN_SESSION_EXPIRED', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    expect((await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, 'BKUP-00001')).body.code).toBe(
      '2000',
    );
    const reused = await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, 'BKUP-00002');
    expect([reused.status, reused.body.code]).toEqual([401, 'AUTH.LOGIN_SESSION_EXPIRED']);
  });

  it('expire after 300 s and are unknown on the other portal', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    const elsewhere = await complete(sc, 'consumer', sessionId, MFA.BACKUP_CODE, 'BKUP-00001');
    expect(elsewhere.body.code).toBe('AUTH.LOGIN_SESSION_EXPIRED');
    await control(emu, '/clock', { advanceMs: 300_000 });
    const late = await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, 'BKUP-00001');
    expect(late.body.code).toBe('AUTH.LOGIN_SESSION_EXPIRED');
  });

  it('lock on the 5th wrong code, and stay locked even for the right one', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, 'WRONG-0000')).body.code,
      );
    }
    expect(codes).toEqual([
      ...Array<string>(4).fill('AUTH.MFA_CODE_INVALID'),
      'AUTH.LOGIN_SESSION_LOCKED',
    ]);
    await control(emu, '/clock', { advanceMs: 60_000 }); // past the rate-limit window
    const right = await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, 'BKUP-00001');
    expect([right.status, right.body.code]).toEqual([401, 'AUTH.LOGIN_SESSION_LOCKED']);
  });

  it('answer AUTH.CLIENT_MISMATCH to another X-Client-Hash', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    const other = await openScSession(emu.url, { clientHash: 'some-other-browser-01' });
    const send = await scCall(other, p('system', '/auth/login/mfa/send'), {
      sessionId,
      method: MFA.EMAIL,
    });
    expect([send.status, send.body.code]).toEqual([401, 'AUTH.CLIENT_MISMATCH']);
    const done = await complete(other, 'system', sessionId, MFA.BACKUP_CODE, 'BKUP-00001');
    expect(done.body.code).toBe('AUTH.CLIENT_MISMATCH');
    expect((await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, 'BKUP-00001')).body.code).toBe(
      '2000',
    );
  });

  it('end in ACCOUNT_PENDING_APPROVAL (403) without tokens for a pending account, and are consumed', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.pending);
    const answer = await complete(sc, 'system', sessionId, MFA.OTP, totpAt(emu));
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      code: 'ACCOUNT_PENDING_APPROVAL',
      data: { isPendingApproval: true },
    });
    const again = await complete(sc, 'system', sessionId, MFA.OTP, totpAt(emu, SEED.totpSecret, 1));
    expect(again.body.code).toBe('AUTH.LOGIN_SESSION_EXPIRED');
  });
});

describe('rate limit (fixed 60 s window per endpoint and X-Client-Hash)', () => {
  const wrong = { email: SEED.admin, password: 'Wrong-Horse-42' };
  const INITIATE = p('system', '/auth/login/initiate');

  it('answers 5 calls and refuses the 6th with an encrypted 429, Retry-After and data.retryAfter', async () => {
    for (let i = 0; i < 5; i++) expect((await scCall(sc, INITIATE, wrong)).status).toBe(401);
    const limited = await scCall(sc, INITIATE, wrong);
    expect(limited.encrypted).toBe(true);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.data).toEqual({ retryAfter });
  });

  it('counts per endpoint and per X-Client-Hash, and reopens when the window ends', async () => {
    for (let i = 0; i < 6; i++) await scCall(sc, INITIATE, wrong);
    const other = await openScSession(emu.url, { clientHash: 'another-client-hash-2' });
    expect((await scCall(other, INITIATE, wrong)).status).toBe(401);
    const complete = await scCall(sc, p('system', '/auth/login/complete'), {
      sessionId: 'x',
      method: MFA.OTP,
      code: '123456',
    });
    expect(complete.body.code).toBe('AUTH.LOGIN_SESSION_EXPIRED');
    const consumer = await scCall(sc, p('consumer', '/auth/login/initiate'), wrong, {
      portal: 'consumer',
    });
    expect(consumer.status).toBe(401);
    await control(emu, '/clock', { advanceMs: 60_000 });
    expect((await scCall(sc, INITIATE, wrong)).status).toBe(401);
  });

  it('counts validation failures but not requests refused by the SC checks', async () => {
    for (let i = 0; i < 5; i++) {
      const refused = await scCall(sc, INITIATE, wrong, { headers: { 'X-SC-Version': '3' } });
      expect(refused.body.code).toBe('SC.VERSION_UNSUPPORTED');
    }
    for (let i = 0; i < 5; i++)
      expect((await scCall(sc, INITIATE, { bogus: true })).body.code).toBe('4000');
    expect((await scCall(sc, INITIATE, wrong)).status).toBe(429);
  });

  it('does not limit refresh', async () => {
    for (let i = 0; i < 7; i++) {
      const answer = await scCall(sc, p('system', '/auth/token/refresh'), {
        refreshToken: 'unknown',
      });
      expect(answer.body.code).toBe('AUTH.TOKEN_INVALID');
    }
  });
});
