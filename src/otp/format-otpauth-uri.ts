import type { OtpAccount } from './types';
import { validateAccount } from './validate-account';

/**
 * The inverse of parseOtpauthUri: parseOtpauthUri(formatOtpauthUri(a)) deep-equals a for every
 * valid account. Throws OtpUriError for an invalid one.
 *
 * - Steam is written as `otpauth://steam/…` with only secret and issuer: an app that does not
 *   know Steam then refuses the URI instead of showing wrong numeric codes (which is what
 *   `totp…&encoder=steam` gets from such apps).
 * - TOTP and HOTP always carry algorithm and digits, plus period (TOTP, or HOTP when not 30)
 *   or counter, so importers with other defaults read them right.
 * - The label is `ISSUER:ACCOUNT` when there is an issuer; an account name containing ':'
 *   without an issuer is written `:ACCOUNT`, whose empty prefix means "no issuer".
 */
export function formatOtpauthUri(account: OtpAccount): string {
  validateAccount(account);
  const params = [`secret=${account.secret}`];
  if (account.issuer !== '') params.push(`issuer=${encodeURIComponent(account.issuer)}`);
  if (account.type !== 'steam') {
    params.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`);
    if (account.type === 'totp' || account.period !== 30) params.push(`period=${account.period}`);
    if (account.type === 'hotp') params.push(`counter=${account.counter}`);
  }
  return `otpauth://${account.type}/${formatLabel(account)}?${params.join('&')}`;
}

function formatLabel({ issuer, label }: OtpAccount): string {
  const name = encodeURIComponent(label);
  if (issuer !== '') return `${encodeURIComponent(issuer)}:${name}`;
  return label.includes(':') ? `:${name}` : name;
}
