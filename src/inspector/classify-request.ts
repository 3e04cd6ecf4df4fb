/**
 * What a captured request is: one of the four families' endpoints (recognised by path,
 * providers.md §1–§4, SCv2 §1), else any request carrying a bearer token or a JWT, else unknown.
 */
import type { ProviderFamily } from '../providers/profile';
import { bodyText } from './body-bytes';
import { matchEndpoint, type StepKind } from './endpoints';
import { getHeader, normalizeEntry, parseUrl, type HarEntry } from './har';
import { decodeJwt, type JwtResult } from './jwt';
import { findJwtStrings } from './jwt-pattern';
import { maskSecret, type RevealOption } from './redact';

export type RequestKind = ProviderFamily | 'bearer' | 'jwt' | 'unknown';

export interface Classification {
  kind: RequestKind;
  family: ProviderFamily | null;
  /** The endpoint's path after the family prefix, e.g. `auth/login/initiate`. */
  endpoint: string | null;
  /** False for an unlisted path under a family's prefix. */
  knownEndpoint: boolean;
  step: StepKind;
  portal: string | null;
  /** The endpoint's body is an SCv2 envelope. */
  secureChannel: boolean;
  method: string;
  origin: string | null;
  path: string | null;
  /** Carries `Authorization: Bearer …`. */
  bearer: boolean;
  /** JWT-shaped strings in the request's headers, URL and body. */
  jwtCount: number;
  /** What the captured entry lacked (empty for a well-formed entry). */
  problems: string[];
}

/** The credential of `Authorization: Bearer <token>` (RFC 6750 §2.1), or null. */
export function bearerToken(entry: HarEntry): string | null {
  const value = getHeader(entry.request.headers, 'authorization');
  const match = value === null ? null : /^\s*Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1] ?? null;
}

export interface TokenSighting {
  /** e.g. `request.header Authorization`, `request.url`, `response.body`. */
  where: string;
  scheme: 'bearer' | 'jwt';
  /** Masked unless revealed. */
  token: string;
  /** The decoded JWT, or null for an opaque bearer token. */
  jwt: JwtResult | null;
}

function textsOf(entry: HarEntry): [string, string][] {
  const texts: [string, string][] = [['request.url', entry.request.url]];
  for (const { name, value } of entry.request.headers) {
    if (name.toLowerCase() !== 'authorization') texts.push([`request.header ${name}`, value]);
  }
  const sides = [
    ['request', bodyText(entry.request.postData), entry._scPlaintext?.request],
    ['response', bodyText(entry.response.content), entry._scPlaintext?.response],
  ] as const;
  for (const [side, wire, decrypted] of sides) {
    if (wire !== null) texts.push([`${side}.body`, wire]);
    if (decrypted !== undefined) texts.push([`${side}.plaintext`, decrypted]);
  }
  return texts;
}

/**
 * Every bearer token and JWT an entry shows (request headers, URL and body; response body; SCv2
 * plaintexts where the log has them), decoded, masked unless revealed. `now`: ms since epoch.
 */
export function findTokens(
  raw: unknown,
  now: number = Date.now(),
  options: RevealOption = {},
): TokenSighting[] {
  const { entry } = normalizeEntry(raw);
  const show = (token: string) => (options.reveal === true ? token : maskSecret(token));
  const sightings: TokenSighting[] = [];
  const bearer = bearerToken(entry);
  if (bearer !== null) {
    // A bearer credential with dots is offered as a JWT even when it turns out malformed.
    const jwt = bearer.includes('.') ? decodeJwt(bearer, now, options) : null;
    sightings.push({
      where: 'request.header Authorization',
      scheme: 'bearer',
      token: show(bearer),
      jwt,
    });
  }
  for (const [where, text] of textsOf(entry)) {
    for (const token of new Set(findJwtStrings(text))) {
      sightings.push({
        where,
        scheme: 'jwt',
        token: show(token),
        jwt: decodeJwt(token, now, options),
      });
    }
  }
  return sightings;
}

function requestJwtCount(entry: HarEntry): number {
  let count = 0;
  const texts = [entry.request.url, bodyText(entry.request.postData) ?? ''];
  for (const { value } of entry.request.headers) texts.push(value);
  for (const text of texts) count += findJwtStrings(text).length;
  return count;
}

export function classifyRequest(raw: unknown): Classification {
  const { entry, problems } = normalizeEntry(raw);
  const url = parseUrl(entry.request.url);
  if (url === null && entry.request.url !== '') problems.push('request.url is not an absolute URL');
  const match = url === null ? null : matchEndpoint(url.path);
  const bearer = bearerToken(entry) !== null;
  const jwtCount = requestJwtCount(entry);
  const fallback: RequestKind = bearer ? 'bearer' : jwtCount > 0 ? 'jwt' : 'unknown';
  return {
    kind: match?.family ?? fallback,
    family: match?.family ?? null,
    endpoint: match?.name ?? null,
    knownEndpoint: match?.spec != null,
    step:
      match?.spec?.kind ?? (match !== null ? 'other' : fallback === 'unknown' ? 'other' : 'api'),
    portal: match?.portal ?? null,
    secureChannel: match?.spec?.sc ?? false,
    method: entry.request.method,
    origin: url?.origin ?? null,
    path: url?.path ?? null,
    bearer,
    jwtCount,
    problems,
  };
}
