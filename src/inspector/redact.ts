/**
 * Redaction for everything the inspector shows or exports (providers.md, conventions: every
 * token, code and secret is shown as its first 4 characters, then `…`; values under 12
 * characters, such as one-time codes, show none). `reveal: true` is the one way to see a value
 * whole.
 */
import { parseJson } from './body-bytes';
import { isRecord, type HarHeader } from './har';
import { JWT_IN_TEXT } from './jwt-pattern';

export const MASK = '…';

export interface RevealOption {
  reveal?: boolean;
}

/** Which body a field sits in: `code` is a secret in a request and a result code in a response. */
export type BodySide = 'request' | 'response';

export interface RedactOptions extends RevealOption {
  side?: BodySide;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return '';
}

/**
 * providers.md's rule is "first 4 characters, then …". For short values that would give most
 * of it away (4 of a 6-digit code, all of a PIN), so values under 12 characters show nothing.
 */
export const MIN_SHOWN_LENGTH = 12;

export function maskSecret(value: unknown): string {
  const text = asText(value);
  return text.length < MIN_SHOWN_LENGTH ? MASK : `${text.slice(0, 4)}${MASK}`;
}

// Field names that hold tokens, passwords, secrets and one-time codes in the four families'
// bodies (providers.md §1–§4): accessToken, refresh_token, captcha_token, initToken, password,
// newPassword, secret, otpauthUri, qrSvg, backupCodes, verify_code, verifyCode, …
const SECRET_FIELD = /token|passw|secret|otpauth|qrsvg|backupcode|apikey|api_key|credential/i;
const CODE_FIELD = /^(verify_?code|verification_?code|captcha_?code|mfa_?code|otp)$/i;
// Request-only: in responses `code` is the result code (`2000`, `10001`) and must stay readable.
const REQUEST_CODE_FIELD = /^(code|answer|pin)$/i;
// Fields that name a kind of token rather than hold one (CloudBase `token_type: "Bearer"`, RFC
// 7662 §2.1 `token_type_hint`).
const TOKEN_KIND_FIELD = /^(token_?type|token_?type_?hint)$/i;

export function isSecretField(name: string, side: BodySide = 'request'): boolean {
  if (TOKEN_KIND_FIELD.test(name)) return false;
  if (SECRET_FIELD.test(name) || CODE_FIELD.test(name)) return true;
  return side === 'request' && REQUEST_CODE_FIELD.test(name);
}

const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-portal-access-code|x-emulator-captcha-answer)$|token|secret|passw|api-?key/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/** `Bearer eyJh…`: the scheme stays readable, the credential is masked. */
function maskHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const match = /^(\s*[A-Za-z][\w.+-]*\s+)(\S.*)$/.exec(value);
    return match === null ? maskSecret(value) : `${match[1] ?? ''}${maskSecret(match[2])}`;
  }
  if (lower === 'cookie' || lower === 'set-cookie') {
    return value.replace(
      /(^|;\s*)([^=;\s]+)=([^;]*)/g,
      (_m, sep: string, key: string, v: string) =>
        lower === 'set-cookie' && sep !== ''
          ? `${sep}${key}=${v}`
          : `${sep}${key}=${maskSecret(v)}`,
    );
  }
  return maskSecret(value);
}

export function redactHeaders(headers: readonly HarHeader[], options: RevealOption = {}) {
  return headers.map(({ name, value }) => ({
    name,
    value: options.reveal === true || !isSecretHeader(name) ? value : maskHeaderValue(name, value),
  }));
}

export function redactHeaderValue(name: string, value: string, options: RevealOption = {}) {
  return options.reveal === true || !isSecretHeader(name) ? value : maskHeaderValue(name, value);
}

const MAX_DEPTH = 100;

function redactValue(value: unknown, side: BodySide, secret: boolean, depth: number): unknown {
  if (depth > MAX_DEPTH) return `${MASK}(nested deeper than ${MAX_DEPTH} levels)`;
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactValue(item, side, secret, depth + 1));
  }
  if (isRecord(value)) {
    // fromEntries defines own properties, so a `__proto__` key stays data.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        redactValue(item, side, secret || isSecretField(key, side), depth + 1),
      ]),
    );
  }
  if (secret && value !== null && typeof value !== 'boolean') return maskSecret(value);
  return typeof value === 'string' ? redactText(value) : value;
}

/** A copy of parsed JSON with secret fields masked (and JWTs inside any string). */
export function redactJson(value: unknown, options: RedactOptions = {}): unknown {
  if (options.reveal === true) return value;
  return redactValue(value, options.side ?? 'request', false, 0);
}

const KEY = /("?)([A-Za-z_][\w-]*)\1(\s*[:=]\s*)/g;
const BARE_END = /[\s&;,"'}\]]/;

/** Where the value starting at `start` ends: a quoted string (maybe cut unterminated) or a bare run. */
function valueEnd(text: string, start: number): number {
  if (text[start] !== '"') {
    let i = start;
    while (i < text.length && !BARE_END.test(text.charAt(i))) i++;
    return i;
  }
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length; // a body cut at the cap inside the string
}

function maskValue(raw: string): string {
  if (!raw.startsWith('"')) return raw.endsWith(MASK) && raw.length <= 5 ? raw : maskSecret(raw);
  const closed = raw.length > 1 && raw.endsWith('"');
  const inner = raw.slice(1, closed ? -1 : undefined);
  if (inner.endsWith(MASK) && inner.length <= 5) return raw;
  return `"${maskSecret(inner)}${closed ? '"' : ''}`;
}

/** `"key": "value"` and `key=value` pairs whose key names a secret get their value masked. */
function maskPairs(text: string, side: BodySide): string {
  let out = '';
  let last = 0;
  const keys = new RegExp(KEY.source, 'g');
  for (let m = keys.exec(text); m !== null; m = keys.exec(text)) {
    // A key that names no secret is passed over, not its value: `http://…?access_token=` must
    // still reach the token.
    if (!isSecretField(m[2] ?? '', side)) continue;
    const start = m.index + m[0].length;
    const end = valueEnd(text, start);
    if (end === start) continue;
    out += text.slice(last, start) + maskValue(text.slice(start, end));
    last = end;
    keys.lastIndex = end;
  }
  return out + text.slice(last);
}

/**
 * Masks what free text can show of a secret: `Bearer` credentials, JWTs anywhere, and
 * `"key": "value"` or `key=value` pairs whose key names a secret. Used for URLs and for bodies
 * that are not JSON or were cut before they could parse.
 */
export function redactText(text: string, options: RedactOptions = {}): string {
  if (options.reveal === true) return text;
  // Bearer first, then JWTs: a masked value (`eyJh…`) matches neither again, so this is idempotent.
  const masked = text
    .replace(/\b(Bearer\s+)([\w~+/.=-]+)(…)?/gi, (match, scheme: string, token: string, done) =>
      done === undefined ? `${scheme}${maskSecret(token)}` : match,
    )
    .replace(JWT_IN_TEXT, (jwt) => maskSecret(jwt));
  return maskPairs(masked, options.side ?? 'request');
}

/** A body's text with its secrets masked: JSON stays JSON (compact), other text is scanned. */
export function redactBodyText(text: string, options: RedactOptions = {}): string {
  if (options.reveal === true) return text;
  const json = parseJson(text);
  return json === null
    ? redactText(text, options)
    : JSON.stringify(redactJson(json.value, options));
}
