/**
 * The endpoints of the four families as providers.md and secure-channel-v2.md define them,
 * recognised by path: what step of a flow each is, whether its body travels in an SCv2
 * envelope, which body fields a strict endpoint accepts, and which count towards the
 * SlaunchX rate limit.
 */
import type { ProviderFamily } from '../providers/profile';

export type StepKind =
  | 'sc-public-key'
  | 'sc-open'
  | 'sc-close'
  | 'captcha'
  | 'captcha-verify'
  | 'code-send'
  | 'code-verify'
  | 'initiate'
  | 'login'
  | 'mfa-send'
  | 'complete'
  | 'refresh'
  | 'logout'
  | 'profile'
  | 'account'
  | 'api'
  | 'other';

export interface EndpointSpec {
  family: ProviderFamily;
  /** The path after the family's prefix (and portal), e.g. `auth/login/initiate`. */
  name: string;
  kind: StepKind;
  method: 'GET' | 'POST';
  /** The body is an SCv2 envelope (SCv2 §1, providers.md §1.3–§1.6). */
  sc: boolean;
  /** Unknown body fields are refused. */
  strict: boolean;
  fields: readonly string[];
  /** Counts towards the 5-per-60-s window (providers.md §1.3). */
  limited: boolean;
  /** Begins a flow: a sign-in attempt, not a continuation of one. */
  starts: boolean;
}

type Row = [
  name: string,
  kind: StepKind,
  fields: readonly string[],
  flags?: { get?: true; plain?: true; loose?: true; limited?: true; starts?: true },
];

function table(family: ProviderFamily, sc: boolean, rows: readonly Row[]): EndpointSpec[] {
  return rows.map(([name, kind, fields, flags = {}]) => ({
    family,
    name,
    kind,
    method: flags.get === true ? 'GET' : 'POST',
    sc: sc && flags.plain !== true && flags.get !== true,
    strict: flags.loose !== true && flags.get !== true,
    fields,
    limited: flags.limited === true,
    starts: flags.starts === true,
  }));
}

// providers.md §1.3–§1.6: every SC call under the portal prefix is strict; logout's `{}` is not
// called strict there, and profile is a plaintext GET.
const SLAUNCHX_PORTAL = table('slaunchx', true, [
  ['auth/login/initiate', 'initiate', ['email', 'password'], { limited: true, starts: true }],
  ['auth/login/mfa/send', 'mfa-send', ['sessionId', 'method'], { limited: true }],
  ['auth/login/complete', 'complete', ['sessionId', 'method', 'code'], { limited: true }],
  ['auth/token/refresh', 'refresh', ['refreshToken']],
  ['auth/logout', 'logout', [], { loose: true }],
  ['profile', 'profile', [], { get: true }],
  ['account/security/totp/setup', 'account', []],
  ['account/security/totp/confirm', 'account', ['code']],
  ['account/security/backup-codes/regenerate', 'account', []],
  ['account/security/backup-codes/status', 'account', []],
  ['auth/password/forgot', 'account', ['email'], { limited: true }],
  ['auth/password/reset', 'account', ['email', 'code', 'newPassword'], { limited: true }],
  ['auth/password/init', 'account', ['initToken', 'newPassword']],
  ['auth/password/change', 'account', ['oldPassword', 'newPassword'], { limited: true }],
  ['auth/register/start', 'account', ['email']],
  ['auth/register/verify', 'account', ['registrationId', 'code']],
  ['auth/register/complete', 'account', ['registrationId', 'password', 'displayName']],
]);

// SCv2 §1: not under a portal; the open body is plaintext and strict (§3 step 3).
const SECURE_CHANNEL = table('slaunchx', true, [
  ['secure-channel/public-key', 'sc-public-key', [], { get: true, starts: true }],
  ['secure-channel/session', 'sc-open', ['keyId', 'encryptedKey'], { plain: true, starts: true }],
  ['secure-channel/session/close', 'sc-close', []],
]);

// providers.md §2: IDaaS refuses unknown fields with IDAAS.SDK.PARAM.0000, so all are strict.
const IDAAS = table('idaas', false, [
  ['captcha/graphic', 'captcha', [], { starts: true }],
  ['captcha/graphic/verify', 'captcha-verify', ['captcha_id', 'captcha_code']],
  ['send-email-verify-code', 'mfa-send', ['email', 'type', 'captcha_token'], { starts: true }],
  ['login/email-verify-code', 'complete', ['email', 'verify_code']],
  ['token/id-token', 'refresh', ['session_token']],
]);

// providers.md §3: only login is called strict.
const KOODRIVE = table('koodrive', false, [
  ['auth/login', 'login', ['account', 'authType', 'password', 'captchaToken'], { starts: true }],
  ['auth/verifycode/send', 'code-send', ['account'], { loose: true, starts: true }],
  ['auth/verifycode/verify', 'code-verify', ['account', 'verifyCode'], { loose: true }],
  ['auth/token/refresh', 'refresh', ['refreshToken'], { loose: true }],
]);

// providers.md §4: signin takes exactly one of two shapes; the others are not called strict.
const CLOUDBASE = table('cloudbase', false, [
  ['signin', 'login', ['username', 'password', 'verification_token'], { starts: true }],
  ['verification', 'code-send', ['email', 'phone_number', 'target'], { loose: true, starts: true }],
  ['verification/verify', 'code-verify', ['verification_id', 'verification_code'], { loose: true }],
  ['captcha/data', 'captcha', [], { loose: true }],
  ['captcha/verify', 'captcha-verify', ['captcha_id', 'answer'], { loose: true }],
  ['token', 'refresh', ['grant_type', 'refresh_token'], { loose: true }],
]);

export interface EndpointMatch {
  family: ProviderFamily;
  /** The known endpoint, or null for an unlisted path under a family's prefix. */
  spec: EndpointSpec | null;
  name: string;
  portal: string | null;
}

const PREFIXES: readonly [ProviderFamily, RegExp, readonly EndpointSpec[]][] = [
  ['slaunchx', /^\/web\/v1\/(secure-channel\/.+)$/, SECURE_CHANNEL],
  ['idaas', /^\/api\/v2\/sdk\/(.+)$/, IDAAS],
  ['koodrive', /^\/koodrive\/ose\/v1\/(.+)$/, KOODRIVE],
  ['cloudbase', /^\/auth\/v1\/(.+)$/, CLOUDBASE],
];

const PORTAL_RE = /^\/web\/v1\/([A-Za-z0-9_-]+)\/(.+)$/;
const KNOWN_PORTALS = new Set(['system', 'consumer']); // providers.md §1.1

function lookup(specs: readonly EndpointSpec[], name: string): EndpointSpec | null {
  return specs.find((spec) => spec.name === name) ?? null;
}

/** The family and endpoint a request path belongs to, or null for other paths. */
export function matchEndpoint(rawPath: string): EndpointMatch | null {
  const path = rawPath.length > 1 ? rawPath.replace(/\/$/, '') : rawPath;
  for (const [family, re, specs] of PREFIXES) {
    const name = re.exec(path)?.[1];
    if (name !== undefined) return { family, spec: lookup(specs, name), name, portal: null };
  }
  const portal = PORTAL_RE.exec(path);
  if (portal === null) return null;
  const [, portalName = '', name = ''] = portal;
  const spec = lookup(SLAUNCHX_PORTAL, name);
  // `/web/v1/` alone is too common a prefix: an unknown portal counts only with a known endpoint.
  if (spec === null && !KNOWN_PORTALS.has(portalName)) return null;
  return { family: 'slaunchx', spec, name, portal: portalName };
}

export const ENDPOINTS: readonly EndpointSpec[] = [
  ...SLAUNCHX_PORTAL,
  ...SECURE_CHANNEL,
  ...IDAAS,
  ...KOODRIVE,
  ...CLOUDBASE,
];
