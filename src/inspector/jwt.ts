/**
 * JWT decoding for the inspector (RFC 7519, JWS compact serialisation RFC 7515 §7.1). Nothing is
 * verified: the inspector has no keys. It shows what a token claims and flags what a tester
 * should notice; a malformed token is a value naming its problem, never an exception.
 */
import { decodeUtf8 } from './body-bytes';
import { isRecord } from './har';
import { maskSecret, type RevealOption } from './redact';

export type JwtProblem =
  'not-a-string' | 'segment-count' | 'encrypted' | 'bad-base64url' | 'bad-json' | 'not-an-object';

export interface MalformedJwt {
  ok: false;
  problem: JwtProblem;
  segment: 'header' | 'payload' | null;
  message: string;
  /** The token as given, masked unless revealed. */
  token: string;
}

export interface JwtTime {
  seconds: number;
  ms: number;
  /** UTC; null when the value lies outside what a Date can hold. */
  iso: string | null;
}

export type JwtFlagCode =
  | 'alg-none'
  | 'alg-missing'
  | 'unknown-algorithm'
  | 'shared-secret'
  | 'unsigned'
  | 'expired'
  | 'not-yet-valid'
  | 'missing-exp'
  | 'bad-time-claim';

export interface JwtFlag {
  flag: JwtFlagCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface DecodedJwt {
  ok: true;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  alg: string | null;
  iat: JwtTime | null;
  nbf: JwtTime | null;
  exp: JwtTime | null;
  /** Whole seconds from `now` to `exp`, negative once expired; null without a usable `exp`. */
  secondsUntilExpiry: number | null;
  signature: { bytes: number; value: string };
  flags: JwtFlag[];
  token: string;
}

export type JwtResult = DecodedJwt | MalformedJwt;

const BASE64URL_RE = /^[A-Za-z0-9_-]*$/;

function base64UrlBytes(segment: string): Uint8Array | null {
  if (!BASE64URL_RE.test(segment) || segment.length % 4 === 1) return null;
  const padded = segment.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(padded.padEnd(padded.length + ((4 - (padded.length % 4)) % 4), '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

type Part = { value: Record<string, unknown> } | { problem: JwtProblem; message: string };

function decodePart(segment: string, name: 'header' | 'payload'): Part {
  const bytes = base64UrlBytes(segment);
  if (bytes === null) return { problem: 'bad-base64url', message: `The ${name} is not base64url.` };
  const text = decodeUtf8(bytes);
  if (text === null) return { problem: 'bad-json', message: `The ${name} is not UTF-8 text.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'bad-json', message: `The ${name} is not JSON.` };
  }
  if (!isRecord(value)) {
    return { problem: 'not-an-object', message: `The ${name} is JSON but not an object.` };
  }
  return { value };
}

const MAX_DATE_MS = 8.64e15; // ECMA-262 §21.4.1.1: the range a Date can hold

function readTime(claims: Record<string, unknown>, name: string, flags: JwtFlag[]) {
  const raw = claims[name];
  if (raw === undefined) return null;
  // RFC 7519 §2 NumericDate: seconds since the epoch, possibly fractional.
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    const message = `"${name}" is not a NumericDate (seconds since the epoch).`;
    flags.push({ flag: 'bad-time-claim', severity: 'warning', message });
    return null;
  }
  const ms = raw * 1000;
  if (!Number.isFinite(ms)) {
    const message = `"${name}" is too large to be a date.`;
    flags.push({ flag: 'bad-time-claim', severity: 'warning', message });
    return null;
  }
  const iso = Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : null;
  if (iso === null) {
    const message = `"${name}" is out of the range of dates.`;
    flags.push({ flag: 'bad-time-claim', severity: 'warning', message });
  }
  return { seconds: raw, ms, iso };
}

// RFC 7518 §3.1 plus EdDSA (RFC 8037) and ES256K (RFC 8812).
const KNOWN_ALGS = /^(HS|RS|ES|PS)(256|384|512)$|^EdDSA$|^ES256K$/;

function algorithmFlags(alg: unknown, signature: string): JwtFlag[] {
  if (typeof alg !== 'string' || alg === '') {
    return [{ flag: 'alg-missing', severity: 'error', message: 'The header names no "alg".' }];
  }
  if (alg.toLowerCase() === 'none') {
    const message = 'alg "none": the token is unsigned and anyone can forge it (RFC 8725 §3.1).';
    return [{ flag: 'alg-none', severity: 'error', message }];
  }
  const flags: JwtFlag[] = [];
  if (!KNOWN_ALGS.test(alg)) {
    const message = `"${alg}" is not a registered JWS algorithm.`;
    flags.push({ flag: 'unknown-algorithm', severity: 'warning', message });
  } else if (alg.startsWith('HS')) {
    const message = `${alg} is a shared secret: whoever can verify the token can also mint one (fine in the emulator).`;
    flags.push({ flag: 'shared-secret', severity: 'info', message });
  }
  if (signature === '') {
    const message = `alg is ${alg} but the signature segment is empty.`;
    flags.push({ flag: 'unsigned', severity: 'error', message });
  }
  return flags;
}

function timeFlags(times: Pick<DecodedJwt, 'nbf' | 'exp'>, hasExp: boolean, now: number) {
  const flags: JwtFlag[] = [];
  if (!hasExp) {
    const message = 'No "exp": the token never expires by itself.';
    flags.push({ flag: 'missing-exp', severity: 'warning', message });
  } else if (times.exp !== null && times.exp.ms <= now) {
    flags.push({ flag: 'expired', severity: 'warning', message: 'The token has expired.' });
  }
  if (times.nbf !== null && times.nbf.ms > now) {
    const message = 'The token is not valid yet ("nbf" lies ahead).';
    flags.push({ flag: 'not-yet-valid', severity: 'warning', message });
  }
  return flags;
}

function malformed(
  problem: JwtProblem,
  message: string,
  token: string,
  segment: MalformedJwt['segment'],
): MalformedJwt {
  return { ok: false, problem, segment, message, token };
}

/** Decodes a compact JWS; `now` is ms since the epoch. Never throws. */
export function decodeJwt(
  token: unknown,
  now: number = Date.now(),
  options: RevealOption = {},
): JwtResult {
  const show = (value: string) => (options.reveal === true ? value : maskSecret(value));
  if (typeof token !== 'string') {
    return malformed('not-a-string', 'A JWT is a string.', '', null);
  }
  const shown = show(token);
  const segments = token.trim().split('.');
  if (segments.length === 5) {
    const message = 'Five segments: an encrypted JWT (JWE, RFC 7516), unreadable without its key.';
    return malformed('encrypted', message, shown, null);
  }
  if (segments.length !== 3) {
    const message = `A JWT has 3 dot-separated segments; this has ${segments.length}.`;
    return malformed('segment-count', message, shown, null);
  }
  const [headerPart = '', payloadPart = '', signature = ''] = segments;
  const header = decodePart(headerPart, 'header');
  if ('problem' in header) return malformed(header.problem, header.message, shown, 'header');
  const payload = decodePart(payloadPart, 'payload');
  if ('problem' in payload) return malformed(payload.problem, payload.message, shown, 'payload');
  if (!BASE64URL_RE.test(signature)) {
    return malformed('bad-base64url', 'The signature is not base64url.', shown, null);
  }
  const flags = algorithmFlags(header.value.alg, signature);
  const claims = payload.value;
  const iat = readTime(claims, 'iat', flags);
  const nbf = readTime(claims, 'nbf', flags);
  const exp = readTime(claims, 'exp', flags);
  flags.push(...timeFlags({ nbf, exp }, claims.exp !== undefined, now));
  return {
    ok: true,
    header: header.value,
    claims,
    alg: typeof header.value.alg === 'string' ? header.value.alg : null,
    iat,
    nbf,
    exp,
    secondsUntilExpiry: exp === null ? null : Math.floor((exp.ms - now) / 1000),
    signature: { bytes: base64UrlBytes(signature)?.length ?? 0, value: show(signature) },
    flags,
    token: shown,
  };
}
