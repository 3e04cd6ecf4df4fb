import { expect } from 'vitest';
import { field, stringField, type Harness, type HttpAnswer } from '../emulator-idaas/harness';

/** Calls of the Koodrive contract (providers.md §3, seed 003). */

export const ACCOUNT = '0027188460911';
export const PASSWORD = '123qweASD143';
export const AGENT = { 'x-hw-agentName': 'authdeck-tests' };

export function createKoodriveClient(h: Harness) {
  const post = (path: string, body: unknown, headers: Record<string, string> = AGENT) =>
    h.post(`/koodrive/ose/v1/auth${path}`, body, headers);

  const login = (password = PASSWORD, account = ACCOUNT) =>
    post('/login', { account, authType: '1', password });

  /** Sends and verifies an SMS code, returning the captcha token for authType "2". */
  const captchaToken = async (account = ACCOUNT): Promise<string> => {
    expect(field((await post('/verifycode/send', { account })).json, 'code')).toBe('0');
    const verified = await post('/verifycode/verify', {
      account,
      verifyCode: await h.latestCode(account),
    });
    return stringField(verified.json, 'data', 'captchaToken');
  };

  return { post, login, captchaToken };
}

/** HTTP 200 (unless told) with `{code, msg}` and that code. */
export function expectKoodriveError(answer: HttpAnswer, code: string | number, status = 200): void {
  expect([answer.status, field(answer.json, 'code')], answer.text).toEqual([status, code]);
  expect(stringField(answer.json, 'msg')).not.toBe('');
}
