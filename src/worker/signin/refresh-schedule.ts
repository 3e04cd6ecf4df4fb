/**
 * When a session refreshes itself (issue 4): ahead of expiry by 10 % of the token's lifetime,
 * at most 5 minutes, never in the past. One `browser.alarms` alarm per session, so the schedule
 * survives the worker being stopped.
 */
import type { ProviderError } from '../../providers/errors';
import type { Tokens } from '../../providers/flow';

export const REFRESH_ALARM_PREFIX = 'authdeck:refresh:';
const MAX_LEAD_MS = 5 * 60_000;
/** After a failure that may pass (network, timeout, 5xx): try again this much later. */
export const RETRY_AFTER_FAILURE_MS = 60_000;

export const refreshAlarmName = (sessionId: string) => `${REFRESH_ALARM_PREFIX}${sessionId}`;

/** The session id of a refresh alarm, or null for any other alarm. */
export function sessionIdOfAlarm(name: string): string | null {
  if (!name.startsWith(REFRESH_ALARM_PREFIX)) return null;
  const id = name.slice(REFRESH_ALARM_PREFIX.length);
  return id === '' ? null : id;
}

/** ms since epoch at which to refresh these tokens. */
export function refreshAlarmTime(
  tokens: Pick<Tokens, 'obtainedAt' | 'expiresAt'>,
  now: number,
): number {
  const lifetime = Math.max(0, tokens.expiresAt - tokens.obtainedAt);
  const lead = Math.min(MAX_LEAD_MS, lifetime / 10);
  return Math.max(now, Math.floor(tokens.expiresAt - lead));
}

/** Whether the tokens can be refreshed at all at `now`. */
export function canRefresh(tokens: Tokens, now: number): boolean {
  if (tokens.refreshToken === undefined) return false;
  return tokens.refreshExpiresAt === undefined || tokens.refreshExpiresAt > now;
}

// The providers' answers to a refresh token that was used twice, revoked or expired
// (providers.md §1.4, §2, §3, §4), and a profile that cannot carry it: only a new sign-in
// helps, retrying never will.
const DEAD_REFRESH_CODES = new Set([
  'AUTH.REFRESH_TOKEN_REUSED',
  'AUTH.TOKEN_INVALID',
  'AUTH.TOKEN_EXPIRED',
  'invalid_grant',
  '10004',
  'IDAAS.SDK.TOKEN.0001',
  'INPUT_INVALID',
  'INSECURE_URL',
]);

export function isDeadRefreshError(error: Pick<ProviderError, 'code'>): boolean {
  return DEAD_REFRESH_CODES.has(error.code);
}
