/**
 * The Koodrive calls of the demo page (providers.md §3) under `/koodrive/ose/v1/auth`. Business
 * errors arrive with HTTP 200 and a non-zero `code`, which the seed shows as a number and types
 * as a string: both are read alike.
 */
import { DemoError, readJson } from '../shared/demo-error.js';
import { randomHex } from '../shared/format.js';

const BASE = '/koodrive/ose/v1/auth';
export const AGENT_NAME = 'authdeck-demo';

export function createKoodriveApi({ fetchFn = (...args) => fetch(...args) } = {}) {
  const post = async (path, body) => {
    const response = await fetchFn(`${BASE}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'x-hw-agentName': AGENT_NAME,
        'X-Traceid': randomHex(16), // optional; the emulator echoes it back
      },
      body: JSON.stringify(body),
    });
    const answer = await readJson(response);
    const code = String(answer.code);
    if (code !== '0') throw new DemoError(code, String(answer.msg ?? ''));
    return answer.data;
  };

  return {
    loginWithPassword: (account, password) => post('/login', { account, authType: '1', password }),
    sendCode: (account) => post('/verifycode/send', { account }),
    verifyCode: (account, verifyCode) => post('/verifycode/verify', { account, verifyCode }),
    loginWithCaptchaToken: (account, captchaToken) =>
      post('/login', { account, authType: '2', captchaToken }),
  };
}
