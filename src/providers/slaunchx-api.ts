/**
 * SlaunchX transport (providers.md §1): gateway headers, the SCv2 client per channel, the
 * result wrapper, and the plaintext profile call. Business failures become `ProviderError`s.
 */
import * as v from 'valibot';
import type { SecureChannelClient, SecureChannelDeps } from '../secure-channel/client';
import { ScError, ScRefusedError } from '../secure-channel/errors';
import type { ScSessionState } from '../secure-channel/session-state';
import type { AdapterEnv } from './adapter-kit';
import { clientError, ProviderError, parseRetryAfter } from './errors';
import type { AccountIdentity, SlaunchxProfile } from './profile';
import { endpoint } from './profile';
import { parseShape, transportError, withTimeout } from './http';

export type ScClient = SecureChannelClient;
export type ScClientOptions = SecureChannelDeps;
/** Makes the SCv2 client for a channel; tests may wrap the real one. */
export type ScClientFactory = (options: SecureChannelDeps) => SecureChannelClient;

/** The worker's store of SC sessions, keyed by channel (base URL, client hash, access code). */
export interface ScStateStore {
  scState?: (
    channelKey: string,
  ) => ScSessionState | null | undefined | Promise<ScSessionState | null | undefined>;
  onScStateChange?: (channelKey: string, state: ScSessionState | null) => void | Promise<void>;
}

// providers.md §1.3: method codes travel as JSON numbers.
export const METHOD_CODES: Readonly<Record<'EMAIL' | 'OTP' | 'BACKUP_CODE', number>> = {
  EMAIL: 10011001,
  OTP: 10011002,
  BACKUP_CODE: 10011005,
};

export function methodFromCode(code: number): keyof typeof METHOD_CODES | null {
  for (const name of ['EMAIL', 'OTP', 'BACKUP_CODE'] as const) {
    if (METHOD_CODES[name] === code) return name;
  }
  return null;
}

const Wrapper = v.looseObject({
  success: v.boolean(),
  code: v.string(),
  message: v.optional(v.string()),
  data: v.optional(v.unknown()),
});

export const TokenData = v.looseObject({
  accessToken: v.pipe(v.string(), v.minLength(1)),
  refreshToken: v.pipe(v.string(), v.minLength(1)),
  expiresIn: v.number(),
  accountStatus: v.optional(v.nullable(v.string())),
});

const ProfileData = v.looseObject({
  accountId: v.string(),
  email: v.string(),
  displayName: v.optional(v.nullable(v.string())),
});

function gatewayHeaders(profile: SlaunchxProfile, env: AdapterEnv): Record<string, string> {
  const headers: Record<string, string> = {
    'X-PORTAL-ACCESS-CODE': profile.accessCode,
    'X-Client-Hash': profile.clientHash,
    'Accept-Language': profile.acceptLanguage ?? 'en',
    Accept: 'application/json',
  };
  if (profile.environment === 'test') {
    // providers.md §1.1: local/test gateways want Cloudflare's headers; a fresh ray per call.
    const ray = Array.from(env.randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
    headers['CF-Connecting-IP'] = '127.0.0.1';
    headers['Cf-Ray'] = `${ray}-DEV`;
    headers['cf-ipcountry'] = 'XX';
  }
  return headers;
}

/** Turns a wrapper into its data, or throws the failure it reports (providers.md §1.2). */
function unwrap(env: AdapterEnv, status: number, headers: Headers, body: unknown): unknown {
  const wrapper = parseShape('slaunchx', Wrapper, body, status);
  if (wrapper.success && wrapper.code === '2000') return wrapper.data ?? null;
  const data = wrapper.data;
  const bodyRetry =
    typeof data === 'object' && data !== null && 'retryAfter' in data ? data.retryAfter : undefined;
  const retryAfterMs =
    status === 429 || wrapper.code === 'RATE_LIMITED'
      ? parseRetryAfter(headers.get('retry-after'), bodyRetry, env.now())
      : undefined;
  throw new ProviderError({
    code: wrapper.code,
    provider: 'slaunchx',
    httpStatus: status,
    ...(wrapper.message === undefined ? {} : { message: wrapper.message }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** SC protocol failures keep their SC code; an unreadable answer is RESPONSE_INVALID. */
function fromScError(error: ScError): ProviderError {
  if (error.code === 'SC.RESPONSE_INVALID') {
    return clientError('slaunchx', 'RESPONSE_INVALID', error.message);
  }
  return new ProviderError({ code: error.code, provider: 'slaunchx', message: error.message });
}

export function portalPath(profile: SlaunchxProfile, path: string): string {
  return `/web/v1/${profile.portal}${path}`;
}

export interface SlaunchxApi {
  /** One SC call under the portal prefix; resolves with the success `data`. */
  sc(profile: SlaunchxProfile, path: string, body: unknown, bearer?: string): Promise<unknown>;
  /** GET P/profile (plaintext, Bearer), providers.md §1.4. */
  profile(profile: SlaunchxProfile, accessToken: string): Promise<AccountIdentity>;
  /** Closes and forgets the profile's channel (SCv2 §5). */
  close(profile: SlaunchxProfile): Promise<void>;
}

export function createSlaunchxApi(
  env: AdapterEnv,
  deps: ScStateStore & { fetch: typeof fetch; createScClient: ScClientFactory },
): SlaunchxApi {
  const clients = new Map<string, ScClient>();
  const timedFetch = withTimeout(deps.fetch, env.timeoutMs);

  const channelKey = (p: SlaunchxProfile) => `${p.baseUrl}|${p.clientHash}|${p.accessCode}`;

  async function clientFor(profile: SlaunchxProfile): Promise<ScClient> {
    // SCv2 §3 step 5: a session belongs to one X-Client-Hash; it serves both portals.
    const key = channelKey(profile);
    const existing = clients.get(key);
    if (existing) return existing;
    const stored = (await deps.scState?.(key)) ?? null;
    const client = deps.createScClient({
      baseUrl: profile.baseUrl.replace(/\/+$/, ''),
      fetch: timedFetch,
      gatewayHeaders: () => gatewayHeaders(profile, env),
      now: env.now,
      randomBytes: env.randomBytes,
      state: stored,
      onStateChange: (state) => deps.onScStateChange?.(key, state),
    });
    clients.set(key, client);
    return client;
  }

  return {
    async sc(profile, path, body, bearer) {
      const client = await clientFor(profile);
      const headers: Record<string, string> = {};
      if (bearer !== undefined) headers['Authorization'] = `Bearer ${bearer}`;
      let answer;
      try {
        answer = await client.call(portalPath(profile, path), body, {
          headers,
          signal: AbortSignal.timeout(env.timeoutMs),
        });
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        if (error instanceof ScError) throw fromScError(error);
        throw transportError('slaunchx', error);
      }
      return unwrap(env, answer.status, answer.headers, answer.body);
    },

    async close(profile) {
      const key = channelKey(profile);
      const client = clients.get(key) ?? (await clientFor(profile));
      clients.delete(key);
      try {
        await client.close();
      } catch (error) {
        if (error instanceof ScError) throw fromScError(error);
        if (error instanceof ScRefusedError) {
          const init = {
            code: error.code,
            provider: 'slaunchx',
            httpStatus: error.status,
          } as const;
          throw new ProviderError(init);
        }
        throw transportError('slaunchx', error);
      }
    },

    async profile(profile, accessToken) {
      const res = await env.http.request({
        method: 'GET',
        url: endpoint(profile, portalPath(profile, '/profile')),
        headers: { ...gatewayHeaders(profile, env), Authorization: `Bearer ${accessToken}` },
      });
      const data = parseShape(
        'slaunchx',
        ProfileData,
        unwrap(env, res.status, res.headers, res.body),
      );
      const identity: AccountIdentity = { id: data.accountId, email: data.email };
      if (typeof data.displayName === 'string') identity.displayName = data.displayName;
      return identity;
    },
  };
}
