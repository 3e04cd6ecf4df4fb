import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOtpauthUri,
  generateCode,
  OtpUriError,
  parseOtpauthUri,
  validateAccount,
  type OtpAccount,
} from '../../../src/otp/index';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('');
const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;

/** Characters the URI syntax cares about, mixed with any code point. */
const nameUnit = fc.oneof(
  fc.constantFrom(':', ' ', '%', '+', '/', '?', '#', '&', '=', '%3A', 'é', '😀', '\u00a0'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
/** Names as the parser hands them out: trimmed, without control characters. */
const accountName = fc
  .string({ unit: nameUnit, maxLength: 24 })
  .map((text) => text.replace(/\p{Cc}/gu, '').trim());

// 16..206 characters decode to 10..128 bytes; trailing partial bits vary freely.
const secret = fc.string({ unit: fc.constantFrom(...BASE32), minLength: 16, maxLength: 206 });

const common = { issuer: accountName, label: accountName, secret };

const validAccount: fc.Arbitrary<OtpAccount> = fc.oneof(
  fc.record({
    ...common,
    type: fc.constant('totp' as const),
    algorithm: fc.constantFrom(...ALGORITHMS),
    digits: fc.integer({ min: 6, max: 10 }),
    period: fc.integer({ min: 1, max: 86_400 }),
    counter: fc.constant(0),
  }),
  fc.record({
    ...common,
    type: fc.constant('hotp' as const),
    algorithm: fc.constantFrom(...ALGORITHMS),
    digits: fc.integer({ min: 6, max: 10 }),
    period: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 86_400 })),
    counter: fc.oneof(fc.nat(1000), fc.maxSafeNat()),
  }),
  fc.record({
    ...common,
    type: fc.constant('steam' as const),
    algorithm: fc.constant('SHA1' as const),
    digits: fc.constant(5),
    period: fc.constant(30),
    counter: fc.constant(0),
  }),
);

/** Parses or throws OtpUriError; any other outcome fails the property. */
function parsesOrRefusesCleanly(uri: string): void {
  let account: OtpAccount;
  try {
    account = parseOtpauthUri(uri);
  } catch (error) {
    if (!(error instanceof OtpUriError)) throw error;
    expect(typeof error.code).toBe('string');
    return;
  }
  validateAccount(account);
}

/** Every UTF-16 unit, lone surrogates included. */
const utf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
});

const paramName = fc.constantFrom(
  'secret',
  'Secret',
  'issuer',
  'algorithm',
  'digits',
  'period',
  'counter',
  'encoder',
  'x',
);
const paramValue = fc.oneof(
  { arbitrary: secret, weight: 1 },
  {
    arbitrary: fc.constantFrom('', 'SHA1', 'sha-512', 'steam', '5', '6', '10', '30', '1.5', '%'),
    weight: 4,
  },
  { arbitrary: fc.nat().map(String), weight: 2 },
  { arbitrary: utf16, weight: 1 },
);
/** Mostly a leading secret, so that later checks (algorithm, digits, …) are reached too. */
const uriLike = fc
  .tuple(
    fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', '', 'x'),
    fc.oneof({ arbitrary: accountName, weight: 3 }, { arbitrary: utf16, weight: 1 }),
    fc.option(secret, { freq: 5 }),
    fc.array(fc.tuple(paramName, paramValue), { maxLength: 4 }),
  )
  .map(([type, label, leadingSecret, params]) => {
    const pairs = leadingSecret === null ? params : [['secret', leadingSecret], ...params];
    return `otpauth://${type}/${label}?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`;
  });

describe('otpauth URI properties', () => {
  it('parseOtpauthUri(formatOtpauthUri(a)) deep-equals a for any valid account', () => {
    fc.assert(
      fc.property(validAccount, (account) => {
        validateAccount(account);
        expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
      }),
      { numRuns: 1000 },
    );
  });

  it('generates a code for any valid account', () => {
    fc.assert(
      fc.property(validAccount, fc.nat(), (account, seconds) => {
        const code = generateCode(account, seconds * 1000);
        expect(code).toHaveLength(account.digits);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a valid account or throws OtpUriError for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), parsesOrRefusesCleanly), {
      numRuns: 500,
    });
    fc.assert(fc.property(utf16, parsesOrRefusesCleanly), { numRuns: 500 });
  });

  it('returns a valid account or throws OtpUriError for any otpauth:// string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), utf16), (rest) => {
        parsesOrRefusesCleanly(`otpauth://${rest}`);
      }),
      { numRuns: 500 },
    );
  });

  it('returns a valid account or throws OtpUriError for URI-shaped strings', () => {
    fc.assert(fc.property(uriLike, parsesOrRefusesCleanly), { numRuns: 1500 });
  });
});
