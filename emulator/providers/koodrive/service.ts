import {
  createExpiringStore,
  defaultRandom,
  InvalidAccountError,
  optionalString,
  randomDigits,
  randomHex,
  redact,
  requiredString,
  type RandomBytes,
} from '../shared/provider-kit';
import { createRefreshFamilies, type Family } from '../shared/refresh-families';
import { createLockout } from './lockout';

/**
 * Koodrive sign-in (providers.md §3, seed 003):
 *
 *   login authType "1" {account, password} ──────────────────────────────┐
 *   verifycode/send {account} ─► verifycode/verify ─► captchaToken ─► login authType "2"
 *                                                                        └─► sessionInfo
 *   token/refresh {refreshToken} ─► new sessionInfo (rotating; reuse revokes the family)
 */

export type KoodriveCode = '0' | '10001' | '10002' | '10003' | '10004' | '10005';

export const KOODRIVE_MESSAGES: Record<KoodriveCode, string> = {
  '0': 'Success',
  '10001': 'Incorrect account or password',
  '10002': 'Invalid or expired captcha token or verification code',
  '10003': 'Invalid parameters',
  '10004': 'Invalid refresh token',
  '10005': 'Account locked, please try again later',
};

export type KoodriveOutcome =
  { ok: true; data: Record<string, unknown> } | { ok: false; code: Exclude<KoodriveCode, '0'> };

export type KoodriveFields = Partial<Record<string, string>>;

interface KoodriveUser {
  userId: string;
  password: string | null;
  firstname: string;
  surname: string;
  phone: string;
  email: string;
}

const SECOND = 1000;
const ACCESS_TTL_S = 1800;
const CODE_TTL_S = 300;
const CAPTCHA_TOKEN_TTL_S = 300;
// Not in the seed: refresh tokens live 30 days, as SlaunchX's (§1.4).
const REFRESH_TTL_MS = 30 * 24 * 3600 * SECOND;

const fail = (code: Exclude<KoodriveCode, '0'>): KoodriveOutcome => ({ ok: false, code });
const empty = (value: string | undefined): value is undefined =>
  value === undefined || value === '';

function seedUsers(): Map<string, KoodriveUser> {
  // providers.md §7; the profile fields are seed 003's example response.
  return new Map([
    [
      '0027188460911',
      {
        userId: '1882575898755117312',
        password: '123qweASD143',
        firstname: 'firstname',
        surname: 'surname',
        phone: '0027188460911',
        email: '',
      },
    ],
  ]);
}

export interface KoodriveServiceDeps {
  now: () => number;
  random?: RandomBytes;
  sendSms: (to: string, code: string) => void;
}

export function createKoodriveService(deps: KoodriveServiceDeps) {
  const random = deps.random ?? defaultRandom;
  let users = seedUsers();
  const lockout = createLockout(deps.now);
  const codes = createExpiringStore<string>(deps.now);
  const captchaTokens = createExpiringStore<string>(deps.now);
  const families = createRefreshFamilies({
    now: deps.now,
    accessTtlMs: ACCESS_TTL_S * SECOND,
    refreshTtlMs: REFRESH_TTL_MS,
    newFamilyId: () => randomHex(random, 16),
    mint: () => ({
      accessToken: `AT ${randomHex(random, 48)}`,
      refreshToken: randomHex(random, 48),
    }),
  });

  const sessionInfo = (f: Family): Record<string, unknown> => ({
    accessToken: f.accessToken,
    expiresIn: ACCESS_TTL_S,
    issuedAt: String(f.issuedAt),
    refreshToken: f.refreshToken,
  });

  const signIn = (account: string, user: KoodriveUser): KoodriveOutcome => {
    lockout.succeed(account);
    const { userId, firstname, surname, phone, email } = user;
    return {
      ok: true,
      data: {
        userInfo: { userId, firstname, surname, phone, email },
        sessionInfo: sessionInfo(families.issue(account)),
      },
    };
  };

  /** A counted failure answers its own code, or 10005 when it is the one that locks. */
  const failCounted = (account: string, code: '10001' | '10002'): KoodriveOutcome =>
    fail(lockout.fail(account) ? '10005' : code);

  return {
    login(f: KoodriveFields): KoodriveOutcome {
      const account = f.account;
      if (empty(account)) return fail('10003');
      // authType "1" needs a password, "2" a captchaToken; any other authType is invalid.
      const proof =
        f.authType === '1' ? f.password : f.authType === '2' ? f.captchaToken : undefined;
      if (empty(proof)) return fail('10003');
      if (lockout.isLocked(account)) return fail('10005');
      const user = users.get(account);
      if (f.authType === '1') {
        if (user?.password == null || user.password !== f.password) {
          return failCounted(account, '10001');
        }
        return signIn(account, user);
      }
      const tokenAccount = empty(f.captchaToken) ? null : captchaTokens.take(f.captchaToken);
      if (user === undefined || tokenAccount !== account) return failCounted(account, '10002');
      return signIn(account, user);
    },

    sendCode(f: KoodriveFields): KoodriveOutcome {
      if (empty(f.account)) return fail('10003');
      if (lockout.isLocked(f.account)) return fail('10005');
      // Unknown accounts get the same answer and no SMS: no account enumeration.
      if (users.has(f.account)) {
        const code = randomDigits(random, 6);
        codes.put(f.account, code, CODE_TTL_S * SECOND);
        deps.sendSms(f.account, code);
      }
      return { ok: true, data: { expiresIn: CODE_TTL_S } };
    },

    verifyCode(f: KoodriveFields): KoodriveOutcome {
      if (empty(f.account) || empty(f.verifyCode)) return fail('10003');
      if (lockout.isLocked(f.account)) return fail('10005');
      if (codes.get(f.account) !== f.verifyCode) return failCounted(f.account, '10002');
      codes.delete(f.account);
      const captchaToken = randomHex(random, 48);
      captchaTokens.put(captchaToken, f.account, CAPTCHA_TOKEN_TTL_S * SECOND);
      return { ok: true, data: { captchaToken } };
    },

    refresh(f: KoodriveFields): KoodriveOutcome {
      if (empty(f.refreshToken)) return fail('10003');
      const result = families.rotate(f.refreshToken);
      if (result.kind !== 'rotated') return fail('10004');
      return { ok: true, data: { sessionInfo: sessionInfo(result.family) } };
    },

    reset(): void {
      users = seedUsers();
      lockout.clear();
      codes.clear();
      captchaTokens.clear();
      families.clear();
    },

    /** Control body: `{account, password?, firstname?, surname?, phone?, email?, userId?}`. */
    createAccount(body: Record<string, unknown>): { account: string } {
      const account = requiredString(body, 'account');
      if (account.length > 128) throw new InvalidAccountError('account is too long');
      users.set(account, {
        userId: optionalString(body, 'userId') ?? `1882${randomDigits(random, 15)}`,
        password: optionalString(body, 'password') ?? null,
        firstname: optionalString(body, 'firstname') ?? 'firstname',
        surname: optionalString(body, 'surname') ?? 'surname',
        phone: optionalString(body, 'phone') ?? account,
        email: optionalString(body, 'email') ?? '',
      });
      return { account };
    },

    sessions(): unknown[] {
      return families.live().map((f) => ({
        provider: 'koodrive',
        account: f.account,
        accessToken: redact(f.accessToken),
        accessExpiresAt: f.accessExpiresAt,
        refreshToken: redact(f.refreshToken),
        refreshExpiresAt: f.refreshExpiresAt,
      }));
    },
  };
}

export type KoodriveService = ReturnType<typeof createKoodriveService>;
