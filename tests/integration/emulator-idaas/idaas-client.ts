import { expect } from 'vitest';
import { field, stringField, type Harness, type HttpAnswer } from './harness';

/** Calls of the IDaaS contract (providers.md §2) with the seed's headers (seed 001). */

export const CLIENT_ID = 'nTo1eRIub60vPb54WeE6aojPwYwImtl4';
export const USER = 'zhangsan@qq.com';
export const DISABLED = 'disabled@qq.com';

export const DEVICE_HEADERS: Record<string, string> = {
  'X-client-id': CLIENT_ID,
  'X-device-fingerprint': '156aysdna213sc50',
  'X-operating-sys-version': 'windows10.1.1',
  'X-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X)',
  'X-device-ip': '192.168.1.2',
};

export function createIdaasClient(h: Harness, language?: 'zh' | 'en') {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    h.post(`/api/v2/sdk${path}`, body, {
      ...DEVICE_HEADERS,
      ...(language === undefined ? {} : { 'X-L': language }),
      ...headers,
    });

  const passCaptcha = async (): Promise<string> => {
    const graphic = await post('/captcha/graphic', {});
    expect(graphic.status).toBe(200);
    const answer = graphic.headers.get('x-emulator-captcha-answer') ?? '';
    const verified = await post('/captcha/graphic/verify', {
      captcha_id: stringField(graphic.json, 'captcha_id'),
      captcha_code: answer,
    });
    expect(verified.status).toBe(200);
    return stringField(verified.json, 'captcha_token');
  };

  const sendCode = async (email: string): Promise<HttpAnswer> =>
    post('/send-email-verify-code', {
      email,
      type: 'LOGIN_EMS',
      captcha_token: await passCaptcha(),
    });

  const signIn = async (email: string): Promise<HttpAnswer> => {
    expect((await sendCode(email)).status).toBe(200);
    return post('/login/email-verify-code', { email, verify_code: await h.latestCode(email) });
  };

  return { post, passCaptcha, sendCode, signIn };
}

export function expectIdaasError(answer: HttpAnswer, code: string, status = 400): void {
  expect([answer.status, field(answer.json, 'error_code')], answer.text).toEqual([status, code]);
  expect(stringField(answer.json, 'error_msg')).not.toBe('');
  expect(Object.keys(answer.json as object).sort()).toEqual(['error_code', 'error_msg']);
}
