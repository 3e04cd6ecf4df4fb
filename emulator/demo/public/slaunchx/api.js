/**
 * The SlaunchX calls the demo page makes (providers.md §1): login over the secure channel, the
 * plaintext profile, logout. Every request carries the gateway headers of §1.1.
 */
import { DemoError, readJson } from '../shared/demo-error.js';
import { randomHex } from '../shared/format.js';
import { createSecureChannel } from './channel.js';

/** providers.md §1.3: method codes travel as JSON numbers. */
export const MFA = { EMAIL: 10011001, OTP: 10011002, BACKUP_CODE: 10011005 };

/** providers.md §7: the demo deployment's portal access codes. */
export const ACCESS_CODES = { system: 'demo-system-portal', consumer: 'demo-consumer-portal' };

/** The wrapper's data, or its code and message as a DemoError (providers.md §1.2). */
function dataOf(wrapper) {
  if (wrapper.success === true) return wrapper.data;
  throw new DemoError(String(wrapper.code), String(wrapper.message), wrapper.data);
}

/**
 * §1.1: access code, X-Client-Hash (stable per browser profile), and the Cloudflare headers a
 * local/test deployment requires. A browser cannot know its public address, so the page
 * simulates what Cloudflare would add: loopback, a fresh ray id, the "unknown" country XX.
 */
export function gatewayHeaders(portal, clientHash) {
  return {
    Accept: 'application/json',
    'X-PORTAL-ACCESS-CODE': ACCESS_CODES[portal],
    'X-Client-Hash': clientHash,
    'CF-Connecting-IP': '127.0.0.1',
    'Cf-Ray': `${randomHex(8)}-DEV`,
    'cf-ipcountry': 'XX',
  };
}

export function createSlaunchxApi({ portal, clientHash, fetchFn = (...args) => fetch(...args) }) {
  const headers = () => gatewayHeaders(portal, clientHash);
  const channel = createSecureChannel({ headers, fetchFn });
  const prefix = `/web/v1/${portal}`;
  const call = async (path, body, extra) =>
    dataOf(await channel.call(`${prefix}${path}`, body, extra));
  const bearer = (token) => ({ Authorization: `Bearer ${token}` });

  return {
    initiate: (email, password) => call('/auth/login/initiate', { email, password }),
    sendEmailCode: (sessionId) => call('/auth/login/mfa/send', { sessionId, method: MFA.EMAIL }),
    complete: (sessionId, method, code) =>
      call('/auth/login/complete', { sessionId, method, code }),
    logout: (accessToken) => call('/auth/logout', {}, bearer(accessToken)),
    closeChannel: () => channel.close(),
    /** A GET has no envelope to bind a response to, so the profile is plaintext (SCv2 §1). */
    async profile(accessToken) {
      const response = await fetchFn(`${prefix}/profile`, {
        headers: { ...headers(), ...bearer(accessToken) },
      });
      return dataOf(await readJson(response));
    },
  };
}
