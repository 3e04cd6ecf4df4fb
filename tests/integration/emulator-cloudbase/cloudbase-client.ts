import { expect } from 'vitest';
import { field, stringField, type Harness, type HttpAnswer } from '../emulator-idaas/harness';

/** Calls of the CloudBase contract (providers.md §4, seed 004). */

export const USERNAME = 'zhangsan';
export const PASSWORD = 'example password';
export const EMAIL = 'zhangsan@example.com';
export const SUB = '9876543210123456789';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function createCloudbaseClient(h: Harness) {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const answer = await h.post(`/auth/v1${path}`, body, headers);
    // §4: every response, errors included, carries X-Request-Id.
    expect(answer.headers.get('x-request-id')).toMatch(UUID);
    return answer;
  };

  const signin = (password = PASSWORD, username = USERNAME, headers: Record<string, string> = {}) =>
    post('/signin', { username, password }, headers);

  const captchaToken = async (): Promise<string> => {
    const data = await post('/captcha/data', {});
    const verified = await post('/captcha/verify', {
      captcha_id: stringField(data.json, 'captcha_id'),
      answer: data.headers.get('x-emulator-captcha-answer') ?? '',
    });
    return stringField(verified.json, 'captcha_token');
  };

  /** verification → mailbox → verify; returns the verification_token. */
  const verificationToken = async (target: Record<string, string>): Promise<string> => {
    const started = await post('/verification', { ...target, target: 'ANY' });
    const to = target.email ?? target.phone_number ?? '';
    const verified = await post('/verification/verify', {
      verification_id: stringField(started.json, 'verification_id'),
      verification_code: await h.latestCode(to),
    });
    return stringField(verified.json, 'verification_token');
  };

  return { post, signin, captchaToken, verificationToken };
}

export function expectCloudbaseError(answer: HttpAnswer, error: string, status = 400): void {
  expect([answer.status, field(answer.json, 'error')], answer.text).toEqual([status, error]);
  expect(stringField(answer.json, 'error_description')).not.toBe('');
}
