/**
 * The IDaaS CIAM calls of the demo page (providers.md §2) under `/api/v2/sdk`, each with the
 * registered client id and the device headers the seed requires.
 */
import { DemoError, readJson } from '../shared/demo-error.js';

/** providers.md §7: the demo application registered on the emulator. */
export const CLIENT_ID = 'nTo1eRIub60vPb54WeE6aojPwYwImtl4';
const BASE = '/api/v2/sdk';

function osVersion() {
  const platform = navigator.userAgentData?.platform ?? navigator.platform;
  return typeof platform === 'string' && platform !== '' ? platform : 'unknown';
}

export function createIdaasApi({ fingerprint, fetchFn = (...args) => fetch(...args) }) {
  const post = async (path, body) => {
    const response = await fetchFn(`${BASE}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-client-id': CLIENT_ID,
        'X-device-fingerprint': fingerprint,
        'X-operating-sys-version': osVersion(),
        'X-agent': 'authdeck-demo',
        'X-L': 'en', // error_msg in English; the contract's default is zh
      },
      body: JSON.stringify(body),
    });
    const answer = await readJson(response);
    if (typeof answer.error_code === 'string') {
      throw new DemoError(answer.error_code, String(answer.error_msg ?? ''));
    }
    if (!response.ok) throw new DemoError(`HTTP_${response.status}`, 'Unexpected IDaaS answer.');
    return answer;
  };

  return {
    graphicCaptcha: () => post('/captcha/graphic', {}),
    verifyCaptcha: (captchaId, captchaCode) =>
      post('/captcha/graphic/verify', { captcha_id: captchaId, captcha_code: captchaCode }),
    // The seed's example spells the field "emial"; its table and the contract say "email".
    sendCode: (email, captchaToken) =>
      post('/send-email-verify-code', { email, type: 'LOGIN_EMS', captcha_token: captchaToken }),
    login: (email, verifyCode) =>
      post('/login/email-verify-code', { email, verify_code: verifyCode }),
  };
}
