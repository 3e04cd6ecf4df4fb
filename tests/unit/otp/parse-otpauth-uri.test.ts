import { describe, expect, it } from 'vitest';
import {
  formatOtpauthUri,
  OtpUriError,
  parseOtpauthUri,
  type OtpAccount,
  type OtpUriErrorCode,
} from '../../../src/otp/index';

const SECRET = 'JBSWY3DPEHPK3PXP';

const totp = (overrides: Partial<OtpAccount> = {}): OtpAccount => ({
  type: 'totp',
  issuer: '',
  label: '',
  secret: SECRET,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...overrides,
});

describe('parseOtpauthUri accepts', () => {
  const cases: [string, string, OtpAccount][] = [
    [
      'the canonical form',
      `otpauth://totp/ACME:alice@example.com?secret=${SECRET}&issuer=ACME&algorithm=SHA256&digits=8&period=60`,
      totp({
        issuer: 'ACME',
        label: 'alice@example.com',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
      }),
    ],
    [
      'defaults when only the secret is given',
      `otpauth://totp/alice?secret=${SECRET}`,
      totp({ label: 'alice' }),
    ],
    ['a lower-case secret', 'otpauth://totp/a?secret=jbswy3dpehpk3pxp', totp({ label: 'a' })],
    [
      'a padded secret',
      'otpauth://totp/a?secret=JBSWY3DPEHPK3PXPGEZA%3D%3D%3D%3D',
      totp({ label: 'a', secret: 'JBSWY3DPEHPK3PXPGEZA' }),
    ],
    [
      'a secret with spaces',
      'otpauth://totp/a?secret=JBSW%20Y3DP%20EHPK%203PXP',
      totp({ label: 'a' }),
    ],
    [
      'a secret with + as spaces and dashes',
      'otpauth://totp/a?secret=jbsw+y3dp-ehpk-3pxp',
      totp({ label: 'a' }),
    ],
    ['a missing label', `otpauth://totp?secret=${SECRET}`, totp()],
    ['an empty label', `otpauth://totp/?secret=${SECRET}`, totp()],
    [
      'a label without issuer prefix',
      `otpauth://totp/alice?secret=${SECRET}&issuer=ACME`,
      totp({ issuer: 'ACME', label: 'alice' }),
    ],
    [
      'the label prefix as issuer when no parameter',
      `otpauth://totp/ACME:alice?secret=${SECRET}`,
      totp({ issuer: 'ACME', label: 'alice' }),
    ],
    [
      '%3A as the issuer separator and %20 for spaces',
      `otpauth://totp/Big%20Corp%3A%20alice?secret=${SECRET}`,
      totp({ issuer: 'Big Corp', label: 'alice' }),
    ],
    [
      'spaces after the separator',
      `otpauth://totp/ACME:   alice?secret=${SECRET}&issuer=ACME`,
      totp({ issuer: 'ACME', label: 'alice' }),
    ],
    [
      'an issuer prefix differing only in case and spacing',
      `otpauth://totp/big%20%20corp:alice?secret=${SECRET}&issuer=Big+Corp`,
      totp({ issuer: 'Big Corp', label: 'alice' }),
    ],
    [
      '+ kept literally in the label',
      `otpauth://totp/alice+work@example.com?secret=${SECRET}`,
      totp({ label: 'alice+work@example.com' }),
    ],
    ['an issuer-only label', `otpauth://totp/ACME:?secret=${SECRET}`, totp({ issuer: 'ACME' })],
    [
      'an empty issuer parameter as absent',
      `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=`,
      totp({ issuer: 'ACME', label: 'alice' }),
    ],
    [
      'an issuer containing a colon',
      `otpauth://totp/Foo%3ABar:alice?secret=${SECRET}&issuer=Foo%3ABar`,
      totp({ issuer: 'Foo:Bar', label: 'alice' }),
    ],
    [
      'an empty prefix as "no issuer"',
      `otpauth://totp/:a%3Ab?secret=${SECRET}`,
      totp({ label: 'a:b' }),
    ],
    [
      'a raw slash and non-ASCII in the label',
      `otpauth://totp/Bäcker/Süd:jörg?secret=${SECRET}`,
      totp({ issuer: 'Bäcker/Süd', label: 'jörg' }),
    ],
    [
      'parameter names in any case',
      `otpauth://totp/a?Secret=${SECRET}&ISSUER=X&Digits=7&PERIOD=45&AlGoRiThM=sha512`,
      totp({ issuer: 'X', label: 'a', digits: 7, period: 45, algorithm: 'SHA512' }),
    ],
    [
      'upper-case scheme and type, surrounding whitespace',
      `  OTPAUTH://TOTP/a?secret=${SECRET}\n`,
      totp({ label: 'a' }),
    ],
    [
      'SHA-256 with a hyphen',
      `otpauth://totp/a?secret=${SECRET}&algorithm=sha-256`,
      totp({ label: 'a', algorithm: 'SHA256' }),
    ],
    [
      'unknown parameters, a fragment and an identical repeat',
      `otpauth://totp/a?secret=${SECRET}&image=https%3A%2F%2Fx&color=red&&secret=${SECRET}#frag`,
      totp({ label: 'a' }),
    ],
    [
      'a counter on a TOTP URI, ignored',
      `otpauth://totp/a?secret=${SECRET}&counter=banana`,
      totp({ label: 'a' }),
    ],
    [
      'digits 10 and period 86400',
      `otpauth://totp/a?secret=${SECRET}&digits=10&period=86400`,
      totp({ label: 'a', digits: 10, period: 86_400 }),
    ],
    [
      'HOTP with its counter',
      `otpauth://hotp/a?secret=${SECRET}&counter=42`,
      totp({ type: 'hotp', label: 'a', counter: 42 }),
    ],
    [
      'HOTP with the largest safe counter',
      `otpauth://hotp/a?secret=${SECRET}&counter=9007199254740991`,
      totp({ type: 'hotp', label: 'a', counter: Number.MAX_SAFE_INTEGER }),
    ],
    [
      'Steam as its own type',
      `otpauth://steam/Steam:gaben?secret=${SECRET}&issuer=Steam`,
      totp({ type: 'steam', issuer: 'Steam', label: 'gaben', digits: 5 }),
    ],
    [
      'Steam as totp with encoder=steam and explicit values',
      `otpauth://totp/Steam:gaben?secret=${SECRET}&encoder=Steam&digits=5&period=30&algorithm=SHA1`,
      totp({ type: 'steam', issuer: 'Steam', label: 'gaben', digits: 5 }),
    ],
    [
      'an empty encoder as absent',
      `otpauth://totp/a?secret=${SECRET}&encoder=`,
      totp({ label: 'a' }),
    ],
  ];

  it.each(cases)('%s', (_title, uri, expected) => {
    expect(parseOtpauthUri(uri)).toEqual(expected);
  });
});

describe('parseOtpauthUri rejects', () => {
  const cases: [OtpUriErrorCode, string, string][] = [
    ['OTP_URI_MALFORMED', 'not a URI', 'plain text'],
    ['OTP_URI_MALFORMED', 'another scheme', `https://totp/a?secret=${SECRET}`],
    ['OTP_URI_MALFORMED', 'no type', `otpauth:///a?secret=${SECRET}`],
    ['OTP_URI_MALFORMED', 'a single slash', `otpauth:/totp/a?secret=${SECRET}`],
    [
      'OTP_URI_MALFORMED',
      'broken percent-encoding in the label',
      `otpauth://totp/a%E0%A4?secret=${SECRET}`,
    ],
    [
      'OTP_URI_MALFORMED',
      'broken percent-encoding in a value',
      `otpauth://totp/a?secret=${SECRET}&issuer=%ZZ`,
    ],
    [
      'OTP_URI_MALFORMED',
      'conflicting repeated secrets',
      `otpauth://totp/a?secret=${SECRET}&Secret=GEZDGNBVGY3TQOJQ`,
    ],
    ['OTP_URI_TYPE', 'an unknown type', `otpauth://motp/a?secret=${SECRET}`],
    ['OTP_URI_TYPE', 'an unknown encoder', `otpauth://totp/a?secret=${SECRET}&encoder=yandex`],
    [
      'OTP_URI_TYPE',
      'a Steam encoder on HOTP',
      `otpauth://hotp/a?secret=${SECRET}&counter=1&encoder=steam`,
    ],
    ['OTP_SECRET_MISSING', 'no secret', 'otpauth://totp/a?issuer=X'],
    ['OTP_SECRET_MISSING', 'an empty secret', 'otpauth://totp/a?secret=&issuer=X'],
    ['OTP_SECRET_MISSING', 'a blank secret', 'otpauth://totp/a?secret=%20-%20'],
    ['OTP_SECRET_INVALID', 'non-base32 characters', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PX1'],
    ['OTP_SECRET_INVALID', 'a secret under 10 bytes', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PX'],
    ['OTP_SECRET_INVALID', 'padding in the middle', 'otpauth://totp/a?secret=JBSWY3DP%3DEHPK3PXP'],
    ['OTP_ALGORITHM', 'an unknown algorithm', `otpauth://totp/a?secret=${SECRET}&algorithm=MD5`],
    ['OTP_ALGORITHM', 'an empty algorithm', `otpauth://totp/a?secret=${SECRET}&algorithm=`],
    ['OTP_ALGORITHM', 'Steam with SHA256', `otpauth://steam/a?secret=${SECRET}&algorithm=SHA256`],
    ['OTP_DIGITS', 'five digits on TOTP', `otpauth://totp/a?secret=${SECRET}&digits=5`],
    ['OTP_DIGITS', 'eleven digits', `otpauth://totp/a?secret=${SECRET}&digits=11`],
    ['OTP_DIGITS', 'fractional digits', `otpauth://totp/a?secret=${SECRET}&digits=6.5`],
    ['OTP_DIGITS', 'non-numeric digits', `otpauth://totp/a?secret=${SECRET}&digits=six`],
    [
      'OTP_DIGITS',
      'Steam with six digits',
      `otpauth://totp/a?secret=${SECRET}&encoder=steam&digits=6`,
    ],
    ['OTP_PERIOD', 'a zero period', `otpauth://totp/a?secret=${SECRET}&period=0`],
    ['OTP_PERIOD', 'a negative period', `otpauth://totp/a?secret=${SECRET}&period=-30`],
    ['OTP_PERIOD', 'a fractional period', `otpauth://totp/a?secret=${SECRET}&period=30.5`],
    ['OTP_PERIOD', 'a period over a day', `otpauth://totp/a?secret=${SECRET}&period=86401`],
    ['OTP_PERIOD', 'Steam with 60 s', `otpauth://steam/a?secret=${SECRET}&period=60`],
    ['OTP_COUNTER', 'HOTP without counter', `otpauth://hotp/a?secret=${SECRET}`],
    ['OTP_COUNTER', 'a negative counter', `otpauth://hotp/a?secret=${SECRET}&counter=-1`],
    ['OTP_COUNTER', 'a fractional counter', `otpauth://hotp/a?secret=${SECRET}&counter=1.5`],
    [
      'OTP_COUNTER',
      'a counter past 2^53 - 1',
      `otpauth://hotp/a?secret=${SECRET}&counter=9007199254740992`,
    ],
    [
      'OTP_ISSUER_MISMATCH',
      'a label prefix naming another issuer',
      `otpauth://totp/Evil:alice?secret=${SECRET}&issuer=ACME`,
    ],
    [
      'OTP_LABEL_INVALID',
      'a control character in the label',
      `otpauth://totp/ali%0Ace?secret=${SECRET}`,
    ],
    [
      'OTP_LABEL_INVALID',
      'a control character in the issuer',
      `otpauth://totp/a?secret=${SECRET}&issuer=A%07B`,
    ],
  ];

  it.each(cases)('%s for %s', (code, _title, uri) => {
    expect(() => parseOtpauthUri(uri)).toThrow(OtpUriError);
    expect(() => parseOtpauthUri(uri)).toThrow(expect.objectContaining({ code }));
  });
});

describe('formatOtpauthUri', () => {
  it('writes issuer prefix, issuer parameter and explicit TOTP parameters', () => {
    const uri = formatOtpauthUri(totp({ issuer: 'Big Corp', label: 'a+b@x.org', digits: 8 }));
    expect(uri).toBe(
      `otpauth://totp/Big%20Corp:a%2Bb%40x.org?secret=${SECRET}&issuer=Big%20Corp&algorithm=SHA1&digits=8&period=30`,
    );
  });

  it('writes Steam as its own type with only secret and issuer', () => {
    const steam = totp({ type: 'steam', issuer: 'Steam', label: 'gaben', digits: 5 });
    expect(formatOtpauthUri(steam)).toBe(
      `otpauth://steam/Steam:gaben?secret=${SECRET}&issuer=Steam`,
    );
  });

  it('writes HOTP with its counter and no default period', () => {
    const hotp = totp({ type: 'hotp', counter: 7 });
    expect(formatOtpauthUri(hotp)).toBe(
      `otpauth://hotp/?secret=${SECRET}&algorithm=SHA1&digits=6&counter=7`,
    );
  });

  it('refuses an invalid account', () => {
    expect(() => formatOtpauthUri(totp({ label: ' padded ' }))).toThrow(
      expect.objectContaining({ code: 'OTP_LABEL_INVALID' }),
    );
  });
});
