import { describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src/messaging/signin-protocol';
import { ActionError } from '../../../src/messaging/router';
import {
  isLoopbackHost,
  toAdapterProfile,
  validateProfile,
} from '../../../src/worker/signin/profile-rules';

const base: ProfileInput = {
  name: 'Acme',
  family: 'cloudbase',
  baseUrl: 'https://auth.acme.example',
  environment: 'production',
  identifier: 'me',
};

function codeOf(input: ProfileInput): string | null {
  try {
    validateProfile(input);
    return null;
  } catch (error) {
    if (error instanceof ActionError) return error.code;
    throw error;
  }
}

describe('profile validation', () => {
  it.each<[string, Partial<ProfileInput>, string | null]>([
    ['https production', {}, null],
    ['https with a path prefix', { baseUrl: 'https://acme.example/api/' }, null],
    ['not a URL', { baseUrl: 'acme dot example' }, 'PROFILE_INVALID_URL'],
    ['another scheme', { baseUrl: 'ftp://acme.example' }, 'PROFILE_INVALID_URL'],
    ['credentials in the URL', { baseUrl: 'https://me:pw@acme.example' }, 'PROFILE_INVALID_URL'],
    ['a query', { baseUrl: 'https://acme.example/?x=1' }, 'PROFILE_INVALID_URL'],
    ['http production', { baseUrl: 'http://acme.example' }, 'INSECURE_URL'],
    ['loopback http production', { baseUrl: 'http://127.0.0.1:8787' }, 'INSECURE_URL'],
    ['loopback http test', { baseUrl: 'http://127.0.0.1:8787', environment: 'test' }, null],
    ['localhost http test', { baseUrl: 'http://localhost:8787', environment: 'test' }, null],
    ['[::1] http test', { baseUrl: 'http://[::1]:8787', environment: 'test' }, null],
    ['LAN http test', { baseUrl: 'http://192.168.1.20', environment: 'test' }, 'INSECURE_URL'],
    ['a blank name', { name: '   ' }, 'PROFILE_INCOMPLETE'],
    ['a mailbox on production', { mailboxUrl: 'http://127.0.0.1:8025' }, 'PROFILE_INVALID_URL'],
    [
      'a mailbox on test',
      { environment: 'test', mailboxUrl: 'http://127.0.0.1:8025', baseUrl: 'http://127.0.0.1' },
      null,
    ],
    ['SlaunchX without a portal', { family: 'slaunchx', accessCode: 'x' }, 'PROFILE_INCOMPLETE'],
    [
      'SlaunchX without an access code',
      { family: 'slaunchx', portal: 'system', accessCode: ' ' },
      'PROFILE_INCOMPLETE',
    ],
    ['SlaunchX complete', { family: 'slaunchx', portal: 'system', accessCode: 'demo' }, null],
    ['IDaaS without a client id', { family: 'idaas' }, 'PROFILE_INCOMPLETE'],
    ['IDaaS complete', { family: 'idaas', clientId: 'abc' }, null],
    ['Koodrive without an agent name', { family: 'koodrive', agentName: '' }, 'PROFILE_INCOMPLETE'],
    ['Koodrive complete', { family: 'koodrive', agentName: 'agent' }, null],
  ])('%s', (_what, change, expected) => {
    expect(codeOf({ ...base, ...change })).toBe(expected);
  });

  it('normalises: trimmed fields, no trailing slash, fields of other families dropped', () => {
    const fields = validateProfile({
      ...base,
      name: '  Acme  ',
      identifier: ' me@acme.example ',
      baseUrl: ' https://acme.example/api/// ',
      portal: 'system',
      accessCode: 'leftover',
      clientId: 'leftover',
      otpAccountId: null,
    });
    expect(fields).toEqual({
      name: 'Acme',
      family: 'cloudbase',
      baseUrl: 'https://acme.example/api',
      environment: 'production',
      identifier: 'me@acme.example',
    });
  });

  it('recognises loopback hosts only', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.1.evil.example', '10.0.0.1', 'localhost.example'].some(isLoopbackHost)).toBe(
      false,
    );
  });
});

describe('the adapters’ profile', () => {
  const record = { id: 'p1', hasPassword: false } as const;

  it('carries the client hash and the family fields', () => {
    const sx = toAdapterProfile(
      {
        ...record,
        ...validateProfile({ ...base, family: 'slaunchx', portal: 'consumer', accessCode: 'c' }),
        acceptLanguage: 'ja',
      },
      'a'.repeat(32),
    );
    expect(sx).toEqual({
      family: 'slaunchx',
      baseUrl: 'https://auth.acme.example',
      environment: 'production',
      clientHash: 'a'.repeat(32),
      portal: 'consumer',
      accessCode: 'c',
      acceptLanguage: 'ja',
    });
    const idaas = toAdapterProfile(
      { ...record, ...validateProfile({ ...base, family: 'idaas', clientId: 'cid' }) },
      'h'.repeat(32),
    );
    expect(idaas).toMatchObject({ family: 'idaas', clientId: 'cid', clientHash: 'h'.repeat(32) });
    const kd = toAdapterProfile(
      { ...record, ...validateProfile({ ...base, family: 'koodrive', agentName: 'ag' }) },
      'h'.repeat(32),
    );
    expect(kd).toMatchObject({ family: 'koodrive', agentName: 'ag' });
  });
});
