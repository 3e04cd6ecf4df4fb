/**
 * Tolerant reader of Key URIs (Google Authenticator's "Key Uri Format"):
 *   otpauth://TYPE/[ISSUER:]ACCOUNT?secret=…&issuer=…&algorithm=…&digits=…&period=…|counter=…
 *
 * Accepted leniently, because real QR codes and exports do all of these:
 * - surrounding whitespace; scheme, type, parameter names and algorithm/encoder values in any
 *   case (`OTPAUTH://TOTP/…?Secret=…&Algorithm=sha256`); `SHA-256` for `SHA256`;
 * - secrets in lower case, with spaces or dashes, with or without `=` padding;
 * - a missing label (`otpauth://totp?secret=…`), a label without issuer prefix, percent-encoded
 *   labels (`%20`, `%3A` as the issuer separator), spaces after the separator;
 * - the label prefix as the issuer when there is no `issuer` parameter; an empty `issuer=`
 *   counts as absent; issuer prefix and parameter compare case- and space-insensitively;
 * - `+` as a space in parameter values (form encoding); in the label it stays a `+`, since
 *   account names like `alice+work@example.com` are common;
 * - unknown parameters (`image`, `color`, …), a `#fragment`, identical repeated parameters;
 * - Steam Guard as `otpauth://steam/…` and as `otpauth://totp/…?encoder=steam`.
 *
 * Refused (each with its OtpUriError code): conflicting repeated parameters, an empty
 * `algorithm`/`digits`/`period` value, an unknown non-empty `encoder`, and for Steam any
 * algorithm/digits/period other than its fixed SHA1/5/30. `counter` is ignored on time-based
 * URIs; `period` is kept (and checked) on HOTP URIs so every valid account round-trips.
 */
import { OtpUriError } from './otp-uri-error';
import type { OtpAccount, OtpAlgorithm, OtpType } from './types';
import {
  DEFAULT_PERIOD_SECONDS,
  OTP_ALGORITHMS,
  STEAM_DIGITS,
  STEAM_PERIOD_SECONDS,
  validateAccount,
} from './validate-account';
import { normalizeSecret } from './normalize-secret';

const SCHEME = 'otpauth://';
const DEFAULT_DIGITS = 6; // Key Uri Format default

/** The account a Key URI describes, in canonical form. Throws OtpUriError. */
export function parseOtpauthUri(uri: string): OtpAccount {
  const { typeText, rawLabel, params } = splitUri(uri);
  const type = parseType(typeText, params.get('encoder'));
  const secret = parseSecret(params.get('secret'));
  const isSteam = type === 'steam';
  const algorithm = parseAlgorithm(params.get('algorithm'));
  const digits = parseInteger(
    params.get('digits'),
    isSteam ? STEAM_DIGITS : DEFAULT_DIGITS,
    'OTP_DIGITS',
  );
  const period = parseInteger(
    params.get('period'),
    isSteam ? STEAM_PERIOD_SECONDS : DEFAULT_PERIOD_SECONDS,
    'OTP_PERIOD',
  );
  const counter = type === 'hotp' ? parseCounter(params.get('counter')) : 0;
  const { issuer, label } = resolveLabel(decode(rawLabel, false), params.get('issuer') ?? '');
  const account: OtpAccount = { type, issuer, label, secret, algorithm, digits, period, counter };
  validateAccount(account); // ranges, Steam's fixed values and names: one rule set for both
  return account;
}

function splitUri(uri: string): {
  typeText: string;
  rawLabel: string;
  params: Map<string, string>;
} {
  const text = typeof uri === 'string' ? uri.trim() : '';
  if (text.slice(0, SCHEME.length).toLowerCase() !== SCHEME) {
    throw new OtpUriError('OTP_URI_MALFORMED', 'This is not an otpauth:// URI.');
  }
  const rest = text.slice(SCHEME.length).split('#', 1)[0] ?? '';
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const slashAt = path.indexOf('/');
  const typeText = slashAt < 0 ? path : path.slice(0, slashAt);
  if (typeText === '') {
    throw new OtpUriError('OTP_URI_MALFORMED', 'The URI names no type (otpauth://totp/…).');
  }
  const rawLabel = slashAt < 0 ? '' : path.slice(slashAt + 1);
  const params = parseQuery(queryAt < 0 ? '' : rest.slice(queryAt + 1));
  return { typeText, rawLabel, params };
}

function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equalsAt = part.indexOf('=');
    const name = decode(equalsAt < 0 ? part : part.slice(0, equalsAt), true).toLowerCase();
    const value = equalsAt < 0 ? '' : decode(part.slice(equalsAt + 1), true);
    const earlier = params.get(name);
    if (earlier !== undefined && earlier !== value) {
      throw new OtpUriError('OTP_URI_MALFORMED', `The parameter "${name}" is given twice.`);
    }
    params.set(name, value);
  }
  return params;
}

function decode(text: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replaceAll('+', ' ') : text);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    throw new OtpUriError('OTP_URI_MALFORMED', 'The URI has broken percent-encoding.');
  }
}

function parseType(typeText: string, encoder: string | undefined): OtpType {
  const type = typeText.toLowerCase();
  const encoderName = encoder?.trim().toLowerCase() ?? '';
  const steamEncoder = encoderName === 'steam';
  if (encoderName !== '' && !steamEncoder) {
    throw new OtpUriError('OTP_URI_TYPE', `Unknown encoder "${encoder}".`);
  }
  if (type === 'steam' || (type === 'totp' && steamEncoder)) return 'steam';
  if ((type === 'totp' || type === 'hotp') && !steamEncoder) return type;
  throw new OtpUriError('OTP_URI_TYPE', `Unknown OTP type "${typeText}".`);
}

function parseSecret(value: string | undefined): string {
  if (value === undefined || value.replace(/[\s-]+/g, '') === '') {
    throw new OtpUriError('OTP_SECRET_MISSING', 'The URI has no secret parameter.');
  }
  return normalizeSecret(value);
}

function parseAlgorithm(value: string | undefined): OtpAlgorithm {
  if (value === undefined) return 'SHA1'; // Key Uri Format default
  const name = value.trim().toUpperCase().replace('-', '');
  const known = OTP_ALGORITHMS.find((algorithm) => algorithm === name);
  if (known === undefined) {
    throw new OtpUriError('OTP_ALGORITHM', `Unknown algorithm "${value}".`);
  }
  return known;
}

function parseInteger(
  value: string | undefined,
  fallback: number,
  code: 'OTP_DIGITS' | 'OTP_PERIOD',
): number {
  if (value === undefined) return fallback;
  const text = value.trim();
  if (!/^[0-9]+$/.test(text)) {
    throw new OtpUriError(code, `"${value}" is not a whole number.`);
  }
  return Number(text); // range checked by validateAccount
}

function parseCounter(value: string | undefined): number {
  const text = value?.trim() ?? '';
  // RFC 4226 §5.2: the moving factor is shared state; guessing 0 would desynchronise.
  if (!/^[0-9]+$/.test(text)) {
    throw new OtpUriError('OTP_COUNTER', 'An HOTP URI needs a whole-number counter.');
  }
  return Number(text); // values past 2^53 - 1 lose precision and are refused by validateAccount
}

/** Splits `[ISSUER:]ACCOUNT` and reconciles the prefix with the `issuer` parameter. */
function resolveLabel(label: string, issuerParam: string): { issuer: string; label: string } {
  const issuer = issuerParam.trim();
  // The issuer itself may contain ':'; formatOtpauthUri writes it verbatim before the separator.
  if (issuer !== '' && label.charAt(issuer.length) === ':') {
    if (sameIssuer(label.slice(0, issuer.length), issuer)) {
      return { issuer, label: label.slice(issuer.length + 1).trim() };
    }
  }
  const colonAt = label.indexOf(':');
  if (colonAt < 0) return { issuer, label: label.trim() };
  const prefix = label.slice(0, colonAt).trim();
  const account = label.slice(colonAt + 1).trim();
  if (issuer === '') return { issuer: prefix, label: account };
  if (prefix !== '' && !sameIssuer(prefix, issuer)) {
    throw new OtpUriError(
      'OTP_ISSUER_MISMATCH',
      `The label names issuer "${prefix}" but the issuer parameter says "${issuer}".`,
    );
  }
  return { issuer, label: account };
}

function sameIssuer(a: string, b: string): boolean {
  const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return fold(a) === fold(b);
}
