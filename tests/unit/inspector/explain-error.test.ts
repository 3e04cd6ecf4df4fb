/** explainError reads the one catalogue (src/providers/catalogue.ts); stepError finds the code. */
import { describe, expect, it } from 'vitest';
import { explainError, stepError } from '../../../src/inspector/explain-error';
import { normalizeEntry } from '../../../src/inspector/har';
import { loadEntries } from './helpers';

describe('explainError', () => {
  it("splits seed 001's message and action for IDaaS codes", () => {
    expect(explainError('idaas', 'IDAAS.SDK.USER.0039')).toEqual({
      family: 'idaas',
      code: 'IDAAS.SDK.USER.0039',
      documented: true,
      meaning: 'User is disabled.',
      action: 'Please contact the administrator.',
    });
    expect(explainError('idaas', 'IDAAS.SDK.COM.0002')).toMatchObject({
      meaning: 'System busy, please try again later.',
      action: 'Please retry the call.',
    });
  });

  it('explains CloudBase, SlaunchX and SC codes', () => {
    expect(explainError('cloudbase', 'captcha_required')).toMatchObject({
      documented: true,
      meaning: 'Too many login attempts: a captcha is required.',
      action: null,
    });
    expect(explainError('slaunchx', 'AUTH.LOGIN_SESSION_EXPIRED')).toMatchObject({
      meaning: 'The login session has expired or is unknown.',
      action: 'Sign in again.',
    });
    expect(explainError('slaunchx', 'SC.REPLAY')).toMatchObject({
      documented: true,
      meaning: 'The encrypted envelope was replayed.',
    });
  });

  it("accepts Koodrive's numeric codes as their strings", () => {
    expect(explainError('koodrive', 10005)).toEqual(explainError('koodrive', '10005'));
    expect(explainError('koodrive', 10005)).toMatchObject({
      code: '10005',
      documented: true,
      meaning: 'Account locked after too many failures; try again in 15 minutes.',
    });
  });

  it('finds the family when none is given, and says when no catalogue lists a code', () => {
    expect(explainError(undefined, 'invalid_grant')).toMatchObject({
      family: 'cloudbase',
      documented: true,
    });
    expect(explainError('slaunchx', 'AUTH.NEW_THING')).toEqual({
      family: 'slaunchx',
      code: 'AUTH.NEW_THING',
      documented: false,
      meaning: 'The slaunchx documentation documents code AUTH.NEW_THING.',
      action: null,
    });
    expect(explainError('nope', 'toString')).toEqual({
      family: null,
      code: 'toString',
      documented: false,
      meaning: 'No provider documents code toString.',
      action: null,
    });
    expect(explainError('idaas', { code: 1 })).toMatchObject({ code: '', documented: false });
  });
});

describe('stepError', () => {
  const entry = (name: string, i: number) => normalizeEntry(loadEntries(name)[i]).entry;

  it('reads each family’s error shape, Koodrive’s numeric code included', () => {
    expect(stepError(entry('idaas-email-code.har', 4), 'idaas')).toMatchObject({
      code: 'IDAAS.SDK.CAPTCHA.0007',
      message: 'Incorrect verification code',
      source: 'body',
    });
    expect(stepError(entry('koodrive-numeric-code.har', 0), 'koodrive')).toMatchObject({
      code: '10001',
      message: 'Wrong account or password',
      source: 'body',
    });
    expect(stepError(entry('koodrive-numeric-code.har', 1), 'koodrive')).toBeNull();
    expect(stepError(entry('cloudbase-captcha-required.har', 3), 'cloudbase')).toMatchObject({
      code: 'captcha_required',
      explanation: { documented: true },
    });
  });

  it('reads SlaunchX refusals from the plaintext wrapper, a sealed 429 from its status', () => {
    expect(stepError(entry('slaunchx-missing-headers.har', 1), 'slaunchx')).toMatchObject({
      code: 'GATEWAY.CF_HEADERS_MISSING',
      source: 'body',
    });
    expect(stepError(entry('slaunchx-rate-limited.har', 6), 'slaunchx')).toMatchObject({
      code: 'RATE_LIMITED',
      source: 'status',
      message: null,
    });
    expect(stepError(entry('slaunchx-rate-limited.har', 1), 'slaunchx')).toBeNull();
    expect(stepError(entry('slaunchx-system-otp.har', 3), 'slaunchx')).toBeNull();
  });

  it('falls back on X-SC-Error when the body says nothing', () => {
    const refused = normalizeEntry({
      request: {
        method: 'POST',
        url: 'http://h.test/web/v1/system/auth/login/initiate',
        headers: [],
      },
      response: {
        status: 401,
        headers: [{ name: 'X-SC-Error', value: 'SC.SESSION_EXPIRED' }],
        content: { mimeType: 'text/plain', size: 0 },
      },
    }).entry;
    expect(stepError(refused, 'slaunchx')).toMatchObject({
      code: 'SC.SESSION_EXPIRED',
      source: 'header',
      explanation: { meaning: 'The secure channel session has expired.' },
    });
  });
});
