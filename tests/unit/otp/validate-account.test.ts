import { describe, expect, it } from 'vitest';
import {
  normalizeSecret,
  OtpUriError,
  validateAccount,
  type OtpAccount,
  type OtpUriErrorCode,
} from '../../../src/otp/index';

const valid: OtpAccount = {
  type: 'totp',
  issuer: 'ACME',
  label: 'alice',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('validateAccount', () => {
  it('accepts a canonical account of each type', () => {
    expect(() => {
      validateAccount(valid);
      validateAccount({ ...valid, type: 'hotp', counter: 5, period: 45 });
      validateAccount({ ...valid, type: 'steam', digits: 5 });
    }).not.toThrow();
  });

  const cases: [OtpUriErrorCode, string, Partial<OtpAccount>][] = [
    ['OTP_URI_TYPE', 'an unknown type', { type: 'motp' as OtpAccount['type'] }],
    ['OTP_SECRET_MISSING', 'an empty secret', { secret: '' }],
    ['OTP_SECRET_INVALID', 'a lower-case secret', { secret: 'jbswy3dpehpk3pxp' }],
    ['OTP_SECRET_INVALID', 'a spaced secret', { secret: 'JBSW Y3DP EHPK 3PXP' }],
    ['OTP_ALGORITHM', 'an unknown algorithm', { algorithm: 'MD5' as OtpAccount['algorithm'] }],
    ['OTP_DIGITS', 'NaN digits', { digits: Number.NaN }],
    ['OTP_DIGITS', 'Steam with six digits', { type: 'steam', digits: 6 }],
    ['OTP_PERIOD', 'a fractional period', { period: 0.5 }],
    ['OTP_PERIOD', 'Steam with 60 s', { type: 'steam', digits: 5, period: 60 }],
    ['OTP_COUNTER', 'a counter on TOTP', { counter: 1 }],
    ['OTP_COUNTER', 'an unsafe HOTP counter', { type: 'hotp', counter: 2 ** 53 }],
    ['OTP_LABEL_INVALID', 'an untrimmed issuer', { issuer: 'ACME ' }],
    ['OTP_LABEL_INVALID', 'a lone surrogate in the label', { label: 'a\uD800' }],
    ['OTP_LABEL_INVALID', 'a DEL character in the label', { label: 'a\u007Fb' }],
  ];

  it.each(cases)('throws %s for %s', (code, _title, overrides) => {
    expect(() => {
      validateAccount({ ...valid, ...overrides });
    }).toThrow(expect.objectContaining({ code, name: 'OtpUriError' }));
  });
});

describe('normalizeSecret', () => {
  it.each([
    ['jbsw y3dp-ehpk 3pxp', 'JBSWY3DPEHPK3PXP'],
    ['JBSWY3DPEHPK3PXPGEZA====', 'JBSWY3DPEHPK3PXPGEZA'],
    ['\tJBSWY3DP\u00a0EHPK3PXP\n', 'JBSWY3DPEHPK3PXP'],
  ])('turns %j into %s', (input, expected) => {
    expect(normalizeSecret(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['JBSWY3DPEHPK3PX', '15 characters, 9 bytes'],
    ['JBSWY3DPEHPK3PX0', 'a zero'],
    ['ſBSWY3DPEHPK3PXP', 'a letter that upper-cases to ASCII'],
    ['A'.repeat(207), '129 bytes'],
  ])('refuses %j (%s) with OTP_SECRET_INVALID', (input) => {
    expect(() => normalizeSecret(input)).toThrow(
      expect.objectContaining({ code: 'OTP_SECRET_INVALID' }),
    );
  });

  it('accepts exactly 10 and 128 bytes', () => {
    expect(normalizeSecret('A'.repeat(16))).toHaveLength(16);
    expect(normalizeSecret('A'.repeat(206))).toHaveLength(206);
  });

  it('throws instances of OtpUriError carrying the code', () => {
    let caught: unknown;
    try {
      normalizeSecret('!');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OtpUriError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as OtpUriError).code).toBe('OTP_SECRET_INVALID');
  });
});
