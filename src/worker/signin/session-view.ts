/**
 * Pure pieces of the auth sessions: what the UI sees of one, and how a refresh answer settles
 * against what is stored by the time it arrives.
 */
import type { SessionView } from '../../messaging/signin-protocol';
import { ProviderError } from '../../providers/errors';
import type { Tokens } from '../../providers/flow';
import type { StoredSession } from '../vault-contents';
import type { ProfileRecord } from './profile-rules';
import { canRefresh, isDeadRefreshError } from './refresh-schedule';

/** First 4 characters, then `…` (providers.md conventions): enough to tell tokens apart. */
export function maskToken(token: string): string {
  return `${token.slice(0, 4)}…`;
}

/** False once a refresh was refused for good: only a new sign-in helps then. */
export function isRefreshable(session: StoredSession, now: number): boolean {
  if (session.lastError !== undefined && isDeadRefreshError(session.lastError)) return false;
  return canRefresh(session.tokens, now);
}

export function toSessionView(
  session: StoredSession,
  profile: ProfileRecord | undefined,
  refreshAt: number | undefined,
  now: number,
): SessionView {
  const { tokens } = session;
  const view: SessionView = {
    id: session.id,
    profileId: session.profileId,
    profileName: profile?.name ?? '',
    family: tokens.family,
    account: { ...tokens.account },
    tokenType: tokens.tokenType,
    maskedAccessToken: maskToken(tokens.accessToken),
    obtainedAt: tokens.obtainedAt,
    expiresAt: tokens.expiresAt,
    canRefresh: isRefreshable(session, now),
  };
  if (tokens.refreshExpiresAt !== undefined) view.refreshExpiresAt = tokens.refreshExpiresAt;
  if (refreshAt !== undefined) view.refreshAt = refreshAt;
  if (session.lastError !== undefined) view.lastError = { ...session.lastError };
  return view;
}

/** The same tokens, as far as a refresh is concerned. */
const sameTokens = (a: Tokens, b: Tokens) =>
  a.refreshToken === b.refreshToken && a.accessToken === b.accessToken;

/**
 * The session to store after a refresh that started from `used`, given what the vault holds
 * now (`current`). New tokens replace the old ones and clear the error. A failure records
 * `lastError`, unless another refresh stored newer tokens meanwhile: then those stand, since a
 * reuse answer to our old refresh token says nothing about them.
 */
export function settleRefresh(
  used: StoredSession,
  current: StoredSession,
  outcome: Tokens | ProviderError,
): StoredSession {
  const rest = { ...current };
  delete rest.lastError;
  if (!(outcome instanceof ProviderError)) return { ...rest, tokens: outcome };
  if (!sameTokens(used.tokens, current.tokens)) return current;
  return { ...rest, lastError: outcome.toInfo() };
}
