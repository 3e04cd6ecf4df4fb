import { createCaptchaDesk } from '../shared/captcha';
import {
  defaultRandom,
  randomAlnum,
  randomHex,
  redact,
  signJwt,
  type RandomBytes,
} from '../shared/provider-kit';
import { createRefreshFamilies, type Family } from '../shared/refresh-families';
import { createCloudbaseUsers, type CloudbaseUser } from './users';
import type { CloudbaseErrorCode } from './errors';
import { createVerifications, VERIFICATION_TTL_S, type VerificationTarget } from './verification';

/**
 * CloudBase sign-in (providers.md §4, seed 004):
 *
 *   signin {username, password} ── failures 1–2 ─► invalid_username_or_password
 *        └─ after 3 failures: X-Captcha-Token required (captcha/data ─► captcha/verify)
 *        └─ 10th failure ─► invalid_status, locked 15 min; a success clears the count
 *   verification ─► verification/verify ─► signin {verification_token}
 *   token {grant_type: "refresh_token"} ─► rotated token pair (reuse revokes the family)
 */

export type CloudbaseOutcome =
  | { ok: true; body: Record<string, unknown>; captchaAnswer?: string }
  | { ok: false; code: CloudbaseErrorCode; description?: string };

export type CloudbaseFields = Partial<Record<string, string>>;

const SECOND = 1000;
const ACCESS_TTL_S = 7200;
// Not in the seed: refresh tokens live 30 days, as SlaunchX's (§1.4).
const REFRESH_TTL_MS = 30 * 24 * 3600 * SECOND;
const CAPTCHA_AFTER = 3;
const LOCK_AT = 10;
const LOCK_MS = 15 * 60 * SECOND;
const JWT_KEY = 'authdeck-emulator-cloudbase-test-key';
// Seed 004: 2–48 of letters, digits and -_.:+@ (the seed's list without its space), starting
// with a letter or digit.
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9\-_.:+@]{1,47}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{5,22}$/;

const fail = (code: CloudbaseErrorCode, description?: string): CloudbaseOutcome => ({
  ok: false,
  code,
  description,
});
const empty = (value: string | undefined): value is undefined =>
  value === undefined || value === '';

export interface CloudbaseServiceDeps {
  now: () => number;
  random?: RandomBytes;
  usernameLogin: boolean;
  sendCode: (to: string, code: string) => void;
}

export function createCloudbaseService(deps: CloudbaseServiceDeps) {
  const random = deps.random ?? defaultRandom;
  const users = createCloudbaseUsers(random);
  const failures = new Map<string, number>();
  const lockedUntil = new Map<string, number>();
  const captchas = createCaptchaDesk({
    now: deps.now,
    random,
    challengeTtlMs: 120 * SECOND,
    tokenTtlMs: 300 * SECOND,
  });
  const verifications = createVerifications(deps.now, random);
  const families = createRefreshFamilies({
    now: deps.now,
    accessTtlMs: ACCESS_TTL_S * SECOND,
    refreshTtlMs: REFRESH_TTL_MS,
    newFamilyId: () => randomHex(random, 16),
    mint: (sub, sid, issuedAt) => {
      const iat = Math.floor(issuedAt / SECOND);
      const claims = {
        iss: 'https://cloudbase.emulator.test',
        sub,
        sid,
        iat,
        exp: iat + ACCESS_TTL_S,
      };
      return {
        accessToken: signJwt(claims, JWT_KEY),
        refreshToken: `m.${randomAlnum(random, 80)}`,
      };
    },
  });

  const isLocked = (username: string): boolean => (lockedUntil.get(username) ?? 0) > deps.now();

  const tokenResponse = (f: Family): CloudbaseOutcome => ({
    ok: true,
    body: {
      token_type: 'Bearer',
      access_token: f.accessToken,
      refresh_token: f.refreshToken,
      expires_in: ACCESS_TTL_S,
      sub: f.account,
    },
  });

  const signIn = (user: CloudbaseUser): CloudbaseOutcome => {
    failures.delete(user.username);
    return tokenResponse(families.issue(user.sub));
  };

  const countFailure = (username: string): CloudbaseOutcome => {
    const count = (failures.get(username) ?? 0) + 1;
    if (count < LOCK_AT) {
      failures.set(username, count);
      return fail('invalid_username_or_password');
    }
    failures.delete(username);
    lockedUntil.set(username, deps.now() + LOCK_MS);
    return fail('invalid_status');
  };

  const withPassword = (
    username: string,
    password: string,
    captcha: string | null,
  ): CloudbaseOutcome => {
    if (!deps.usernameLogin) return fail('unimplemented');
    if (isLocked(username)) return fail('invalid_status');
    // Failures are counted per username, existing or not (no account enumeration).
    if ((failures.get(username) ?? 0) >= CAPTCHA_AFTER) {
      if (captcha === null || !captchas.redeem(captcha)) return fail('captcha_required');
    }
    const user = users.byUsername(username);
    if (user !== null && user.password === null) return fail('password_not_set');
    if (user?.password !== password) return countFailure(username);
    return signIn(user);
  };

  const withVerification = (token: string): CloudbaseOutcome => {
    const target = verifications.redeem(token);
    if (target === null) return fail('invalid_verification_code');
    const user = users.byTarget(target);
    if (user === null) return fail('user_not_found');
    if (isLocked(user.username)) return fail('invalid_status');
    return signIn(user);
  };

  return {
    /** `captcha`: the X-Captcha-Token header, if any. */
    signin(f: CloudbaseFields, captcha: string | null): CloudbaseOutcome {
      const byPassword = f.username !== undefined || f.password !== undefined;
      if (byPassword === (f.verification_token !== undefined)) {
        return fail('invalid_argument', 'Exactly one of username/password or verification_token');
      }
      if (f.verification_token !== undefined) {
        return empty(f.verification_token)
          ? fail('invalid_argument', 'verification_token is empty')
          : withVerification(f.verification_token);
      }
      if (f.username === undefined || !USERNAME.test(f.username) || empty(f.password)) {
        return fail('invalid_argument', 'username or password is invalid');
      }
      return withPassword(f.username, f.password, captcha);
    },

    startVerification(f: CloudbaseFields): CloudbaseOutcome {
      if (f.target !== undefined && f.target !== 'ANY') {
        return fail('invalid_argument', 'target must be "ANY"');
      }
      let target: VerificationTarget;
      if (f.email !== undefined && f.phone_number === undefined && EMAIL.test(f.email)) {
        target = { email: f.email };
      } else if (
        f.phone_number !== undefined &&
        f.email === undefined &&
        PHONE.test(f.phone_number)
      ) {
        target = { phoneNumber: f.phone_number };
      } else {
        return fail('invalid_argument', 'Exactly one valid email or phone_number is required');
      }
      const id = verifications.start(target, deps.sendCode);
      return {
        ok: true,
        body: {
          verification_id: id,
          expires_in: VERIFICATION_TTL_S,
          is_user: users.byTarget(target) !== null,
        },
      };
    },

    verify(f: CloudbaseFields): CloudbaseOutcome {
      if (empty(f.verification_id) || empty(f.verification_code)) {
        return fail('invalid_argument', 'verification_id and verification_code are required');
      }
      const token = verifications.verify(f.verification_id, f.verification_code);
      if (token === null) return fail('invalid_verification_code');
      return { ok: true, body: { verification_token: token, expires_in: VERIFICATION_TTL_S } };
    },

    captchaData(): CloudbaseOutcome {
      const { captchaId, image, answer } = captchas.issue();
      return { ok: true, body: { captcha_id: captchaId, image }, captchaAnswer: answer };
    },

    captchaVerify(f: CloudbaseFields): CloudbaseOutcome {
      if (empty(f.captcha_id) || empty(f.answer)) {
        return fail('invalid_argument', 'captcha_id and answer are required');
      }
      const token = captchas.solve(f.captcha_id, f.answer);
      if (token === null) {
        return fail('invalid_verification_code', 'The captcha answer is incorrect or expired');
      }
      return { ok: true, body: { captcha_token: token } };
    },

    token(f: CloudbaseFields): CloudbaseOutcome {
      if (f.grant_type !== 'refresh_token' || empty(f.refresh_token)) {
        return fail('invalid_argument', 'grant_type must be "refresh_token" with a refresh_token');
      }
      const result = families.rotate(f.refresh_token);
      return result.kind === 'rotated' ? tokenResponse(result.family) : fail('invalid_grant');
    },

    reset(): void {
      users.reset();
      failures.clear();
      lockedUntil.clear();
      captchas.clear();
      verifications.clear();
      families.clear();
    },

    createAccount: (body: Record<string, unknown>) => users.create(body, USERNAME),

    sessions(): unknown[] {
      return families.live().map((f) => ({
        provider: 'cloudbase',
        account: users.bySub(f.account)?.username ?? f.account,
        sub: f.account,
        accessToken: redact(f.accessToken),
        accessExpiresAt: f.accessExpiresAt,
        refreshToken: redact(f.refreshToken),
        refreshExpiresAt: f.refreshExpiresAt,
      }));
    },
  };
}

export type CloudbaseService = ReturnType<typeof createCloudbaseService>;
