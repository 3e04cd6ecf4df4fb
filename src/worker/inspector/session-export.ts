/**
 * A session's tokens as text a tester pastes elsewhere (issue 6): an `Authorization` header, a
 * curl command, or JSON. These carry the real token: they are made only on an explicit copy.
 */
import { shellQuote } from '../../inspector/to-curl';
import type { Tokens } from '../../providers/flow';
import type { Profile, SlaunchxProfile } from '../../providers/profile';
import { portalPath } from '../../providers/slaunchx-api';
import { devRay } from './header-rules';

type TokenParts = Pick<Tokens, 'tokenType' | 'accessToken'>;

/**
 * The header value. RFC 6750 §2.1 `Bearer <token>` (the scheme is case-insensitive, written as
 * the RFC does). A token that already starts with its own type is presented as is: Koodrive's
 * `AT 3b91…` (providers.md §3) becomes `Authorization: AT 3b91…`, never `Bearer AT 3b91…`,
 * whose space would make it no bearer token at all.
 */
export function authorizationValue({ tokenType, accessToken }: TokenParts): string {
  const type = tokenType.trim() === '' || /^bearer$/i.test(tokenType) ? 'Bearer' : tokenType;
  if (accessToken.toLowerCase().startsWith(`${type.toLowerCase()} `)) return accessToken;
  return `${type} ${accessToken}`;
}

export function authorizationHeader(tokens: TokenParts): string {
  return `Authorization: ${authorizationValue(tokens)}`;
}

export function sessionJson(tokens: Tokens): string {
  const out: Record<string, unknown> = {
    tokenType: tokens.tokenType,
    accessToken: tokens.accessToken,
  };
  if (tokens.refreshToken !== undefined) out.refreshToken = tokens.refreshToken;
  if (tokens.idToken !== undefined) out.idToken = tokens.idToken;
  out.expiresAt = new Date(tokens.expiresAt).toISOString();
  out.account = tokens.account;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** providers.md §1.1 gateway headers, as the adapter sends them with `GET P/profile` (§1.4). */
function slaunchxHeaders(profile: SlaunchxProfile, ray: string): [string, string][] {
  const headers: [string, string][] = [
    ['X-PORTAL-ACCESS-CODE', profile.accessCode],
    ['X-Client-Hash', profile.clientHash],
    ['Accept-Language', profile.acceptLanguage ?? 'en'],
    ['Accept', 'application/json'],
  ];
  if (profile.environment === 'test') {
    headers.push(['CF-Connecting-IP', '127.0.0.1'], ['Cf-Ray', ray], ['cf-ipcountry', 'XX']);
  }
  return headers;
}

function curlLines(url: string, headers: [string, string][]): string {
  const args = [shellQuote(url), ...headers.map(([n, v]) => `-H ${shellQuote(`${n}: ${v}`)}`)];
  return `curl ${args.join(' \\\n  ')}`;
}

/**
 * SlaunchX: the profile call, which answers who the token belongs to. The other families have
 * no such endpoint in providers.md: a call to the base URL with the header, to adapt.
 */
export function sessionCurl(
  profile: Profile,
  tokens: TokenParts,
  randomBytes: (n: number) => Uint8Array,
): string {
  const auth: [string, string] = ['Authorization', authorizationValue(tokens)];
  if (profile.family === 'slaunchx') {
    const url = `${profile.baseUrl.replace(/\/+$/, '')}${portalPath(profile, '/profile')}`;
    return [
      `# SlaunchX GET ${portalPath(profile, '/profile')} (providers.md §1.4): whose token this is.`,
      curlLines(url, [auth, ...slaunchxHeaders(profile, devRay(randomBytes))]),
    ].join('\n');
  }
  return [
    `# ${profile.family} has no profile call: replace the URL with the API this token is for.`,
    curlLines(`${profile.baseUrl.replace(/\/+$/, '')}/`, [auth]),
  ].join('\n');
}
