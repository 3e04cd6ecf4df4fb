import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdaasPlugin } from '../../../emulator/providers/idaas';
import { field, startHarness, stringField, type Harness } from './harness';
import {
  CLIENT_ID,
  createIdaasClient,
  DEVICE_HEADERS,
  DISABLED,
  expectIdaasError,
  USER,
} from './idaas-client';

// providers.md §2: every error code of the seed's table and of the contract's additions.

let h: Harness;
let idaas: ReturnType<typeof createIdaasClient>;

beforeAll(async () => {
  h = await startHarness({ plugins: [createIdaasPlugin()] });
  idaas = createIdaasClient(h);
});
afterAll(() => h.close());
beforeEach(() => h.reset());

/** Posts to the captcha endpoint with exactly these headers (plus JSON unless overridden). */
const withHeaders = (headers: Record<string, string>) =>
  h.post('/api/v2/sdk/captcha/graphic', {}, headers);

describe('IDaaS header checks', () => {
  it('checks the client id before the device headers: empty → PARAM.0002', async () => {
    expectIdaasError(await withHeaders({}), 'IDAAS.SDK.PARAM.0002');
    expectIdaasError(await withHeaders({ 'X-client-id': ' ' }), 'IDAAS.SDK.PARAM.0002');
  });

  it('then its registration: unknown → PARAM.0003', async () => {
    expectIdaasError(await withHeaders({ 'X-client-id': 'unknown-app' }), 'IDAAS.SDK.PARAM.0003');
  });

  it.each(['X-device-fingerprint', 'X-operating-sys-version', 'X-agent'])(
    'then the device headers: missing %s → PARAM.0001',
    async (name) => {
      const headers = Object.fromEntries(
        Object.entries(DEVICE_HEADERS).filter(([key]) => key !== name),
      );
      expectIdaasError(await withHeaders(headers), 'IDAAS.SDK.PARAM.0001');
    },
  );

  it('treats a content-type other than application/json as incomplete device information', async () => {
    expectIdaasError(
      await withHeaders({ ...DEVICE_HEADERS, 'content-type': 'text/plain' }),
      'IDAAS.SDK.PARAM.0001',
    );
  });

  it('does not require X-device-ip and accepts a charset on the content type', async () => {
    const headers = Object.fromEntries(
      Object.entries(DEVICE_HEADERS).filter(([key]) => key !== 'X-device-ip'),
    );
    headers['content-type'] = 'application/json;charset=UTF-8';
    expect((await withHeaders(headers)).status).toBe(200);
  });

  it('checks the headers before the body', async () => {
    expectIdaasError(
      await h.post('/api/v2/sdk/captcha/graphic', '{not json', { 'X-client-id': CLIENT_ID }),
      'IDAAS.SDK.PARAM.0001',
    );
  });
});

describe('IDaaS error language', () => {
  it('answers in Chinese by default and in English with X-L: en', async () => {
    const zh = await withHeaders({ 'X-client-id': 'unknown-app' });
    expect(field(zh.json, 'error_msg')).toBe('应用未注册,请先注册应用');
    const en = await withHeaders({ 'X-client-id': 'unknown-app', 'X-L': 'en' });
    expect(field(en.json, 'error_msg')).toBe(
      'The app is not registered, please register the app first',
    );
  });

  it('uses the seed table text for CAPTCHA.0007 in both languages', async () => {
    for (const [language, text] of [
      ['en', 'Incorrect verification code'],
      ['zh', '验证码不正确'],
    ] as const) {
      const client = createIdaasClient(h, language);
      const answer = await client.post('/login/email-verify-code', {
        email: USER,
        verify_code: '000000',
      });
      expectIdaasError(answer, 'IDAAS.SDK.CAPTCHA.0007');
      expect(field(answer.json, 'error_msg')).toBe(text);
    }
  });
});

describe('IDaaS body checks', () => {
  it('refuses the seed example spelling `emial` as an unknown field (PARAM.0000)', async () => {
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { emial: USER, verify_code: '123456' }),
      'IDAAS.SDK.PARAM.0000',
    );
  });

  it.each([
    ['malformed JSON', '{"email": "zhangsan@qq.com",'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a wrong type', JSON.stringify({ email: USER, verify_code: 123456 })],
    ['a null field', JSON.stringify({ email: null, verify_code: '123456' })],
    ['an oversized body', JSON.stringify({ email: USER, verify_code: 'x'.repeat(20_000) })],
  ])('answers PARAM.0000 for %s', async (_name, body) => {
    expectIdaasError(await idaas.post('/login/email-verify-code', body), 'IDAAS.SDK.PARAM.0000');
  });

  it('answers PARAM.0004 for an empty email and PARAM.0009 for an empty code', async () => {
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { email: '', verify_code: '123456' }),
      'IDAAS.SDK.PARAM.0004',
    );
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { email: USER }),
      'IDAAS.SDK.PARAM.0009',
    );
  });

  it('answers PARAM.0005 for a type other than LOGIN_EMS', async () => {
    const captchaToken = await idaas.passCaptcha();
    expectIdaasError(
      await idaas.post('/send-email-verify-code', {
        email: USER,
        type: 'REGISTER_EMS',
        captcha_token: captchaToken,
      }),
      'IDAAS.SDK.PARAM.0005',
    );
  });
});

describe('IDaaS business errors', () => {
  it('answers CAPTCHA.0002 for an unknown, reused or expired captcha token', async () => {
    const send = (token: string) =>
      idaas.post('/send-email-verify-code', {
        email: USER,
        type: 'LOGIN_EMS',
        captcha_token: token,
      });
    expectIdaasError(await send('forged'), 'IDAAS.SDK.CAPTCHA.0002');
    const token = await idaas.passCaptcha();
    expect((await send(token)).status).toBe(200);
    expectIdaasError(await send(token), 'IDAAS.SDK.CAPTCHA.0002');
    const late = await idaas.passCaptcha();
    await h.advanceClock(300_001);
    expectIdaasError(await send(late), 'IDAAS.SDK.CAPTCHA.0002');
  });

  it('answers USER.0001 for an unknown email on send and on login', async () => {
    expectIdaasError(await idaas.sendCode('nobody@qq.com'), 'IDAAS.SDK.USER.0001');
    expectIdaasError(
      await idaas.post('/login/email-verify-code', {
        email: 'nobody@qq.com',
        verify_code: '123456',
      }),
      'IDAAS.SDK.USER.0001',
    );
  });

  it('answers USER.0039 for the disabled user on send and on login', async () => {
    expectIdaasError(await idaas.sendCode(DISABLED), 'IDAAS.SDK.USER.0039');
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { email: DISABLED, verify_code: '123456' }),
      'IDAAS.SDK.USER.0039',
    );
  });

  it('answers CAPTCHA.0007 when no code was sent', async () => {
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { email: USER, verify_code: '123456' }),
      'IDAAS.SDK.CAPTCHA.0007',
    );
  });

  it('voids a code after 5 wrong answers', async () => {
    await idaas.sendCode(USER);
    const code = await h.latestCode(USER);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await idaas.post('/login/email-verify-code', { email: USER, verify_code: wrong });
    }
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { email: USER, verify_code: code }),
      'IDAAS.SDK.CAPTCHA.0007',
    );
  });

  it('answers an injected fault with COM.0002 and HTTP 500 for exactly `count` calls', async () => {
    await h.fault('idaas', 'IDAAS.SDK.COM.0002', 2);
    const busy = await idaas.post('/captcha/graphic', {});
    expectIdaasError(busy, 'IDAAS.SDK.COM.0002', 500);
    expect(field(busy.json, 'error_msg')).toBe('系统繁忙,请稍后再试');
    expectIdaasError(await idaas.post('/captcha/graphic', {}), 'IDAAS.SDK.COM.0002', 500);
    const ok = await idaas.post('/captcha/graphic', {});
    expect(ok.status).toBe(200);
    expect(stringField(ok.json, 'captcha_id')).not.toBe('');
  });
});
