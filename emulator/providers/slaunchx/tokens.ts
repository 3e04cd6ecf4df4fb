/**
 * SlaunchX tokens (providers.md §1.4). Access tokens are HS256 JWTs (RFC 7519) with `sub`, `sid`
 * (the token family: one per sign-in, kept across refreshes), `portal`, `iat`, `exp`. Refresh
 * tokens are opaque and rotate; presenting a dead one revokes its whole family.
 *
 *   issue ──▶ live ──refresh──▶ used (a new live token joins the family)
 *                                 └─ presented again ──▶ family revoked (REFRESH_TOKEN_REUSED)
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Portal } from './accounts';

export const ACCESS_TTL_S = 3600;
export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  portal: Portal;
  iat: number;
  exp: number;
}

type TokenCode = 'AUTH.TOKEN_INVALID' | 'AUTH.TOKEN_EXPIRED' | 'AUTH.REFRESH_TOKEN_REUSED';
export type TokenCheck<T> = { ok: true; value: T } | { ok: false; code: TokenCode };

interface Family {
  accountId: string;
  portal: Portal;
  revoked: boolean;
}

interface RefreshRecord {
  sid: string;
  used: boolean;
  expiresAt: number;
}

export interface TokenStore {
  issue(accountId: string, portal: Portal, sid?: string): TokenPair;
  /** Checks a JWT for the portal it is presented on. */
  verifyAccess(token: string, portal: Portal): TokenCheck<AccessClaims>;
  refresh(refreshToken: string, portal: Portal): TokenCheck<TokenPair>;
  revokeFamily(sid: string): void;
  revokeAccount(accountId: string): void;
  /** Families that are still live, for the controls' sessions listing. */
  liveFamilies(): { sid: string; accountId: string; portal: Portal }[];
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const JWT_HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function parseClaims(segment: string): AccessClaims | null {
  try {
    const c: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof c !== 'object' || c === null) return null;
    const { sub, sid, portal, iat, exp } = c as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof sid !== 'string') return null;
    if (portal !== 'system' && portal !== 'consumer') return null;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    return { sub, sid, portal, iat, exp };
  } catch {
    return null;
  }
}

export function createTokenStore(secret: Uint8Array, now: () => number): TokenStore {
  const families = new Map<string, Family>();
  const refreshTokens = new Map<string, RefreshRecord>();
  const sign = (input: string) => createHmac('sha256', secret).update(input).digest();

  function issue(accountId: string, portal: Portal, sid: string = randomUUID()): TokenPair {
    if (!families.has(sid)) families.set(sid, { accountId, portal, revoked: false });
    const iat = Math.floor(now() / 1000);
    const claims: AccessClaims = { sub: accountId, sid, portal, iat, exp: iat + ACCESS_TTL_S };
    // `jti` (RFC 7519 §4.1.7) makes every issued token distinct, even two in the same second.
    const body = `${JWT_HEADER}.${b64url(JSON.stringify({ ...claims, jti: randomUUID() }))}`;
    const refreshToken = randomBytes(32).toString('base64url');
    refreshTokens.set(refreshToken, { sid, used: false, expiresAt: now() + REFRESH_TTL_MS });
    return {
      accessToken: `${body}.${sign(body).toString('base64url')}`,
      refreshToken,
      expiresIn: ACCESS_TTL_S,
    };
  }

  function verifyAccess(token: string, portal: Portal): TokenCheck<AccessClaims> {
    const invalid = { ok: false, code: 'AUTH.TOKEN_INVALID' } as const;
    const [header, payload, signature, ...rest] = token.split('.');
    // The header must be exactly ours: no `alg` negotiation (RFC 8725 §3.1).
    if (header !== JWT_HEADER || payload === undefined || signature === undefined) return invalid;
    if (rest.length > 0) return invalid;
    const expected = sign(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
    const claims = parseClaims(payload);
    const family = claims === null ? undefined : families.get(claims.sid);
    if (claims === null || family === undefined || family.revoked) return invalid;
    if (claims.portal !== portal) return invalid; // §1.4: bound to its portal
    if (claims.exp * 1000 <= now()) return { ok: false, code: 'AUTH.TOKEN_EXPIRED' };
    return { ok: true, value: claims };
  }

  function refresh(refreshToken: string, portal: Portal): TokenCheck<TokenPair> {
    const record = refreshTokens.get(refreshToken);
    const family = record === undefined ? undefined : families.get(record.sid);
    if (record === undefined || family === undefined)
      return { ok: false, code: 'AUTH.TOKEN_INVALID' };
    if (family.portal !== portal || family.revoked)
      return { ok: false, code: 'AUTH.TOKEN_INVALID' };
    if (record.used) {
      family.revoked = true; // §1.4: reuse of a rotated token revokes the whole family
      return { ok: false, code: 'AUTH.REFRESH_TOKEN_REUSED' };
    }
    if (record.expiresAt <= now()) return { ok: false, code: 'AUTH.TOKEN_EXPIRED' };
    record.used = true;
    return { ok: true, value: issue(family.accountId, family.portal, record.sid) };
  }

  return {
    issue,
    verifyAccess,
    refresh,
    revokeFamily(sid) {
      const family = families.get(sid);
      if (family !== undefined) family.revoked = true;
    },
    revokeAccount(accountId) {
      for (const family of families.values()) {
        if (family.accountId === accountId) family.revoked = true;
      }
    },
    liveFamilies: () =>
      [...families]
        .filter(([, f]) => !f.revoked)
        .map(([sid, f]) => ({ sid, accountId: f.accountId, portal: f.portal })),
  };
}
