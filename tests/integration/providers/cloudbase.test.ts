import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloudbaseAdapter } from '../../../src/providers/cloudbase';
import { ProviderError } from '../../../src/providers/errors';
import type { CloudbaseProfile } from '../../../src/providers/profile';
import {
  as,
  cloudbaseProfile,
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

async function passwordLogin(profile: CloudbaseProfile, username: string, password: string) {
  const adapter = createCloudbaseAdapter({ fetch });
  const first = as(await adapter.start(profile), 'credentials');
  const step = await adapter.advance(profile, first.state, {
    kind: 'credentials',
    identifier: username,
    password,
  });
  return { adapter, step };
}

describe('CloudBase sign-in against the emulator', () => {
  it('username and password give tokens with the subject', async () => {
    const { step } = await passwordLogin(cloudbaseProfile(emu.url), 'zhangsan', 'example password');
    const { tokens } = as(step, 'done');
    expect(tokens).toMatchObject({ tokenType: 'Bearer', account: { login: 'zhangsan' } });
    expect(tokens.account.id).toMatch(/^\d+$/); // seed 004: sub is a numeric string
    expect(tokens.expiresAt - tokens.obtainedAt).toBe(7_200_000);
  });

  it('verification code by e-mail from the mailbox, then signin with the verification token', async () => {
    const profile = cloudbaseProfile(emu.url);
    const adapter = createCloudbaseAdapter({ fetch });
    const first = as(await adapter.start(profile, { mode: 'code' }), 'credentials');
    const since = Date.now();
    const code = as(
      await adapter.advance(profile, first.state, {
        kind: 'credentials',
        identifier: 'zhangsan@example.com',
      }),
      'code',
    );
    expect(code).toMatchObject({ method: 'EMAIL', destination: 'zhangsan@example.com' });
    const mailed = await mailedCode(emu, 'zhangsan@example.com', since);
    const done = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: mailed }),
      'done',
    );
    expect(done.tokens.accessToken).not.toBe('');
  });

  it('after 3 failures the signin needs a captcha; solving it completes the sign-in', async () => {
    const profile = cloudbaseProfile(emu.url);
    for (let i = 0; i < 3; i++) {
      const { step } = await passwordLogin(profile, 'zhangsan', 'wrong password');
      expect(as(step, 'credentials').error?.code).toBe('invalid_username_or_password');
    }
    const { adapter, step } = await passwordLogin(profile, 'zhangsan', 'example password');
    const captcha = as(step, 'captcha');
    expect(captcha.error?.code).toBe('captcha_required');
    expect(captcha.image).toMatch(/^data:image\//);
    const wrong = as(
      await adapter.advance(profile, captcha.state, { kind: 'captcha', answer: 'nope' }),
      'captcha',
    );
    expect(wrong.error).toBeDefined();
    const done = as(
      await adapter.advance(profile, wrong.state, { kind: 'captcha', answer: wrong.hint ?? '' }),
      'done',
    );
    expect(done.tokens.account.login).toBe('zhangsan');
  });

  it('refresh rotates; the old refresh token then answers invalid_grant', async () => {
    const profile = cloudbaseProfile(emu.url);
    const { adapter, step } = await passwordLogin(profile, 'zhangsan', 'example password');
    const tokens = as(step, 'done').tokens;
    const next = await adapter.refresh(profile, tokens);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    const error = await adapter.refresh(profile, tokens).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'invalid_grant', httpStatus: 400 });
  });

  it('a user without a password gets password_not_set on the credentials step', async () => {
    const { step } = await passwordLogin(cloudbaseProfile(emu.url), 'nopass', 'anything');
    expect(as(step, 'credentials').error?.code).toBe('password_not_set');
  });

  it('a wrong verification code keeps the code step with invalid_verification_code', async () => {
    const profile = cloudbaseProfile(emu.url);
    const adapter = createCloudbaseAdapter({ fetch });
    const first = as(await adapter.start(profile, { mode: 'code' }), 'credentials');
    const code = as(
      await adapter.advance(profile, first.state, {
        kind: 'credentials',
        identifier: 'zhangsan@example.com',
      }),
      'code',
    );
    const again = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: '000000' }),
      'code',
    );
    expect(again.error?.code).toBe('invalid_verification_code');
  });
});
