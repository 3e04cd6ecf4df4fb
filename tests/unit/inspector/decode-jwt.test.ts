/** decodeJwt (RFC 7519, RFC 7515 §7.1) over the fixtures' tokens and hand-made edge cases. */
import { describe, expect, it } from 'vitest';
import { decodeJwt, type DecodedJwt, type JwtResult } from '../../../src/inspector/jwt';
import { API_JWT, MALFORMED_JWTS, NONE_JWTS } from '../../fixtures/har/build-edge';
import { accessToken } from '../../fixtures/har/build-slaunchx';
import { b64url, T0 } from '../../fixtures/har/har-kit';

function decoded(result: JwtResult): DecodedJwt {
  if (!result.ok) throw new Error(`expected a decoded JWT, got ${result.problem}`);
  return result;
}

const flagsOf = (result: JwtResult) => decoded(result).flags.map((f) => [f.flag, f.severity]);
const unsigned = (header: object, claims: object) =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.`;

describe('decodeJwt', () => {
  it('decodes header, claims and times, with seconds until expiry', () => {
    const token = accessToken('ACC_TEST_001', 'SESS_001', 'system', T0);
    const jwt = decoded(decodeJwt(token, T0 + 600_500));
    expect(jwt.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(jwt.claims).toEqual({
      sub: 'ACC_TEST_001',
      sid: 'SESS_001',
      portal: 'system',
      iat: T0 / 1000,
      exp: T0 / 1000 + 3600,
    });
    expect(jwt.iat).toEqual({ seconds: 1711929600, ms: T0, iso: '2024-04-01T00:00:00.000Z' });
    expect(jwt.exp).toEqual({
      seconds: 1711933200,
      ms: T0 + 3_600_000,
      iso: '2024-04-01T01:00:00.000Z',
    });
    expect(jwt.nbf).toBeNull();
    expect(jwt.secondsUntilExpiry).toBe(2999);
    expect(jwt.signature).toEqual({
      bytes: 32,
      value: `${token.split('.')[2]?.slice(0, 4) ?? ''}…`,
    });
    expect(jwt.token).toBe('eyJh…');
  });

  it('notes HS256 as a shared secret, and nothing for RS256 within its lifetime', () => {
    expect(flagsOf(decodeJwt(accessToken('a', 'b', 'system', T0), T0))).toEqual([
      ['shared-secret', 'info'],
    ]);
    expect(flagsOf(decodeJwt(API_JWT, T0))).toEqual([]);
  });

  it('flags alg none, expiry and a token not valid yet', () => {
    expect(flagsOf(decodeJwt(NONE_JWTS.expired, T0))).toEqual([
      ['alg-none', 'error'],
      ['expired', 'warning'],
    ]);
    expect(decoded(decodeJwt(NONE_JWTS.expired, T0)).secondsUntilExpiry).toBe(-3600);
    expect(flagsOf(decodeJwt(NONE_JWTS.notYetValid, T0))).toEqual([
      ['alg-none', 'error'],
      ['missing-exp', 'warning'],
      ['not-yet-valid', 'warning'],
    ]);
  });

  it('flags a missing alg, an unregistered one, an empty signature and unusable times', () => {
    expect(flagsOf(decodeJwt(unsigned({ typ: 'JWT' }, { exp: T0 / 1000 + 1 }), T0))).toEqual([
      ['alg-missing', 'error'],
    ]);
    expect(
      flagsOf(decodeJwt(`${unsigned({ alg: 'HS1' }, { exp: T0 / 1000 + 1 })}c2ln`, T0)),
    ).toEqual([['unknown-algorithm', 'warning']]);
    expect(flagsOf(decodeJwt(unsigned({ alg: 'ES256' }, { exp: T0 / 1000 + 1 }), T0))).toEqual([
      ['unsigned', 'error'],
    ]);
    const times = decoded(
      decodeJwt(
        `${unsigned({ alg: 'RS256' }, { iat: 'yesterday', exp: 1e306, nbf: 1e13 })}c2ln`,
        T0,
      ),
    );
    expect(times.flags.map((f) => f.flag)).toEqual([
      'bad-time-claim',
      'bad-time-claim',
      'bad-time-claim',
      'not-yet-valid',
    ]);
    expect(times.iat).toBeNull();
    expect(times.exp).toBeNull();
    expect(times.nbf).toEqual({ seconds: 1e13, ms: 1e16, iso: null });
    expect(times.secondsUntilExpiry).toBeNull();
  });

  it.each([
    ['badBase64', 'bad-base64url', 'payload', 'The payload is not base64url.'],
    ['badJson', 'bad-json', 'header', 'The header is not JSON.'],
    ['twoSegments', 'segment-count', null, 'A JWT has 3 dot-separated segments; this has 2.'],
    ['arrayHeader', 'not-an-object', 'header', 'The header is JSON but not an object.'],
    [
      'jwe',
      'encrypted',
      null,
      'Five segments: an encrypted JWT (JWE, RFC 7516), unreadable without its key.',
    ],
  ] as const)(
    'describes the malformed %s token without throwing',
    (name, problem, segment, message) => {
      expect(decodeJwt(MALFORMED_JWTS[name], T0)).toEqual({
        ok: false,
        problem,
        segment,
        message,
        token: `${MALFORMED_JWTS[name].slice(0, 4)}…`,
      });
    },
  );

  it('describes non-strings, non-UTF-8 payloads and a bad signature alphabet', () => {
    expect(decodeJwt(42, T0)).toMatchObject({ ok: false, problem: 'not-a-string', token: '' });
    expect(decodeJwt('', T0)).toMatchObject({ ok: false, problem: 'segment-count' });
    expect(
      decodeJwt(`${b64url('{"alg":"none"}')}.${b64url(Uint8Array.of(0xff, 0xfe))}.`, T0),
    ).toMatchObject({ problem: 'bad-json', message: 'The payload is not UTF-8 text.' });
    expect(decodeJwt(`${b64url('{"alg":"none"}')}.${b64url('{}')}.a+b`, T0)).toMatchObject({
      problem: 'bad-base64url',
      message: 'The signature is not base64url.',
    });
  });

  it('shows the whole token and signature only when revealed', () => {
    const revealed = decoded(decodeJwt(API_JWT, T0, { reveal: true }));
    expect(revealed.token).toBe(API_JWT);
    expect(revealed.signature.value).toBe(API_JWT.split('.')[2]);
    expect(JSON.stringify(decodeJwt(API_JWT, T0))).not.toContain(API_JWT.split('.')[2]);
  });
});
