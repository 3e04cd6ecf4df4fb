import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloudbasePlugin } from '../../../emulator/providers/cloudbase';
import {
  field,
  jwtClaims,
  startHarness,
  stringField,
  type Harness,
} from '../emulator-idaas/harness';
import {
  createCloudbaseClient,
  EMAIL,
  expectCloudbaseError,
  PASSWORD,
  SUB,
  USERNAME,
} from './cloudbase-client';

// providers.md §4 (CloudBase, seed 004): signin, failure counting, captcha and lock, refresh.

let h: Harness;
let cb: ReturnType<typeof createCloudbaseClient>;

beforeAll(async () => {
  h = await startHarness({ plugins: [createCloudbasePlugin()] });
  cb = createCloudbaseClient(h);
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const FIFTEEN_MIN = 15 * 60 * 1000;

/** `n` wrong-password signins, passing a fresh captcha whenever one is required. */
async function failTimes(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const headers: Record<string, string> =
      i >= 3 ? { 'X-Captcha-Token': await cb.captchaToken() } : {};
    expectCloudbaseError(
      await cb.signin('wrong', USERNAME, headers),
      'invalid_username_or_password',
    );
  }
}

describe('CloudBase username/password signin', () => {
  it('answers the seed token response', async () => {
    const answer = await cb.signin();
    expect(answer.status).toBe(200);
    expect(field(answer.json, 'token_type')).toBe('Bearer');
    expect(field(answer.json, 'expires_in')).toBe(7200);
    expect(field(answer.json, 'sub')).toBe(SUB);
    expect(stringField(answer.json, 'refresh_token')).toMatch(/^m\.[A-Za-z0-9]{80}$/);
    const claims = jwtClaims(stringField(answer.json, 'access_token'));
    expect(claims.sub).toBe(SUB);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(7200);
  });

  it('answers invalid_username_or_password for a wrong password or an unknown user', async () => {
    expectCloudbaseError(await cb.signin('wrong'), 'invalid_username_or_password');
    expectCloudbaseError(await cb.signin(PASSWORD, 'nobody'), 'invalid_username_or_password');
  });

  it('answers password_not_set for a user without a password', async () => {
    expectCloudbaseError(await cb.signin('anything', 'nopass'), 'password_not_set');
  });

  it('requires a valid X-Captcha-Token after 3 failures, one captcha per signin', async () => {
    await failTimes(3);
    expectCloudbaseError(await cb.signin(), 'captcha_required');
    expectCloudbaseError(
      await cb.signin(PASSWORD, USERNAME, { 'X-Captcha-Token': 'forged' }),
      'captcha_required',
    );
    const token = await cb.captchaToken();
    expect((await cb.signin(PASSWORD, USERNAME, { 'X-Captcha-Token': token })).status).toBe(200);
    // The success cleared the count: no captcha needed now.
    expect((await cb.signin()).status).toBe(200);
  });

  it('makes a captcha token single-use', async () => {
    await failTimes(3);
    const token = await cb.captchaToken();
    const headers = { 'X-Captcha-Token': token };
    expectCloudbaseError(
      await cb.signin('wrong', USERNAME, headers),
      'invalid_username_or_password',
    );
    expectCloudbaseError(await cb.signin(PASSWORD, USERNAME, headers), 'captcha_required');
  });

  it('locks the user on the 10th failure for 15 minutes (invalid_status)', async () => {
    await failTimes(9);
    const tenth = await cb.signin('wrong', USERNAME, {
      'X-Captcha-Token': await cb.captchaToken(),
    });
    expectCloudbaseError(tenth, 'invalid_status');
    const right = await cb.signin(PASSWORD, USERNAME, {
      'X-Captcha-Token': await cb.captchaToken(),
    });
    expectCloudbaseError(right, 'invalid_status');
    expectCloudbaseError(await cb.signin(), 'invalid_status');
    await h.advanceClock(FIFTEEN_MIN + 1);
    expect((await cb.signin()).status).toBe(200);
  });

  it('counts failures per username', async () => {
    await failTimes(3);
    await h.control('/__emulator/accounts', {
      provider: 'cloudbase',
      username: 'lisi',
      password: 'lisi password',
    });
    expect((await cb.signin('lisi password', 'lisi')).status).toBe(200);
  });
});

describe('CloudBase verification signin', () => {
  it('verifies an email code and signs the matching user in', async () => {
    const started = await cb.post('/verification', { email: EMAIL, target: 'ANY' });
    expect(field(started.json, 'expires_in')).toBe(600);
    expect(field(started.json, 'is_user')).toBe(true);
    const [mail] = await h.mail();
    expect(mail?.Subject).toBe('CloudBase verification code');
    expect(mail?.To[0]?.Address).toBe(EMAIL);
    const verified = await cb.post('/verification/verify', {
      verification_id: stringField(started.json, 'verification_id'),
      verification_code: await h.latestCode(EMAIL),
    });
    expect(field(verified.json, 'expires_in')).toBe(600);
    const token = stringField(verified.json, 'verification_token');
    const signin = await cb.post('/signin', { verification_token: token });
    expect(signin.status).toBe(200);
    expect(field(signin.json, 'sub')).toBe(SUB);
    expectCloudbaseError(
      await cb.post('/signin', { verification_token: token }),
      'invalid_verification_code',
    );
  });

  it('signs in by phone number for an account that has one', async () => {
    await h.control('/__emulator/accounts', {
      provider: 'cloudbase',
      username: 'wangwu',
      phone_number: '+86 13800000000',
    });
    const token = await cb.verificationToken({ phone_number: '+86 13800000000' });
    expect((await cb.post('/signin', { verification_token: token })).status).toBe(200);
  });

  it('answers user_not_found for a verified address without a user', async () => {
    const started = await cb.post('/verification', {
      email: 'stranger@example.com',
      target: 'ANY',
    });
    expect(field(started.json, 'is_user')).toBe(false);
    const token = await cb.verificationToken({ email: 'stranger@example.com' });
    expectCloudbaseError(await cb.post('/signin', { verification_token: token }), 'user_not_found');
  });

  it('answers invalid_verification_code for a wrong or expired code', async () => {
    const started = await cb.post('/verification', { email: EMAIL, target: 'ANY' });
    const id = stringField(started.json, 'verification_id');
    const code = await h.latestCode(EMAIL);
    const wrong = code === '000000' ? '111111' : '000000';
    expectCloudbaseError(
      await cb.post('/verification/verify', { verification_id: id, verification_code: wrong }),
      'invalid_verification_code',
    );
    await h.advanceClock(600_001);
    expectCloudbaseError(
      await cb.post('/verification/verify', { verification_id: id, verification_code: code }),
      'invalid_verification_code',
    );
  });
});

describe('CloudBase refresh', () => {
  const refresh = (token: string) =>
    cb.post('/token', { grant_type: 'refresh_token', refresh_token: token });

  it('rotates the refresh token and keeps the subject', async () => {
    const first = stringField((await cb.signin()).json, 'refresh_token');
    const next = await refresh(first);
    expect(next.status).toBe(200);
    expect(field(next.json, 'sub')).toBe(SUB);
    expect(stringField(next.json, 'refresh_token')).not.toBe(first);
  });

  it('answers invalid_grant for a reused token and then for the whole family', async () => {
    const first = stringField((await cb.signin()).json, 'refresh_token');
    const second = stringField((await refresh(first)).json, 'refresh_token');
    expectCloudbaseError(await refresh(first), 'invalid_grant');
    expectCloudbaseError(await refresh(second), 'invalid_grant');
    expectCloudbaseError(await refresh('m.unknown'), 'invalid_grant');
  });

  it('answers invalid_argument for another grant type', async () => {
    expectCloudbaseError(
      await cb.post('/token', { grant_type: 'password', refresh_token: 'm.x' }),
      'invalid_argument',
    );
  });

  it('lists live sessions with redacted tokens', async () => {
    const answer = await cb.signin();
    const text = (await h.control('/__emulator/sessions')).text;
    for (const key of ['access_token', 'refresh_token']) {
      const token = stringField(answer.json, key);
      expect(text).not.toContain(token);
      expect(text).toContain(`${token.slice(0, 4)}…`);
    }
    expect(text).toContain(USERNAME);
  });
});
