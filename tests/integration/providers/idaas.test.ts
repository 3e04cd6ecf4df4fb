import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdaasAdapter } from '../../../src/providers/idaas';
import { ProviderError } from '../../../src/providers/errors';
import type { IdaasProfile } from '../../../src/providers/profile';
import {
  as,
  idaasProfile,
  mailedCode,
  resetEmulator,
  startTestEmulator,
  type Emulator,
} from './harness';

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

async function toCaptcha(profile: IdaasProfile, email = 'zhangsan@qq.com') {
  const adapter = createIdaasAdapter({ fetch });
  const first = as(await adapter.start(profile), 'credentials');
  const captcha = as(
    await adapter.advance(profile, first.state, { kind: 'credentials', identifier: email }),
    'captcha',
  );
  return { adapter, captcha };
}

describe('IDaaS sign-in against the emulator', () => {
  it('captcha (answer from the test hint) → e-mail code from the mailbox → tokens with an id token', async () => {
    const profile = idaasProfile(emu);
    const { adapter, captcha } = await toCaptcha(profile);
    expect(captcha.image).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(captcha.hint).toMatch(/^\w+$/);
    const since = Date.now();
    const code = as(
      await adapter.advance(profile, captcha.state, {
        kind: 'captcha',
        answer: captcha.hint ?? '',
      }),
      'code',
    );
    expect(code).toMatchObject({
      method: 'EMAIL',
      destination: 'zhangsan@qq.com',
      canResend: true,
    });
    const mailed = await mailedCode(emu, 'zhangsan@qq.com', since);
    const done = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: mailed }),
      'done',
    );
    expect(done.tokens.idToken?.split('.')).toHaveLength(3);
    expect(done.tokens.accessToken).toBe(done.tokens.idToken);
    expect(done.tokens.refreshToken).toEqual(expect.any(String));
    expect(done.tokens.refreshExpiresAt).toBe(done.tokens.obtainedAt + 432_000_000);
    // providers.md §2: the id_token is valid 300 s.
    expect(done.tokens.expiresAt).toBe(done.tokens.obtainedAt + 300_000);
    expect(done.tokens.account.login).toBe('zhangsan@qq.com');

    // Refresh mints a new id token from the session token, which stays.
    const next = await adapter.refresh(profile, done.tokens);
    expect(next.refreshToken).toBe(done.tokens.refreshToken);
    expect(next.idToken).toEqual(expect.any(String));
    expect(next.expiresAt).toBe(next.obtainedAt + 300_000);
  });

  it('a wrong captcha answer brings a fresh captcha with the error', async () => {
    const profile = idaasProfile(emu);
    const { adapter, captcha } = await toCaptcha(profile);
    const again = as(
      await adapter.advance(profile, captcha.state, { kind: 'captcha', answer: 'nope' }),
      'captcha',
    );
    expect(again.error?.code).toMatch(/^IDAAS\.SDK\.CAPTCHA\./);
    expect(again.state.data['captchaId']).not.toBe(captcha.state.data['captchaId']);
  });

  it('a wrong e-mail code keeps the code step with IDAAS.SDK.CAPTCHA.0007', async () => {
    const profile = idaasProfile(emu);
    const { adapter, captcha } = await toCaptcha(profile);
    const code = as(
      await adapter.advance(profile, captcha.state, {
        kind: 'captcha',
        answer: captcha.hint ?? '',
      }),
      'code',
    );
    const again = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: '000000' }),
      'code',
    );
    expect(again.error).toMatchObject({ code: 'IDAAS.SDK.CAPTCHA.0007', httpStatus: 400 });
    expect(again.error?.meaning).toMatch(/^Incorrect verification code/);
  });

  it('a disabled user is sent back to the credentials with IDAAS.SDK.USER.0039', async () => {
    const profile = idaasProfile(emu);
    const { adapter, captcha } = await toCaptcha(profile, 'disabled@qq.com');
    const back = as(
      await adapter.advance(profile, captcha.state, {
        kind: 'captcha',
        answer: captcha.hint ?? '',
      }),
      'credentials',
    );
    expect(back.error?.code).toBe('IDAAS.SDK.USER.0039');
  });

  it('an unregistered client id is IDAAS.SDK.PARAM.0003', async () => {
    const profile = { ...idaasProfile(emu), clientId: 'not-registered' };
    const adapter = createIdaasAdapter({ fetch });
    const first = as(await adapter.start(profile), 'credentials');
    const again = as(
      await adapter.advance(profile, first.state, {
        kind: 'credentials',
        identifier: 'zhangsan@qq.com',
      }),
      'credentials',
    );
    expect(again.error?.code).toBe('IDAAS.SDK.PARAM.0003');
  });

  it('an unknown session token fails refresh with a ProviderError', async () => {
    const adapter = createIdaasAdapter({ fetch });
    const tokens = {
      family: 'idaas' as const,
      accessToken: 'x',
      refreshToken: 'bogus',
      tokenType: 'Bearer',
      expiresAt: 0,
      obtainedAt: 0,
      account: {},
    };
    const error = await adapter.refresh(idaasProfile(emu), tokens).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'IDAAS.SDK.TOKEN.0001' });
  });
});
