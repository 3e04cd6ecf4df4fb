/**
 * What one captured call tells the flow grouper: who made it (identity key), which values link
 * it to other calls (tokens, login session ids, captcha and verification ids, SC sessions), and
 * what it did to the sign-in (tokens issued, refresh token issued or killed, signed out).
 */
import type { ProviderFamily } from '../providers/profile';
import { bodyText, requestJson, responseJson } from './body-bytes';
import { findJwtStrings } from './jwt-pattern';
import { MASK } from './redact';
import { bearerToken, classifyRequest, type Classification } from './classify-request';
import { matchEndpoint, type EndpointSpec } from './endpoints';
import { stepError, type StepError } from './explain-error';
import { getHeader, isRecord, normalizeEntry, parseUrl, startedMs, type HarEntry } from './har';

export type FlowFamily = ProviderFamily | 'bearer' | 'jwt';

const DAY_MS = 86_400_000;
// providers.md §1.4: SlaunchX refresh tokens live 30 days. §2: IDaaS session_token 432 000 s
// unless the response says otherwise. Koodrive and CloudBase do not document theirs (null).
const REFRESH_LIFETIME_MS: Readonly<Record<ProviderFamily, number | null>> = {
  slaunchx: 30 * DAY_MS,
  idaas: 432_000_000,
  koodrive: null,
  cloudbase: null,
};

export interface EntryFacts {
  index: number;
  entry: HarEntry;
  classification: Classification;
  spec: EndpointSpec | null;
  family: FlowFamily;
  origin: string;
  /** Start time, carried forward from the previous entry when the capture lacks it. */
  timeMs: number;
  rawTimeMs: number | null;
  /** Who made the call: X-Client-Hash, device fingerprint, account or bearer token. */
  key: string | null;
  clientHash: string | null;
  scSessionId: string | null;
  /** Linking values the request presents (tokens, ids) and the response hands out. */
  presented: string[];
  issued: string[];
  error: StepError | null;
  signsIn: boolean;
  /** A refresh credential was issued; `validForMs` null when its lifetime is undocumented. */
  refreshIssued: { validForMs: number | null } | null;
  signsOut: boolean;
  refreshDies: boolean;
}

const LINK_FIELD = /token|sessionid|session_id|captcha_id|verification_id|registrationid/i;
const ACCESS_FIELD = /^(accessToken|access_token|session_token|id_token)$/;
const REFRESH_FIELD = /^(refreshToken|refresh_token|session_token)$/;

/**
 * Values that can link two requests: long enough to be distinctive, and not masked — every
 * masked token looks alike (`eyJh…`), so the worker's own redacted log must not link on them.
 */
const isLinkValue = (text: string) => text.length >= 6 && !text.endsWith(MASK);
/** Any issued value counts as issued, masked or not. */
const isIssuedValue = (text: string) => text.length > 0;

/** String values under fields matching `re`, anywhere in parsed JSON (depth-limited). */
function valuesUnder(
  value: unknown,
  re: RegExp,
  keep: (text: string) => boolean = isLinkValue,
  depth = 0,
  out: string[] = [],
): string[] {
  if (depth > 20) return out;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) valuesUnder(item, re, keep, depth + 1, out);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (re.test(key) && typeof item === 'string') {
        if (keep(item)) out.push(item);
      } else valuesUnder(item, re, keep, depth + 1, out);
    }
  }
  return out;
}

function firstJwt(entry: HarEntry): string | null {
  const texts = [entry.request.url, bodyText(entry.request.postData) ?? ''];
  for (const { value } of entry.request.headers) texts.push(value);
  return texts.flatMap(findJwtStrings)[0] ?? null;
}

function identityKey(family: FlowFamily, entry: HarEntry, body: unknown): string | null {
  const headers = entry.request.headers;
  const field = (name: string) =>
    isRecord(body) && typeof body[name] === 'string' ? body[name] : null;
  switch (family) {
    case 'slaunchx':
      return getHeader(headers, 'x-client-hash');
    case 'idaas':
      return getHeader(headers, 'x-device-fingerprint');
    case 'koodrive':
      return field('account');
    case 'cloudbase':
      return field('username') ?? field('email') ?? field('phone_number');
    default:
      // Bearer and JWT traffic: the token is the caller.
      return bearerToken(entry) ?? firstJwt(entry);
  }
}

function refreshIssued(family: FlowFamily, response: unknown): EntryFacts['refreshIssued'] {
  if (family === 'bearer' || family === 'jwt') return null;
  if (valuesUnder(response, REFRESH_FIELD, isIssuedValue).length === 0) return null;
  const expire = isRecord(response) ? response.expire : undefined;
  if (family === 'idaas' && typeof expire === 'number' && expire > 0) {
    return { validForMs: expire * 1000 };
  }
  return { validForMs: REFRESH_LIFETIME_MS[family] };
}

// The answers that say the refresh credential itself is dead (providers.md §1.4, §2, §3, §4);
// a refused header or a busy server leaves it alive.
const DEAD_REFRESH = new Set([
  'AUTH.REFRESH_TOKEN_REUSED',
  'AUTH.TOKEN_INVALID',
  'AUTH.TOKEN_EXPIRED',
  'IDAAS.SDK.TOKEN.0001',
  '10004',
  'invalid_grant',
]);

/** A sealed SlaunchX 401 hides its code; on refresh it can only be a token refusal. */
function killsRefresh(error: StepError | null, status: number): boolean {
  return error === null ? status === 401 : DEAD_REFRESH.has(error.code);
}

function outcomeFacts(
  family: FlowFamily,
  spec: EndpointSpec | null,
  entry: HarEntry,
  error: StepError | null,
) {
  const status = entry.response.status;
  const ok = status >= 200 && status < 300 && error === null;
  const response = responseJson(entry);
  let signsIn = ok && valuesUnder(response?.value, ACCESS_FIELD, isIssuedValue).length > 0;
  let refresh = ok ? refreshIssued(family, response?.value) : null;
  // An encrypted SlaunchX answer hides its tokens, but its status carries the result class
  // (SCv2 §4.1): a 200 to complete or refresh issued a token pair.
  const hidden = response === null && family === 'slaunchx' && status === 200;
  if (hidden && (spec?.kind === 'complete' || spec?.kind === 'refresh')) {
    signsIn = true;
    refresh = { validForMs: REFRESH_LIFETIME_MS.slaunchx };
  }
  return {
    signsIn,
    refreshIssued: refresh,
    signsOut: ok && spec?.kind === 'logout',
    refreshDies: spec?.kind === 'refresh' && killsRefresh(error, status),
  };
}

/** The facts of one entry, or null when it is not auth traffic (classified `unknown`). */
export function entryFacts(raw: unknown, index: number, previousMs: number): EntryFacts | null {
  const { entry } = normalizeEntry(raw);
  const classification = classifyRequest(entry);
  if (classification.kind === 'unknown') return null;
  const family = classification.kind;
  const url = parseUrl(entry.request.url);
  const spec = url === null ? null : (matchEndpoint(url.path)?.spec ?? null);
  const request = requestJson(entry)?.value;
  const error = family === 'bearer' || family === 'jwt' ? null : stepError(entry, family);
  const presented = valuesUnder(request, LINK_FIELD);
  const bearer = bearerToken(entry);
  if (bearer !== null && isLinkValue(bearer)) presented.push(bearer);
  const captcha = getHeader(entry.request.headers, 'x-captcha-token'); // providers.md §4
  if (captcha !== null && isLinkValue(captcha)) presented.push(captcha);
  const scSessionId =
    getHeader(entry.request.headers, 'x-sc-session-id') ??
    getHeader(entry.request.headers, 'x-secure-channel-session-id');
  const rawTimeMs = startedMs(entry);
  return {
    index,
    entry,
    classification,
    spec,
    family,
    origin: classification.origin ?? '',
    timeMs: rawTimeMs ?? previousMs,
    rawTimeMs,
    key: identityKey(family, entry, request),
    clientHash: getHeader(entry.request.headers, 'x-client-hash'),
    scSessionId,
    presented,
    issued: valuesUnder(responseJson(entry)?.value, LINK_FIELD),
    error,
    ...outcomeFacts(family, spec, entry, error),
  };
}
