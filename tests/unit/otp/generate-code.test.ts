import { createHmac } from 'node:crypto';
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import vectors from '../../data/otp-rfc-vectors.json';
import { codeWindow, generateCode, OtpUriError, type OtpAccount } from '../../../src/otp/index';

function account(overrides: Partial<OtpAccount>): OtpAccount {
  return {
    type: 'totp',
    issuer: '',
    label: '',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...overrides,
  };
}

const base32OfAscii = (ascii: string): string => Secret.fromLatin1(ascii).base32;

describe('HOTP (RFC 4226 Appendix D)', () => {
  const { secretAscii, digits, vectors: rows } = vectors.hotp;
  it.each(rows)('counter $counter gives $code', ({ counter, code }) => {
    const hotp = account({ type: 'hotp', secret: base32OfAscii(secretAscii), digits, counter });
    expect(generateCode(hotp, 0)).toBe(code);
  });

  it('ignores the time for HOTP', () => {
    const hotp = account({ type: 'hotp', secret: base32OfAscii(secretAscii), counter: 3 });
    expect(generateCode(hotp, 1_700_000_000_000)).toBe('969429');
  });
});

describe('TOTP (RFC 6238 Appendix B)', () => {
  const { seedsAscii, period, digits, vectors: rows } = vectors.totp;
  it.each(rows)('$algorithm at $unixSeconds s gives $code', ({ unixSeconds, algorithm, code }) => {
    const seed = seedsAscii[algorithm as keyof typeof seedsAscii];
    const totp = account({
      secret: base32OfAscii(seed),
      algorithm: algorithm as OtpAccount['algorithm'],
      digits,
      period,
    });
    expect(generateCode(totp, unixSeconds * 1000)).toBe(code);
  });

  it('changes code exactly at the step boundary', () => {
    const totp = account({ digits: 8, secret: base32OfAscii(seedsAscii.SHA1) });
    // 1111111109 and 1111111111 straddle the boundary at 1111111110 (RFC 6238 Appendix B).
    expect(generateCode(totp, 1_111_111_109_999)).toBe('07081804');
    expect(generateCode(totp, 1_111_111_110_000)).toBe('14050471');
  });

  it('gives 10-digit codes zero-padded from the 31-bit truncation', () => {
    const totp = account({ digits: 10, secret: base32OfAscii(seedsAscii.SHA1) });
    expect(generateCode(totp, 59_000)).toMatch(/^[0-2][0-9]{9}$/);
    expect(generateCode(totp, 59_000).endsWith('94287082')).toBe(true);
  });
});

/** Steam Guard derived here from node:crypto, independently of the module under test. */
function steamReference(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = (digest[19] ?? 0) & 0x0f;
  let value = digest.readUInt32BE(offset) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += '23456789BCDFGHJKMNPQRTVWXY'.charAt(value % 26);
    value = Math.floor(value / 26);
  }
  return code;
}

describe('Steam Guard', () => {
  const steam = (secret: string): OtpAccount =>
    account({ type: 'steam', secret, digits: 5, period: 30 });

  it.each(vectors.steam.vectors)('known answer for counter $counter is $code', (row) => {
    const key = Buffer.from(vectors.steam.secretHex, 'hex');
    expect(steamReference(key, row.counter)).toBe(row.code);
    expect(generateCode(steam(base32OfAscii(key.toString('latin1'))), row.counter * 30_000)).toBe(
      row.code,
    );
  });

  it.each([0, 29_999, 59_000, 1_111_111_111_000, 1_700_000_000_123, 20_000_000_000_000])(
    'matches an HMAC-SHA1 reference derivation at %d ms',
    (atMs) => {
      const key = Buffer.from('48656c6c6f21deadbeef', 'hex'); // JBSWY3DPEHPK3PXP
      const expected = steamReference(key, Math.floor(atMs / 30_000));
      expect(generateCode(steam('JBSWY3DPEHPK3PXP'), atMs)).toBe(expected);
    },
  );

  it('uses only the Steam alphabet and five characters', () => {
    const code = generateCode(steam('JBSWY3DPEHPK3PXP'), 1_700_000_000_000);
    expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });
});

describe('generateCode refusals', () => {
  it('throws OtpUriError for an invalid account', () => {
    expect(() => generateCode(account({ digits: 4 }), 0)).toThrow(OtpUriError);
    expect(() => generateCode(account({ secret: 'jbswy3dpehpk3pxp' }), 0)).toThrow(
      expect.objectContaining({ code: 'OTP_SECRET_INVALID' }),
    );
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError at time %d', (atMs) => {
    expect(() => generateCode(account({}), atMs)).toThrow(RangeError);
  });
});

describe('codeWindow', () => {
  it('returns the step containing the time, end exclusive', () => {
    expect(codeWindow(account({ period: 30 }), 59_999)).toEqual({
      validFrom: 30_000,
      validUntil: 60_000,
    });
    expect(codeWindow(account({ period: 30 }), 60_000)).toEqual({
      validFrom: 60_000,
      validUntil: 90_000,
    });
  });

  it('honours long and one-second periods', () => {
    expect(codeWindow(account({ period: 86_400 }), 90_000_000)).toEqual({
      validFrom: 86_400_000,
      validUntil: 172_800_000,
    });
    expect(codeWindow(account({ period: 1 }), 1_234)).toEqual({
      validFrom: 1_000,
      validUntil: 2_000,
    });
  });

  it('uses 30 s for Steam and null for HOTP', () => {
    const steam = account({ type: 'steam', digits: 5 });
    expect(codeWindow(steam, 45_000)).toEqual({ validFrom: 30_000, validUntil: 60_000 });
    expect(codeWindow(account({ type: 'hotp', counter: 4 }), 45_000)).toBeNull();
  });

  it('keeps every time inside its window', () => {
    for (const atMs of [0, 1, 29_999, 30_000, 1_700_000_000_000, 1_700_000_017_999]) {
      const window = codeWindow(account({ period: 7 }), atMs);
      expect(window).not.toBeNull();
      if (window === null) continue;
      expect(window.validFrom).toBeLessThanOrEqual(atMs);
      expect(window.validUntil).toBeGreaterThan(atMs);
      expect(window.validUntil - window.validFrom).toBe(7_000);
    }
  });

  it('refuses a period out of range', () => {
    expect(() => codeWindow(account({ period: 0 }), 0)).toThrow(
      expect.objectContaining({ code: 'OTP_PERIOD' }),
    );
  });
});
