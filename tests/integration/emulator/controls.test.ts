/** Contract: the test-only controls (providers.md §6), on the SlaunchX plugin. */
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import {
  MFA,
  SEED,
  complete,
  control,
  initiate,
  loginSession,
  p,
  reset,
  startSlaunchx,
} from '../emulator-slaunchx/flows';
import { openScSession, scCall, type ScHandle } from '../emulator-slaunchx/sc-helper';

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

const getJson = async (path: string) => {
  const response = await fetch(`${emu.url}/__emulator${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('health, reset and clock', () => {
  it('reports health', async () => {
    expect(await getJson('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('reset restores the seed and forgets sessions, accounts and clock offset', async () => {
    const used = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.BACKUP_CODE,
      'BKUP-00001',
    );
    expect(used.body.code).toBe('2000');
    await control(emu, '/accounts', {
      provider: 'slaunchx',
      email: 'temp@slaunchx.test',
      password: 'Temp-Pass-001',
    });
    await control(emu, '/clock', { advanceMs: 3_600_000 });
    expect((await reset(emu)).status).toBe(200);
    expect(Math.abs(emu.ctx.clock.now() - Date.now())).toBeLessThan(5_000);
    expect((await scCall(sc, p('system', '/auth/login/initiate'), {})).body.code).toBe(
      'SC.SESSION_NOT_FOUND',
    );
    sc = await openScSession(emu.url);
    const again = await complete(
      sc,
      'system',
      await loginSession(sc, 'system', SEED.admin),
      MFA.BACKUP_CODE,
      'BKUP-00001',
    );
    expect(again.body.code).toBe('2000');
    expect((await getJson('/accounts/slaunchx/temp@slaunchx.test/totp')).status).toBe(404);
  });

  it('moves the service clock forward only', async () => {
    const moved = await control(emu, '/clock', { advanceMs: 60_000 });
    expect(Number(moved.body.now) - Date.now()).toBeGreaterThan(55_000);
    for (const advanceMs of [-1, 1.5, '10']) {
      expect((await control(emu, '/clock', { advanceMs })).status).toBe(400);
    }
  });
});

describe('accounts', () => {
  it('reads the seed TOTP secret by e-mail or account id', async () => {
    expect((await getJson(`/accounts/slaunchx/${SEED.admin}/totp`)).body).toEqual({
      secret: SEED.totpSecret,
    });
    expect((await getJson('/accounts/slaunchx/ACC_SYS_002/totp')).body).toEqual({
      secret: SEED.totpSecret,
    });
    expect((await getJson(`/accounts/slaunchx/${SEED.user}/totp`)).status).toBe(404);
  });

  it('creates an account whose generated TOTP secret signs it in', async () => {
    const created = await control(emu, '/accounts', {
      provider: 'slaunchx',
      portal: 'consumer',
      email: 'otp@slaunchx.test',
      password: SEED.password,
      mfaMethods: ['OTP'],
    });
    expect(created.status).toBe(201);
    const secret = String(
      (await getJson(`/accounts/slaunchx/${String(created.body.account)}/totp`)).body.secret,
    );
    const sessionId = await loginSession(sc, 'consumer', 'otp@slaunchx.test');
    const code = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({
      timestamp: emu.ctx.clock.now(),
    });
    expect((await complete(sc, 'consumer', sessionId, MFA.OTP, code)).body.code).toBe('2000');
  });

  it('refuses bad account fields, duplicates and unknown providers', async () => {
    expect(
      (
        await control(emu, '/accounts', {
          provider: 'slaunchx',
          email: 'x@slaunchx.test',
          colour: 'red',
        })
      ).status,
    ).toBe(400);
    expect(
      (await control(emu, '/accounts', { provider: 'slaunchx', email: SEED.admin })).status,
    ).toBe(400);
    expect((await control(emu, '/accounts', { provider: 'nope', email: 'x@y.test' })).status).toBe(
      404,
    );
  });
});

describe('sessions and faults', () => {
  it('lists secure-channel and login sessions without key material', async () => {
    const sessionId = await loginSession(sc, 'system', SEED.admin);
    const { body } = await getJson('/sessions');
    const channels = body.secureChannel as Record<string, unknown>[];
    const logins = body.login as Record<string, unknown>[];
    expect(channels).toContainEqual(
      expect.objectContaining({ provider: 'slaunchx', sessionId: sc.sessionId }),
    );
    expect(logins).toContainEqual(
      expect.objectContaining({ provider: 'slaunchx', sessionId, locked: false }),
    );
    expect(JSON.stringify(body)).not.toMatch(/"key"/);
  });

  it('fails the next count calls of a provider with the injected code, then recovers', async () => {
    const injected = await control(emu, '/faults', {
      provider: 'slaunchx',
      code: 'SYSTEM_BUSY',
      count: 2,
    });
    expect(injected.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const answer = await initiate(sc, 'consumer', SEED.nomfa);
      expect(answer.encrypted).toBe(true);
      expect([answer.status, answer.body.code, answer.body.success]).toEqual([
        500,
        'SYSTEM_BUSY',
        false,
      ]);
    }
    expect((await initiate(sc, 'consumer', SEED.nomfa)).body.code).toBe('2000');
  });

  it('refuses malformed fault requests and forgets faults on reset', async () => {
    expect(
      (await control(emu, '/faults', { provider: 'slaunchx', code: '5000', count: 0 })).status,
    ).toBe(400);
    expect(
      (await control(emu, '/faults', { provider: 'slaunchx', code: '', count: 1 })).status,
    ).toBe(400);
    expect(
      (await control(emu, '/faults', { provider: 'nope', code: '5000', count: 1 })).status,
    ).toBe(404);
    await control(emu, '/faults', { provider: 'slaunchx', code: '5000', count: 1 });
    await reset(emu);
    sc = await openScSession(emu.url);
    expect((await initiate(sc, 'consumer', SEED.nomfa)).body.code).toBe('2000');
  });
});

describe('--production', () => {
  it('answers 404 on every control', async () => {
    const prod = await startSlaunchx({ production: true });
    try {
      for (const [method, path] of [
        ['GET', '/health'],
        ['POST', '/reset'],
        ['POST', '/accounts'],
        ['GET', `/accounts/slaunchx/${SEED.admin}/totp`],
        ['POST', '/clock'],
        ['GET', '/sessions'],
        ['POST', '/faults'],
      ] as const) {
        const body = method === 'POST' ? '{}' : undefined;
        const headers = method === 'POST' ? { 'Content-Type': 'application/json' } : undefined;
        const response = await fetch(`${prod.url}/__emulator${path}`, { method, body, headers });
        expect(response.status, path).toBe(404);
      }
    } finally {
      await prod.close();
    }
  });
});
