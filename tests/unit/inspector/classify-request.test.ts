/** classifyRequest and findTokens over the HAR fixtures (providers.md §1–§4 paths, SCv2 §1). */
import { describe, expect, it } from 'vitest';
import { classifyRequest, findTokens } from '../../../src/inspector/classify-request';
import { API_JWT, MALFORMED_JWTS, OPAQUE_TOKEN } from '../../fixtures/har/build-edge';
import { T0 } from '../../fixtures/har/har-kit';
import { loadEntries } from './helpers';

const kinds = (name: string) =>
  loadEntries(name).map((entry) => {
    const c = classifyRequest(entry);
    return [c.kind, c.endpoint, c.step];
  });

describe('classifyRequest', () => {
  it('recognises every step of a SlaunchX flow by path, portal and SC endpoints included', () => {
    expect(kinds('slaunchx-system-otp.har')).toEqual([
      ['slaunchx', 'secure-channel/public-key', 'sc-public-key'],
      ['slaunchx', 'secure-channel/session', 'sc-open'],
      ['slaunchx', 'auth/login/initiate', 'initiate'],
      ['slaunchx', 'auth/login/complete', 'complete'],
      ['slaunchx', 'profile', 'profile'],
      ['slaunchx', 'secure-channel/session', 'sc-open'],
      ['slaunchx', 'auth/token/refresh', 'refresh'],
      ['slaunchx', 'auth/logout', 'logout'],
      ['slaunchx', 'secure-channel/session/close', 'sc-close'],
    ]);
  });

  it('tells SC-sealed endpoints from plaintext ones and reads the portal', () => {
    const [key, open, initiate, , profile] = loadEntries('slaunchx-system-otp.har').map((e) =>
      classifyRequest(e),
    );
    expect([key, open, initiate, profile].map((c) => c?.secureChannel)).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(initiate).toMatchObject({
      portal: 'system',
      origin: 'http://127.0.0.1:8787',
      path: '/web/v1/system/auth/login/initiate',
      method: 'POST',
      knownEndpoint: true,
      problems: [],
    });
    expect(profile).toMatchObject({ bearer: true, jwtCount: 1 });
  });

  it('recognises IDaaS, Koodrive and CloudBase endpoints', () => {
    expect(
      kinds('idaas-email-code.har').map(
        ([, endpoint, step]) => `${String(endpoint)}:${String(step)}`,
      ),
    ).toEqual([
      'captcha/graphic:captcha',
      'captcha/graphic/verify:captcha-verify',
      'send-email-verify-code:mfa-send',
      'send-email-verify-code:mfa-send',
      'login/email-verify-code:complete',
      'login/email-verify-code:complete',
      'token/id-token:refresh',
      'token/id-token:refresh',
    ]);
    expect(
      kinds('koodrive-numeric-code.har').map(([kind, , step]) => `${String(kind)}:${String(step)}`),
    ).toEqual([
      'koodrive:login',
      'koodrive:login',
      'koodrive:refresh',
      'koodrive:login',
      'koodrive:code-send',
    ]);
    expect(kinds('cloudbase-captcha-required.har').map(([, endpoint]) => endpoint)).toEqual([
      'signin',
      'signin',
      'signin',
      'signin',
      'captcha/data',
      'captcha/verify',
      'signin',
      'token',
    ]);
  });

  it('classifies other traffic by its bearer token or a JWT in the body', () => {
    expect(kinds('bearer-jwt-api.har')).toEqual([
      ['bearer', null, 'api'],
      ['bearer', null, 'api'],
      ['jwt', null, 'api'],
    ]);
    expect(classifyRequest(loadEntries('bearer-jwt-api.har')[2])).toMatchObject({
      bearer: false,
      jwtCount: 1,
      family: null,
    });
    expect(kinds('binary-body.har').map(([kind]) => kind)).toEqual(['bearer', 'bearer']);
  });

  it('keeps a family for an unlisted path under its prefix, but not for a lookalike /web/v1 path', () => {
    const call = (url: string) => ({
      startedDateTime: new Date(T0).toISOString(),
      request: { method: 'POST', url, headers: [] },
      response: { status: 404, headers: [], content: { mimeType: '', size: 0 } },
    });
    expect(classifyRequest(call('http://h.test/web/v1/system/auth/unknown'))).toMatchObject({
      kind: 'slaunchx',
      endpoint: 'auth/unknown',
      knownEndpoint: false,
      step: 'other',
    });
    expect(classifyRequest(call('http://h.test/web/v1/admin/auth/login/initiate'))).toMatchObject({
      kind: 'slaunchx',
      portal: 'admin',
      step: 'initiate',
    });
    expect(classifyRequest(call('http://h.test/web/v1/shop/items'))).toMatchObject({
      kind: 'unknown',
      endpoint: null,
    });
    expect(classifyRequest(call('http://h.test/auth/v1/signin/'))).toMatchObject({
      kind: 'cloudbase',
      endpoint: 'signin',
    });
  });

  it('shows garbage entries for what they are', () => {
    const results = loadEntries('garbage.har').map((e) => classifyRequest(e));
    expect(results.map((c) => c.kind)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'slaunchx',
      'unknown',
      'unknown',
    ]);
    expect(results[0]?.problems).toEqual(['entry is not an object']);
    expect(results[4]?.problems).toEqual([
      'startedDateTime missing',
      'request missing',
      'response missing',
    ]);
    expect(results[5]?.problems).toEqual([
      'startedDateTime missing',
      'request is not an object',
      'response is not an object',
    ]);
    expect(results[6]?.problems).toEqual([
      'startedDateTime missing',
      'request.method is not a string',
      'request.url is not a string',
      'request.headers is not a list',
      'response.status is not a number',
      'response.headers missing',
      'response.content is not an object',
    ]);
    expect(results[7]).toMatchObject({ method: 'POST', endpoint: 'auth/login/initiate' });
    expect(results[7]?.problems).toEqual([
      'request.headers holds an unreadable header',
      'request.headers holds an unreadable header',
      'startedDateTime is not a date',
    ]);
    expect(results[8]?.problems).toEqual([
      'startedDateTime missing',
      'request.url is not an absolute URL',
    ]);
    expect(results[9]).toMatchObject({ bearer: false });
    expect(results[9]?.problems).toContain('request.postData is not an object');
  });
});

describe('findTokens', () => {
  const now = T0;

  it('finds the bearer JWT and the JWT in a form body, decoded and masked', () => {
    const [bearerCall, , introspect] = loadEntries('bearer-jwt-api.har');
    const [bearer] = findTokens(bearerCall, now);
    expect(bearer).toMatchObject({
      where: 'request.header Authorization',
      scheme: 'bearer',
      token: 'eyJh…',
    });
    expect(bearer?.jwt).toMatchObject({
      ok: true,
      alg: 'RS256',
      claims: { sub: 'user-42' },
      secondsUntilExpiry: 3540,
    });
    expect(findTokens(introspect, now).map((t) => [t.where, t.scheme])).toEqual([
      ['request.body', 'jwt'],
    ]);
    expect(findTokens(bearerCall, now, { reveal: true })[0]?.token).toBe(API_JWT);
  });

  it('offers a dotted bearer credential as a JWT even when malformed, an opaque one as no JWT', () => {
    const [badBase64] = loadEntries('jwt-malformed.har');
    expect(findTokens(badBase64, now)).toEqual([
      {
        where: 'request.header Authorization',
        scheme: 'bearer',
        token: 'eyJh…',
        jwt: {
          ok: false,
          problem: 'bad-base64url',
          segment: 'payload',
          message: 'The payload is not base64url.',
          token: 'eyJh…',
        },
      },
    ]);
    expect(MALFORMED_JWTS.badBase64.startsWith('eyJh')).toBe(true);
    const [upload] = loadEntries('binary-body.har');
    expect(findTokens(upload, now)).toEqual([
      { where: 'request.header Authorization', scheme: 'bearer', token: 'opaq…', jwt: null },
    ]);
    expect(OPAQUE_TOKEN.startsWith('opaq')).toBe(true);
  });

  it('reads tokens the SCv2 plaintext of the extension log shows', () => {
    const complete = loadEntries('slaunchx-system-otp.har')[3];
    const found = findTokens(complete, now);
    expect(found.map((t) => [t.where, t.scheme])).toEqual([['response.plaintext', 'jwt']]);
    expect(found[0]?.jwt).toMatchObject({
      ok: true,
      claims: { sub: 'ACC_TEST_001', sid: 'SESS_001', portal: 'system' },
    });
  });
});
