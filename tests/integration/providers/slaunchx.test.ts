import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScSessionState } from '../../../src/secure-channel/session-state';
import type { FlowState, Tokens } from '../../../src/providers/flow';
import { ProviderError } from '../../../src/providers/errors';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import type { SlaunchxProfile } from '../../../src/providers/profile';
import {
  as,
  mailedCode,
  resetEmulator,
  slaunchxProfile,
  startTestEmulator,
  type Emulator,
} from './harness';

const PASSWORD = 'Correct-Horse-42'; // providers.md §7
let emu: Emulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await resetEmulator(emu);
});

async function totpNow(account: string): Promise<string> {
  const res = await fetch(`${emu.url}/__emulator/accounts/slaunchx/${account}/totp`);
  const { secret } = (await res.json()) as { secret: string };
  // providers.md §1.3: TOTP SHA-1, 6 digits, 30 s.
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  return totp.generate();
}

async function credentials(profile: SlaunchxProfile, email: string, password = PASSWORD) {
  const adapter = createSlaunchxAdapter({ fetch });
  const first = as(await adapter.start(profile), 'credentials');
  const step = await adapter.advance(profile, first.state, {
    kind: 'credentials',
    identifier: email,
    password,
  });
  return { adapter, step };
}

describe('SlaunchX sign-in against the emulator', () => {
  it('system portal: choose OTP, enter the current TOTP, get tokens and the profile identity', async () => {
    const profile = slaunchxProfile(emu);
    const { adapter, step } = await credentials(profile, 'admin@slaunchx.test');
    const choose = as(step, 'choose-method');
    expect(choose.methods).toEqual(['EMAIL', 'OTP', 'BACKUP_CODE']);
    expect(choose.destination).toBe('a***n@slaunchx.test');
    const code = as(
      await adapter.advance(profile, choose.state, { kind: 'choose-method', method: 'OTP' }),
      'code',
    );
    const done = as(
      await adapter.advance(profile, code.state, {
        kind: 'code',
        code: await totpNow('admin@slaunchx.test'),
      }),
      'done',
    );
    expect(done.tokens.accessToken.split('.')).toHaveLength(3);
    expect(done.tokens.account).toMatchObject({
      email: 'admin@slaunchx.test',
      login: 'admin@slaunchx.test',
    });
    expect(done.tokens.account.id).toEqual(expect.any(String));
    expect(done.tokens.expiresAt - done.tokens.obtainedAt).toBe(3_600_000);
  });

  it('BACKUP_CODE across a worker restart: the flow and SC session resume from stored JSON', async () => {
    const profile = slaunchxProfile(emu);
    const stored = new Map<string, ScSessionState | null>();
    const deps = {
      fetch,
      scState: (key: string) => stored.get(key) ?? null,
      onScStateChange: (key: string, state: ScSessionState | null) => {
        stored.set(key, state);
      },
    };
    const before = createSlaunchxAdapter(deps);
    const first = as(await before.start(profile), 'credentials');
    const choose = as(
      await before.advance(profile, first.state, {
        kind: 'credentials',
        identifier: 'admin@slaunchx.test',
        password: PASSWORD,
      }),
      'choose-method',
    );
    const code = as(
      await before.advance(profile, choose.state, { kind: 'choose-method', method: 'BACKUP_CODE' }),
      'code',
    );
    expect([...stored.values()].some((s) => s !== null)).toBe(true);
    const kept = JSON.parse(JSON.stringify(code.state)) as FlowState; // what storage.session holds

    const after = createSlaunchxAdapter(deps); // a new worker life
    const done = as(
      await after.advance(profile, kept, { kind: 'code', code: 'BKUP-00001' }),
      'done',
    );
    expect(done.tokens.account.email).toBe('admin@slaunchx.test');
    const sessions = (await (await fetch(`${emu.url}/__emulator/sessions`)).json()) as {
      secureChannel: unknown[];
    };
    expect(sessions.secureChannel).toHaveLength(1); // the stored session was reused, not reopened
  });

  it('EMAIL: send the code, read it from the dev mailbox, sign in', async () => {
    const profile = slaunchxProfile(emu);
    const { adapter, step } = await credentials(profile, 'admin@slaunchx.test');
    const send = as(
      await adapter.advance(profile, as(step, 'choose-method').state, {
        kind: 'choose-method',
        method: 'EMAIL',
      }),
      'send-code',
    );
    const since = Date.now();
    const code = as(await adapter.advance(profile, send.state, { kind: 'send-code' }), 'code');
    expect(code).toMatchObject({
      method: 'EMAIL',
      destination: 'a***n@slaunchx.test',
      canResend: true,
    });
    const mailed = await mailedCode(emu, 'admin@slaunchx.test', since);
    expect(mailed).toMatch(/^\d{6}$/);
    as(await adapter.advance(profile, code.state, { kind: 'code', code: mailed }), 'done');
  });

  it('consumer portal, account without MFA: credentials lead straight to tokens', async () => {
    const profile = slaunchxProfile(emu, 'consumer');
    const { step } = await credentials(profile, 'nomfa@slaunchx.test');
    expect(as(step, 'done').tokens.account.email).toBe('nomfa@slaunchx.test');
  });

  it('consumer portal, EMAIL only: no method choice, straight to send-code', async () => {
    const profile = slaunchxProfile(emu, 'consumer');
    const { step } = await credentials(profile, 'user@slaunchx.test');
    expect(as(step, 'send-code')).toMatchObject({ method: 'EMAIL', alternatives: [] });
  });

  it('pending approval: the right OTP ends in the pending-approval step', async () => {
    const profile = slaunchxProfile(emu);
    const { adapter, step } = await credentials(profile, 'pending@slaunchx.test');
    const code = as(step, 'code');
    expect(code.method).toBe('OTP');
    const end = await adapter.advance(profile, code.state, {
      kind: 'code',
      code: await totpNow('pending@slaunchx.test'),
    });
    expect(as(end, 'pending-approval').message).not.toBe('');
  });

  it('refresh rotates the tokens; logout revokes the family', async () => {
    const profile = slaunchxProfile(emu, 'consumer');
    const { adapter, step } = await credentials(profile, 'nomfa@slaunchx.test');
    const tokens: Tokens = as(step, 'done').tokens;
    const next = await adapter.refresh(profile, tokens);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(next.account).toEqual(tokens.account);
    expect(await adapter.accountProfile(profile, next)).toMatchObject({
      email: 'nomfa@slaunchx.test',
    });
    await adapter.logout(profile, next);
    await expect(adapter.accountProfile(profile, next)).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
    });
    const error = await adapter.refresh(profile, next).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'AUTH.TOKEN_INVALID', httpStatus: 401 });
  });

  it('wrong password re-presents the credentials with AUTH.INVALID_CREDENTIALS', async () => {
    const { step } = await credentials(
      slaunchxProfile(emu),
      'admin@slaunchx.test',
      'Wrong-Horse-42',
    );
    expect(as(step, 'credentials').error).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      httpStatus: 401,
    });
  });

  it('wrong code keeps the code step with the seed message; a localised profile gets its language', async () => {
    const profile = { ...slaunchxProfile(emu), acceptLanguage: 'zh-CN' };
    const { adapter, step } = await credentials(profile, 'admin@slaunchx.test');
    const code = as(
      await adapter.advance(profile, as(step, 'choose-method').state, {
        kind: 'choose-method',
        method: 'BACKUP_CODE',
      }),
      'code',
    );
    const again = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: 'BKUP-99999' }),
      'code',
    );
    expect(again.error).toMatchObject({
      code: 'AUTH.MFA_CODE_INVALID',
      meaning: 'The verification code is incorrect.',
    });
    expect(again.error?.message).not.toBe('The verification code is incorrect');
  });

  it('the 6th initiate in a window is rate limited with a retry delay', async () => {
    const profile = slaunchxProfile(emu);
    const adapter = createSlaunchxAdapter({ fetch });
    const first = as(await adapter.start(profile), 'credentials');
    const wrong = {
      kind: 'credentials',
      identifier: 'admin@slaunchx.test',
      password: 'Wrong-Horse-42',
    } as const;
    for (let i = 0; i < 5; i++) {
      expect(
        as(await adapter.advance(profile, first.state, wrong), 'credentials').error?.code,
      ).toBe('AUTH.INVALID_CREDENTIALS');
    }
    const limited = as(await adapter.advance(profile, first.state, wrong), 'credentials');
    expect(limited.error).toMatchObject({ code: 'RATE_LIMITED', httpStatus: 429 });
    expect(limited.error?.retryAfterMs).toBeGreaterThan(0);
    expect(limited.error?.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('a wrong portal access code is reported as PORTAL_MISMATCH', async () => {
    const profile = { ...slaunchxProfile(emu), accessCode: 'not-the-code' };
    const { step } = await credentials(profile, 'admin@slaunchx.test');
    expect(as(step, 'credentials').error).toMatchObject({
      code: 'PORTAL_MISMATCH',
      httpStatus: 403,
    });
  });
});
