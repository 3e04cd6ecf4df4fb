/**
 * Provider profiles: where a sign-in goes and with which identity headers. Profiles are stored
 * in storage.local (design.md "State"), so they hold nothing secret; `parseProfile` checks one
 * that comes back from storage or from the options page.
 */
import * as v from 'valibot';

export type ProviderFamily = 'slaunchx' | 'idaas' | 'koodrive' | 'cloudbase';
export const PROVIDER_FAMILIES: readonly ProviderFamily[] = [
  'slaunchx',
  'idaas',
  'koodrive',
  'cloudbase',
];

/** `test` deployments want the Cloudflare simulation headers (providers.md §1.1) and may
 *  disclose captcha answers; `production` ones must be reached over https. */
export type Environment = 'production' | 'test';

interface ProfileBase {
  /** e.g. `https://api.example.com` or `http://127.0.0.1:8787` (test only). */
  baseUrl: string;
  environment: Environment;
  /** Stable per browser profile, 8–128 characters (providers.md §1.1). IDaaS: device fingerprint. */
  clientHash: string;
  /** Sent as Accept-Language (SlaunchX) or mapped to X-L (IDaaS); default `en`. */
  acceptLanguage?: string;
}

export interface SlaunchxProfile extends ProfileBase {
  family: 'slaunchx';
  portal: 'system' | 'consumer';
  accessCode: string;
}

export interface IdaasProfile extends ProfileBase {
  family: 'idaas';
  clientId: string;
  /** X-operating-sys-version, X-agent, X-device-ip (providers.md §2); defaults are generic. */
  osVersion?: string;
  agent?: string;
  deviceIp?: string;
}

export interface KoodriveProfile extends ProfileBase {
  family: 'koodrive';
  /** x-hw-agentName, required on every call (providers.md §3). */
  agentName: string;
}

export interface CloudbaseProfile extends ProfileBase {
  family: 'cloudbase';
}

export type Profile = SlaunchxProfile | IdaasProfile | KoodriveProfile | CloudbaseProfile;

/** Who signed in, as far as the provider tells us. */
export interface AccountIdentity {
  id?: string;
  email?: string;
  displayName?: string;
  phone?: string;
  /** What the user typed at the credentials step. */
  login?: string;
}

const base = {
  baseUrl: v.pipe(v.string(), v.url()),
  environment: v.picklist(['production', 'test']),
  clientHash: v.pipe(v.string(), v.minLength(8), v.maxLength(128)),
  acceptLanguage: v.optional(v.string()),
};

export const ProfileSchema = v.variant('family', [
  v.object({
    ...base,
    family: v.literal('slaunchx'),
    portal: v.picklist(['system', 'consumer']),
    accessCode: v.pipe(v.string(), v.minLength(1)),
  }),
  v.object({
    ...base,
    family: v.literal('idaas'),
    clientId: v.pipe(v.string(), v.minLength(1)),
    osVersion: v.optional(v.string()),
    agent: v.optional(v.string()),
    deviceIp: v.optional(v.string()),
  }),
  v.object({
    ...base,
    family: v.literal('koodrive'),
    agentName: v.pipe(v.string(), v.minLength(1)),
  }),
  v.object({ ...base, family: v.literal('cloudbase') }),
]);

/** A checked profile, or null with the reasons (for the options page). */
export function parseProfile(
  input: unknown,
): { ok: true; profile: Profile } | { ok: false; reason: string } {
  const result = v.safeParse(ProfileSchema, input);
  if (result.success) return { ok: true, profile: result.output };
  return { ok: false, reason: v.summarize(result.issues) };
}

/** Production traffic carries passwords and tokens: https only. Test profiles may use http. */
export function isSecureEnough(profile: Profile): boolean {
  let url: URL;
  try {
    url = new URL(profile.baseUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return profile.environment === 'test' && url.protocol === 'http:';
}

/** Joins the base URL (which may carry a path prefix) and an absolute API path. */
export function endpoint(profile: Profile, path: string): string {
  return profile.baseUrl.replace(/\/+$/, '') + path;
}
