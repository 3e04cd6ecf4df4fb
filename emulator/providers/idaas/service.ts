import { createCaptchaDesk } from '../shared/captcha';
import {
  createExpiringStore,
  defaultRandom,
  InvalidAccountError,
  optionalString,
  randomAlnum,
  randomDigits,
  redact,
  requiredString,
  signJwt,
  type RandomBytes,
} from '../shared/provider-kit';
import type { IdaasErrorCode } from './messages';

/**
 * IDaaS CIAM email-code sign-in (providers.md §2, seed 001):
 *
 *   captcha/graphic ─► captcha/graphic/verify ─► captcha_token
 *     ─► send-email-verify-code (token consumed, code mailed) ─► login/email-verify-code
 *     ─► session_token (432 000 s) + id_token (300 s) ─► token/id-token (fresh id_token)
 */

export const IDAAS_CLIENT_ID = 'nTo1eRIub60vPb54WeE6aojPwYwImtl4';

const SECOND = 1000;
const CAPTCHA_TTL_S = 120;
const CAPTCHA_TOKEN_TTL_S = 300;
const CODE_TTL_S = 300;
const SESSION_TTL_S = 432_000;
const ID_TOKEN_TTL_S = 300;
// providers.md is silent on guessing: a code survives this many wrong answers, then dies.
const CODE_MAX_WRONG = 5;
const JWT_KEY = 'authdeck-emulator-idaas-test-key';

interface IdaasUser {
  userId: string;
  email: string;
  name: string;
  disabled: boolean;
}

export type IdaasOutcome =
  | { ok: true; body: Record<string, unknown>; captchaAnswer?: string }
  | { ok: false; code: IdaasErrorCode };

export type IdaasFields = Partial<Record<string, string>>;

export interface IdaasServiceDeps {
  now: () => number;
  random?: RandomBytes;
  autoRegister: boolean;
  sendMail: (to: string, code: string) => void;
}

const fail = (code: IdaasErrorCode): IdaasOutcome => ({ ok: false, code });
const empty = (value: string | undefined): value is undefined =>
  value === undefined || value === '';
const keyOf = (email: string): string => email.trim().toLowerCase();

function seedUsers(): Map<string, IdaasUser> {
  // providers.md §7.
  const users: IdaasUser[] = [
    { userId: '20240101000000001', email: 'zhangsan@qq.com', name: 'zhangsan', disabled: false },
    { userId: '20240101000000002', email: 'disabled@qq.com', name: 'disabled', disabled: true },
  ];
  return new Map(users.map((u) => [u.email, u]));
}

export function createIdaasService(deps: IdaasServiceDeps) {
  const random = deps.random ?? defaultRandom;
  let users = seedUsers();
  const captchas = createCaptchaDesk({
    now: deps.now,
    random,
    challengeTtlMs: CAPTCHA_TTL_S * SECOND,
    tokenTtlMs: CAPTCHA_TOKEN_TTL_S * SECOND,
  });
  const codes = createExpiringStore<{ code: string; wrong: number }>(deps.now);
  const sessions = createExpiringStore<{ email: string; clientId: string }>(deps.now);

  const newUserId = (): string => `2024${randomDigits(random, 13)}`;

  /** USER.0001 / USER.0039 for send and login; an unknown email passes when auto-registering. */
  const checkUser = (email: string): IdaasErrorCode | null => {
    const user = users.get(keyOf(email));
    if (user === undefined) return deps.autoRegister ? null : 'IDAAS.SDK.USER.0001';
    return user.disabled ? 'IDAAS.SDK.USER.0039' : null;
  };

  const mintIdToken = (user: IdaasUser, clientId: string): string => {
    const iat = Math.floor(deps.now() / SECOND);
    return signJwt(
      {
        iss: 'https://idaas.emulator.test/api/v2/sdk',
        aud: clientId,
        sub: user.userId,
        email: user.email,
        name: user.name,
        iat,
        exp: iat + ID_TOKEN_TTL_S,
        jti: randomAlnum(random, 16),
      },
      JWT_KEY,
    );
  };

  return {
    graphic(): IdaasOutcome {
      const { captchaId, image, answer } = captchas.issue();
      return {
        ok: true,
        body: { captcha_id: captchaId, image, expire: CAPTCHA_TTL_S },
        captchaAnswer: answer,
      };
    },

    verifyCaptcha(f: IdaasFields): IdaasOutcome {
      if (empty(f.captcha_id) || empty(f.captcha_code)) return fail('IDAAS.SDK.CAPTCHA.0001');
      const token = captchas.solve(f.captcha_id, f.captcha_code);
      if (token === null) return fail('IDAAS.SDK.CAPTCHA.0001');
      return { ok: true, body: { captcha_token: token, expire: CAPTCHA_TOKEN_TTL_S } };
    },

    sendCode(f: IdaasFields): IdaasOutcome {
      if (empty(f.email)) return fail('IDAAS.SDK.PARAM.0004');
      if (f.type !== 'LOGIN_EMS') return fail('IDAAS.SDK.PARAM.0005');
      if (empty(f.captcha_token) || !captchas.redeem(f.captcha_token)) {
        return fail('IDAAS.SDK.CAPTCHA.0002');
      }
      const userProblem = checkUser(f.email);
      if (userProblem !== null) return fail(userProblem);
      const code = randomDigits(random, 6);
      // A new send voids the previous code (the store keeps one per email).
      codes.put(keyOf(f.email), { code, wrong: 0 }, CODE_TTL_S * SECOND);
      deps.sendMail(f.email.trim(), code);
      return { ok: true, body: { status: 'SUCCESS', expire: CODE_TTL_S } };
    },

    login(f: IdaasFields, clientId: string): IdaasOutcome {
      if (empty(f.email)) return fail('IDAAS.SDK.PARAM.0004');
      if (empty(f.verify_code)) return fail('IDAAS.SDK.PARAM.0009');
      const userProblem = checkUser(f.email);
      if (userProblem !== null) return fail(userProblem);
      const key = keyOf(f.email);
      const pending = codes.get(key);
      if (pending?.code !== f.verify_code) {
        if (pending !== null && ++pending.wrong >= CODE_MAX_WRONG) codes.delete(key);
        return fail('IDAAS.SDK.CAPTCHA.0007');
      }
      codes.delete(key);
      let user = users.get(key);
      if (user === undefined) {
        // Automatic registration (seed 001 intro): the verified email becomes a user.
        user = { userId: newUserId(), email: key, name: key.split('@')[0] ?? key, disabled: false };
        users.set(key, user);
      }
      const sessionToken = randomAlnum(random, 32);
      sessions.put(sessionToken, { email: key, clientId }, SESSION_TTL_S * SECOND);
      return {
        ok: true,
        body: {
          session_token: sessionToken,
          expire: SESSION_TTL_S,
          status: 'SUCCESS',
          id_token: mintIdToken(user, clientId),
        },
      };
    },

    idToken(f: IdaasFields, clientId: string): IdaasOutcome {
      const session = empty(f.session_token) ? null : sessions.get(f.session_token);
      // A session belongs to the application that created it.
      if (session?.clientId !== clientId) return fail('IDAAS.SDK.TOKEN.0001');
      const user = users.get(session.email);
      if (user === undefined) return fail('IDAAS.SDK.TOKEN.0001');
      if (user.disabled) return fail('IDAAS.SDK.USER.0039');
      return { ok: true, body: { id_token: mintIdToken(user, clientId), expire: ID_TOKEN_TTL_S } };
    },

    reset(): void {
      users = seedUsers();
      captchas.clear();
      codes.clear();
      sessions.clear();
    },

    /** Control body: `{email, name?, status?: "active" | "disabled"}`. */
    createAccount(body: Record<string, unknown>): { account: string } {
      const email = keyOf(requiredString(body, 'email'));
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new InvalidAccountError('email is malformed');
      const status = optionalString(body, 'status')?.toLowerCase() ?? 'active';
      if (status !== 'active' && status !== 'disabled') {
        throw new InvalidAccountError('status must be "active" or "disabled"');
      }
      const name = optionalString(body, 'name') ?? email.split('@')[0] ?? email;
      users.set(email, { userId: newUserId(), email, name, disabled: status === 'disabled' });
      return { account: email };
    },

    sessions(): unknown[] {
      return sessions.entries().map(({ key, value, expiresAt }) => ({
        provider: 'idaas',
        account: value.email,
        clientId: value.clientId,
        sessionToken: redact(key),
        expiresAt,
      }));
    },
  };
}

export type IdaasService = ReturnType<typeof createIdaasService>;
