import { describe, expect, it } from 'vitest';
import type { Tokens } from '../../../src/providers/flow';
import type { Profile } from '../../../src/providers/profile';
import {
  authorizationHeader,
  sessionCurl,
  sessionJson,
} from '../../../src/worker/inspector/session-export';
import { countingBytes } from './helpers';

const tokens: Tokens = {
  family: 'slaunchx',
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln',
  refreshToken: 'rt-0123456789',
  tokenType: 'Bearer',
  expiresAt: Date.UTC(2026, 10, 22, 12, 30, 0),
  account: { id: 'acc-1', email: 'admin@slaunchx.test', login: 'admin@slaunchx.test' },
  obtainedAt: Date.UTC(2026, 10, 22, 12, 0, 0),
};

const slaunchx: Profile = {
  family: 'slaunchx',
  baseUrl: 'http://127.0.0.1:8787/',
  environment: 'test',
  clientHash: '00112233445566778899aabbccddeeff',
  portal: 'consumer',
  accessCode: 'demo-consumer-portal',
};

describe('a session as an Authorization header', () => {
  it('is `Bearer <token>` for bearer tokens, whatever case the provider wrote the type in', () => {
    expect(authorizationHeader(tokens)).toBe(`Authorization: Bearer ${tokens.accessToken}`);
    expect(authorizationHeader({ tokenType: 'bearer', accessToken: 'abc' })).toBe(
      'Authorization: Bearer abc',
    );
  });

  it('presents a Koodrive token, which carries its own `AT ` label, as is', () => {
    const token = 'AT 3b911d723003f70a1265124148fdfe486c108b64bf8d0de3';
    expect(authorizationHeader({ tokenType: 'AT', accessToken: token })).toBe(
      `Authorization: ${token}`,
    );
  });

  it('puts any other type in front of a token that lacks it', () => {
    expect(authorizationHeader({ tokenType: 'MAC', accessToken: 'xyz' })).toBe(
      'Authorization: MAC xyz',
    );
  });
});

describe('a session as JSON', () => {
  it('holds the token type, the tokens, the expiry in ISO and the account', () => {
    expect(JSON.parse(sessionJson(tokens))).toEqual({
      tokenType: 'Bearer',
      accessToken: tokens.accessToken,
      refreshToken: 'rt-0123456789',
      expiresAt: '2026-11-22T12:30:00.000Z',
      account: { id: 'acc-1', email: 'admin@slaunchx.test', login: 'admin@slaunchx.test' },
    });
  });

  it('leaves out the tokens a session does not have and keeps an id token', () => {
    const idaas: Tokens = { ...tokens, family: 'idaas', idToken: 'id.jwt.x' };
    delete idaas.refreshToken;
    const parsed = JSON.parse(sessionJson(idaas)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'tokenType',
      'accessToken',
      'idToken',
      'expiresAt',
      'account',
    ]);
  });
});

describe('a session as curl', () => {
  it('calls SlaunchX GET P/profile with the gateway headers of a test profile', () => {
    expect(sessionCurl(slaunchx, tokens, countingBytes)).toBe(
      [
        '# SlaunchX GET /web/v1/consumer/profile (providers.md §1.4): whose token this is.',
        "curl 'http://127.0.0.1:8787/web/v1/consumer/profile' \\",
        `  -H 'Authorization: Bearer ${tokens.accessToken}' \\`,
        "  -H 'X-PORTAL-ACCESS-CODE: demo-consumer-portal' \\",
        "  -H 'X-Client-Hash: 00112233445566778899aabbccddeeff' \\",
        "  -H 'Accept-Language: en' \\",
        "  -H 'Accept: application/json' \\",
        "  -H 'CF-Connecting-IP: 127.0.0.1' \\",
        "  -H 'Cf-Ray: 0001020304050607-DEV' \\",
        "  -H 'cf-ipcountry: XX'",
      ].join('\n'),
    );
  });

  it('leaves the Cloudflare headers out for a production gateway', () => {
    const text = sessionCurl({ ...slaunchx, environment: 'production' }, tokens, countingBytes);
    expect(text).not.toContain('Cf-Ray');
    expect(text).toContain("-H 'X-PORTAL-ACCESS-CODE: demo-consumer-portal'");
  });

  it('gives the other families an example call with the header', () => {
    const cloudbase: Profile = {
      family: 'cloudbase',
      baseUrl: 'https://auth.example/v1',
      environment: 'production',
      clientHash: 'h',
    };
    expect(sessionCurl(cloudbase, { tokenType: 'Bearer', accessToken: "it's" }, countingBytes))
      .toBe(`# cloudbase has no profile call: replace the URL with the API this token is for.
curl 'https://auth.example/v1/' \\
  -H 'Authorization: Bearer it'\\''s'`);
  });
});
