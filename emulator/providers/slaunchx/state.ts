/**
 * Everything a SlaunchX reset forgets (providers.md §6): accounts back to the §7 seed, secure
 * channel and login sessions, token families, rate-limit windows and counters. A reset replaces
 * the whole state object, so no store can be forgotten.
 */
import type { ServerSession } from '../../../src/secure-channel/server-checks';
import {
  createAccountStore,
  seedAccounts,
  type AccountStore,
  type MfaMethod,
  type Portal,
} from './accounts';
import type { IssuedCode } from './mfa';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { createTokenStore, type TokenStore } from './tokens';

export interface ScSession extends ServerSession {
  id: string;
  createdAt: number;
}

/** A pre-login session (providers.md §1.3): 300 s, single-use, locked on the 5th wrong code. */
export interface LoginSession {
  id: string;
  accountId: string;
  portal: Portal;
  clientHash: string;
  expiresAt: number;
  failures: number;
  locked: boolean;
  emailCode: IssuedCode | null;
  methods: MfaMethod[];
}

/** A mailed code that counts wrong attempts. */
export interface CountedCode extends IssuedCode {
  failures: number;
}

export interface Registration {
  id: string;
  portal: Portal;
  email: string;
  code: CountedCode;
  verified: boolean;
  expiresAt: number;
}

export interface SxState {
  accounts: AccountStore;
  scSessions: Map<string, ScSession>;
  logins: Map<string, LoginSession>;
  tokens: TokenStore;
  rateLimit: RateLimiter;
  /** Per account: TOTP time steps already accepted (providers.md §1.3). */
  usedTotpSteps: Map<string, Set<number>>;
  /** Per account: a TOTP secret set up but not yet confirmed (§1.5). */
  pendingTotp: Map<string, string>;
  registrations: Map<string, Registration>;
  /** Keyed `${portal}:${email}`. */
  resetCodes: Map<string, CountedCode>;
}

export function createSxState(jwtSecret: Uint8Array, now: () => number): SxState {
  return {
    accounts: createAccountStore(seedAccounts()),
    scSessions: new Map(),
    logins: new Map(),
    tokens: createTokenStore(jwtSecret, now),
    rateLimit: createRateLimiter(),
    usedTotpSteps: new Map(),
    pendingTotp: new Map(),
    registrations: new Map(),
    resetCodes: new Map(),
  };
}

export function usedStepsOf(state: SxState, accountId: string): Set<number> {
  let steps = state.usedTotpSteps.get(accountId);
  if (steps === undefined) {
    steps = new Set();
    state.usedTotpSteps.set(accountId, steps);
  }
  return steps;
}
