/** Contract: TOTP enrolment and backup codes (providers.md §1.5). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import {
  MFA,
  SEED,
  complete,
  initiate,
  latestCode,
  loginSession,
  p,
  reset,
  signInAdmin,
  signInNomfa,
  startSlaunchx,
  tokensOf,
  totpAt,
} from './flows';
import { dataOf, openScSession, scCall, stringField, type ScHandle } from './sc-helper';

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

const security = (portal: 'system' | 'consumer', rest: string) =>
  p(portal, `/account/security${rest}`);

describe('TOTP enrolment', () => {
  it('sets up a base32 secret with its otpauth URI and QR code, and confirms it with a code', async () => {
    const { accessToken } = await signInNomfa(sc);
    const setup = await scCall(
      sc,
      security('consumer', '/totp/setup'),
      {},
      { bearer: accessToken },
    );
    const secret = stringField(setup, 'secret');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(stringField(setup, 'otpauthUri')).toMatch(
      new RegExp(`^otpauth://totp/.*secret=${secret}`),
    );
    expect(stringField(setup, 'qrSvg')).toMatch(/<svg[\s\S]*<\/svg>/);

    const wrong = await scCall(
      sc,
      security('consumer', '/totp/confirm'),
      { code: '000000' },
      { bearer: accessToken },
    );
    expect(wrong.body.code).toBe('AUTH.MFA_CODE_INVALID');
    const confirm = await scCall(
      sc,
      security('consumer', '/totp/confirm'),
      { code: totpAt(emu, secret) },
      {
        bearer: accessToken,
      },
    );
    const data = dataOf(confirm);
    expect(data.enabled).toBe(true);
    const backupCodes = data.backupCodes as string[];
    expect(backupCodes).toHaveLength(10);
    for (const code of backupCodes) expect(code).toHaveLength(10);

    // The account now needs MFA, and the new secret signs it in (next step: the first is used).
    const started = dataOf(await initiate(sc, 'consumer', SEED.nomfa));
    expect(started.mfaMethods).toEqual([MFA.OTP, MFA.BACKUP_CODE]);
    const sessionId = String(started.sessionId);
    const done = await complete(sc, 'consumer', sessionId, MFA.OTP, totpAt(emu, secret, 1));
    expect(done.body.code).toBe('2000');
  });

  it('refuses confirm without a setup, and needs a Bearer token', async () => {
    const { accessToken } = await signInNomfa(sc);
    const confirm = await scCall(
      sc,
      security('consumer', '/totp/confirm'),
      { code: totpAt(emu) },
      { bearer: accessToken },
    );
    expect(confirm.body.code).toBe('AUTH.MFA_CODE_INVALID');
    const anonymous = await scCall(sc, security('consumer', '/totp/setup'), {});
    expect([anonymous.status, anonymous.body.code]).toEqual([401, '4010']);
  });
});

describe('backup codes', () => {
  it('reports the remaining count, which drops by one per use', async () => {
    const { accessToken } = await signInAdmin(sc, 'BKUP-00001');
    const status = await scCall(
      sc,
      security('system', '/backup-codes/status'),
      {},
      { bearer: accessToken },
    );
    expect(dataOf(status)).toEqual({ remaining: 9 });
  });

  it('regenerates ten new codes and kills the old ones', async () => {
    const { accessToken } = await signInAdmin(sc, 'BKUP-00001');
    const answer = await scCall(
      sc,
      security('system', '/backup-codes/regenerate'),
      {},
      { bearer: accessToken },
    );
    const fresh = dataOf(answer).backupCodes as string[];
    expect(new Set(fresh).size).toBe(10);
    const status = await scCall(
      sc,
      security('system', '/backup-codes/status'),
      {},
      { bearer: accessToken },
    );
    expect(dataOf(status)).toEqual({ remaining: 10 });
    const old = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.BACKUP_CODE,
      'BKUP-00002',
    );
    expect(old.body.code).toBe('AUTH.MFA_CODE_INVALID');
    const code = fresh[0] ?? '';
    const ok = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.BACKUP_CODE,
      code,
    );
    expect(ok.body.code).toBe('2000');
  });

  it('refuses to regenerate for an account without OTP', async () => {
    const sessionId = await loginSession(sc, 'consumer', SEED.user);
    await scCall(sc, p('consumer', '/auth/login/mfa/send'), { sessionId, method: MFA.EMAIL });
    const code = await latestCode(emu, SEED.user);
    const { accessToken } = tokensOf(await complete(sc, 'consumer', sessionId, MFA.EMAIL, code));
    const answer = await scCall(
      sc,
      security('consumer', '/backup-codes/regenerate'),
      {},
      { bearer: accessToken },
    );
    expect(answer.body.code).toBe('AUTH.MFA_METHOD_NOT_ENABLED');
  });
});
