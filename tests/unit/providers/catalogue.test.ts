import { describe, expect, it } from 'vitest';
import { CATALOGUES, CLIENT_CODES, describeCode } from '../../../src/providers/catalogue';
import { ProviderError } from '../../../src/providers/errors';
import type { ProviderFamily } from '../../../src/providers/profile';

// Every code the specs name, copied by hand from the documents listed per family.
const SPEC_CODES: Record<ProviderFamily, { source: string; codes: string[] }> = {
  slaunchx: {
    source: 'providers.md §1.1–§1.6, secure-channel-v2.md §6, seed 000 and 002',
    codes: [
      '2000',
      '4000',
      '4010',
      'PORTAL_MISMATCH',
      'GATEWAY.CF_HEADERS_MISSING',
      'RATE_LIMITED',
      'AUTH.INVALID_CREDENTIALS',
      'AUTH.MFA_CODE_INVALID',
      'AUTH.MFA_METHOD_NOT_ENABLED',
      'AUTH.LOGIN_SESSION_EXPIRED',
      'AUTH.LOGIN_SESSION_LOCKED',
      'ACCOUNT_PENDING_APPROVAL',
      'AUTH.CLIENT_MISMATCH',
      'AUTH.TOKEN_INVALID',
      'AUTH.TOKEN_EXPIRED',
      'AUTH.REFRESH_TOKEN_REUSED',
      'AUTH.PASSWORD_POLICY',
      'SC.VERSION_UNSUPPORTED',
      'SC.SESSION_NOT_FOUND',
      'SC.SESSION_EXPIRED',
      'SC.CLIENT_HASH_MISMATCH',
      'SC.ENVELOPE_MALFORMED',
      'SC.ENVELOPE_EXPIRED',
      'SC.REPLAY',
      'SC.DECRYPT_FAILED',
      'SC.KEY_EXPIRED',
      'SC.KEY_UNWRAP_FAILED',
      'SC.KEY_CONFIRMATION_FAILED',
    ],
  },
  idaas: {
    source: "seed 001's error table and providers.md §2's additions",
    codes: [
      'IDAAS.SDK.PARAM.0001',
      'IDAAS.SDK.PARAM.0002',
      'IDAAS.SDK.PARAM.0003',
      'IDAAS.SDK.PARAM.0009',
      'IDAAS.SDK.USER.0004',
      'IDAAS.SDK.CAPTCHA.0007',
      'IDAAS.SDK.USER.0001',
      'IDAAS.SDK.USER.0039',
      'IDAAS.SDK.COM.0002',
      'IDAAS.SDK.PARAM.0000',
      'IDAAS.SDK.PARAM.0004',
      'IDAAS.SDK.PARAM.0005',
      'IDAAS.SDK.CAPTCHA.0001',
      'IDAAS.SDK.CAPTCHA.0002',
      'IDAAS.SDK.TOKEN.0001',
    ],
  },
  koodrive: {
    source: 'providers.md §3 and seed 003',
    codes: ['0', '10001', '10002', '10003', '10004', '10005'],
  },
  cloudbase: {
    source: 'seed 004 and providers.md §4',
    codes: [
      'invalid_argument',
      'invalid_username_or_password',
      'captcha_required',
      'password_not_set',
      'invalid_status',
      'invalid_verification_code',
      'user_not_found',
      'invalid_grant',
      'unimplemented',
    ],
  },
};

const CLIENT_SIDE = ['NETWORK', 'TIMEOUT', 'RESPONSE_INVALID', 'INSECURE_URL'];

describe('provider error catalogue', () => {
  for (const [family, { source, codes }] of Object.entries(SPEC_CODES) as [
    ProviderFamily,
    { source: string; codes: string[] },
  ][]) {
    it(`explains every ${family} code named in ${source}`, () => {
      const missing = codes.filter((code) => !Object.hasOwn(CATALOGUES[family], code));
      expect(missing).toEqual([]);
      for (const code of codes) expect(describeCode(family, code)).not.toMatch(/^Undocumented/);
    });
  }

  it('explains every client-side code for every family', () => {
    for (const code of CLIENT_SIDE) {
      expect(Object.hasOwn(CLIENT_CODES, code)).toBe(true);
      expect(describeCode('koodrive', code)).toBe(CLIENT_CODES[code]);
    }
  });

  it('keeps the seed wording where the seed gives one', () => {
    expect(describeCode('slaunchx', 'AUTH.MFA_CODE_INVALID')).toBe(
      'The verification code is incorrect.',
    );
    expect(describeCode('idaas', 'IDAAS.SDK.USER.0039')).toMatch(/^User is disabled/);
  });

  it('names an undocumented code instead of inventing a meaning', () => {
    expect(describeCode('cloudbase', 'teapot')).toBe('Undocumented cloudbase error code teapot.');
    // A server code that happens to be an Object.prototype member is still undocumented.
    expect(describeCode('slaunchx', 'constructor')).toMatch(/^Undocumented/);
  });

  it('gives ProviderError the catalogue meaning and keeps the provider message', () => {
    const error = new ProviderError({
      code: 'AUTH.MFA_CODE_INVALID',
      provider: 'slaunchx',
      message: '验证码不正确',
      httpStatus: 401,
    });
    expect(error.toInfo()).toEqual({
      code: 'AUTH.MFA_CODE_INVALID',
      provider: 'slaunchx',
      message: '验证码不正确',
      meaning: 'The verification code is incorrect.',
      httpStatus: 401,
    });
  });
});
