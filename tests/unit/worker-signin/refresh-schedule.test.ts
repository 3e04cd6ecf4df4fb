import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import type { Tokens } from '../../../src/providers/flow';
import {
  isDeadRefreshError,
  refreshAlarmName,
  refreshAlarmTime,
  sessionIdOfAlarm,
} from '../../../src/worker/signin/refresh-schedule';
import { maskToken, settleRefresh } from '../../../src/worker/signin/session-view';
import type { StoredSession } from '../../../src/worker/vault-contents';

const T0 = 1_800_000_000_000;
const MIN = 60_000;

describe('refresh alarm time', () => {
  it.each([
    ['1 h token: 5 minutes ahead (the cap)', 60 * MIN, T0 + 55 * MIN],
    ['30 min token: 3 minutes ahead (10 %)', 30 * MIN, T0 + 27 * MIN],
    ['5 min token: 30 s ahead (10 %)', 5 * MIN, T0 + 4.5 * MIN],
    ['2 h token: 5 minutes ahead', 120 * MIN, T0 + 115 * MIN],
  ])('%s', (_what, lifetime, expected) => {
    expect(refreshAlarmTime({ obtainedAt: T0, expiresAt: T0 + lifetime }, T0)).toBe(expected);
  });

  it('is never in the past: an expired or almost expired token refreshes now', () => {
    const tokens = { obtainedAt: T0, expiresAt: T0 + 60 * MIN };
    expect(refreshAlarmTime(tokens, T0 + 58 * MIN)).toBe(T0 + 58 * MIN);
    expect(refreshAlarmTime(tokens, T0 + 5 * 60 * MIN)).toBe(T0 + 5 * 60 * MIN);
  });

  it('for any lifetime: not before now, not after expiry (unless now is), at most 5 min early', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 24 * 60 * MIN }),
        fc.integer({ min: -60 * MIN, max: 60 * 24 * 60 * MIN }),
        (lifetime, elapsed) => {
          const tokens = { obtainedAt: T0, expiresAt: T0 + lifetime };
          const now = T0 + elapsed;
          const at = refreshAlarmTime(tokens, now);
          expect(at).toBeGreaterThanOrEqual(now);
          expect(at).toBeLessThanOrEqual(Math.max(now, tokens.expiresAt));
          if (at > now) expect(tokens.expiresAt - at).toBeLessThanOrEqual(5 * MIN);
          if (at > now) expect(tokens.expiresAt - at).toBeLessThanOrEqual(lifetime / 10 + 1);
        },
      ),
    );
  });

  it('names one alarm per session and reads the session id back', () => {
    expect(refreshAlarmName('s-1')).toBe('authdeck:refresh:s-1');
    expect(sessionIdOfAlarm(refreshAlarmName('s-1'))).toBe('s-1');
    expect(sessionIdOfAlarm('authdeck:auto-lock')).toBeNull();
    expect(sessionIdOfAlarm('authdeck:refresh:')).toBeNull();
  });
});

describe('settling a refresh answer', () => {
  const tokens = (n: number): Tokens => ({
    family: 'slaunchx',
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    tokenType: 'Bearer',
    expiresAt: T0 + n * 60 * MIN,
    obtainedAt: T0,
    account: { email: 'a@b.test' },
  });
  const session = (n: number, extra: Partial<StoredSession> = {}): StoredSession => ({
    id: 's',
    profileId: 'p',
    tokens: tokens(n),
    createdAt: T0,
    ...extra,
  });
  const reused = new ProviderError({ code: 'AUTH.REFRESH_TOKEN_REUSED', provider: 'slaunchx' });

  it('new tokens replace the old and clear the last error', () => {
    const failedBefore = session(1, { lastError: reused.toInfo() });
    expect(settleRefresh(failedBefore, failedBefore, tokens(2))).toEqual(session(2));
  });

  it('a reuse answer keeps the newer tokens another refresh stored meanwhile', () => {
    expect(settleRefresh(session(1), session(2), reused)).toEqual(session(2));
  });

  it('a reuse answer with nothing newer stored keeps the session with lastError', () => {
    const settled = settleRefresh(session(1), session(1), reused);
    expect(settled.tokens).toEqual(tokens(1));
    expect(settled.lastError).toMatchObject({ code: 'AUTH.REFRESH_TOKEN_REUSED' });
  });

  it('knows which answers end a session for good', () => {
    for (const code of [
      'AUTH.REFRESH_TOKEN_REUSED',
      'AUTH.TOKEN_INVALID',
      'invalid_grant',
      '10004',
      'IDAAS.SDK.TOKEN.0001',
    ]) {
      expect(isDeadRefreshError({ code })).toBe(true);
    }
    for (const code of ['NETWORK', 'TIMEOUT', 'RESPONSE_INVALID', 'IDAAS.SDK.COM.0002']) {
      expect(isDeadRefreshError({ code })).toBe(false);
    }
  });

  it('masks a token to its first 4 characters', () => {
    expect(maskToken('eyJhbGciOiJIUzI1NiJ9.x.y')).toBe('eyJh…');
    expect(maskToken('AT 0123')).toBe('AT 0…');
  });
});
