/**
 * The CloudBase calls of the demo page (providers.md §4) under `/auth/v1`. Errors are
 * `{error, error_description}`; every answer carries an `X-Request-Id`, kept with the error.
 */
import { DemoError, readJson } from '../shared/demo-error.js';

const BASE = '/auth/v1';

export function createCloudbaseApi({ fetchFn = (...args) => fetch(...args) } = {}) {
  const post = async (path, body, headers = {}) => {
    const response = await fetchFn(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const answer = await readJson(response);
    if (response.ok) return answer;
    const requestId = response.headers.get('X-Request-Id');
    throw new DemoError(String(answer.error), String(answer.error_description ?? ''), {
      requestId,
    });
  };

  return {
    /** `captchaToken`: sent as X-Captcha-Token once the server asked for a captcha. */
    signInWithPassword: (username, password, captchaToken = null) =>
      post(
        '/signin',
        { username, password },
        captchaToken ? { 'X-Captcha-Token': captchaToken } : {},
      ),
    startEmailVerification: (email) => post('/verification', { email, target: 'ANY' }),
    verify: (verificationId, code) =>
      post('/verification/verify', { verification_id: verificationId, verification_code: code }),
    signInWithVerification: (verificationToken) =>
      post('/signin', { verification_token: verificationToken }),
    captchaData: () => post('/captcha/data', {}),
    captchaVerify: (captchaId, answer) =>
      post('/captcha/verify', { captcha_id: captchaId, answer }),
  };
}
