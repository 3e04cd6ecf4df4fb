/**
 * SlaunchX password lifecycle and registration (providers.md §1.6), SC and strict. The policy is
 * checked before any code or secret, so a weak password never spends a code.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Account, Portal } from './accounts';
import type { SxEnv } from './env';
import { mailCode, sameCode } from './mfa';
import { scBearerRoute, scRoute, type Call } from './pipeline';
import { fail, ok } from './result';
import {
  ChangeBody,
  ForgotBody,
  InitBody,
  RegisterCompleteBody,
  RegisterStartBody,
  RegisterVerifyBody,
  ResetBody,
  meetsPasswordPolicy,
} from './schemas';
import type { CountedCode } from './state';

const MAX_WRONG_CODES = 5;
const REGISTRATION_TTL_MS = 1_800_000;

const resetKey = (portal: Portal, email: string) => `${portal}:${email.toLowerCase()}`;

/** A wrong code counts; the 5th voids it, so a code cannot be guessed across many calls. */
function spendCode(
  call: Call<unknown>,
  issued: CountedCode | undefined,
  given: string,
  forget: () => void,
): boolean {
  if (issued === undefined || call.now >= issued.expiresAt) return false;
  if (sameCode(issued.code, given)) return true;
  issued.failures += 1;
  if (issued.failures >= MAX_WRONG_CODES) forget();
  return false;
}

function registerPasswordRoutes(app: FastifyInstance, env: SxEnv): void {
  scRoute(app, env, {
    path: '/auth/password/forgot',
    schema: ForgotBody,
    rateLimited: true,
    handle(call) {
      const account = call.state.accounts.find(call.portal, call.body.email);
      // Always success: whether the account exists shows only in its own mailbox (§1.6).
      if (account !== undefined) {
        const code = mailCode(env.ctx.mailbox, account.email, call.now, 'password reset');
        call.state.resetCodes.set(resetKey(call.portal, account.email), { ...code, failures: 0 });
      }
      return ok(null);
    },
  });

  scRoute(app, env, {
    path: '/auth/password/reset',
    schema: ResetBody,
    rateLimited: true,
    handle(call) {
      const { email, code, newPassword } = call.body;
      if (!meetsPasswordPolicy(newPassword)) return fail('AUTH.PASSWORD_POLICY');
      const key = resetKey(call.portal, email);
      const codes = call.state.resetCodes;
      const account = call.state.accounts.find(call.portal, email);
      if (
        account === undefined ||
        !spendCode(call, codes.get(key), code, () => codes.delete(key))
      ) {
        return fail('AUTH.MFA_CODE_INVALID');
      }
      codes.delete(key);
      account.password = newPassword;
      call.state.tokens.revokeAccount(account.id); // a reset signs every session out
      return ok(null);
    },
  });

  scRoute(app, env, {
    path: '/auth/password/init',
    schema: InitBody,
    handle(call) {
      if (!meetsPasswordPolicy(call.body.newPassword)) return fail('AUTH.PASSWORD_POLICY');
      const account = call.state.accounts
        .list()
        .find((a) => a.portal === call.portal && a.initToken === call.body.initToken);
      if (account === undefined) return fail('AUTH.TOKEN_INVALID');
      account.initToken = null; // single use
      account.password = call.body.newPassword;
      return ok(null);
    },
  });

  scBearerRoute(app, env, {
    path: '/auth/password/change',
    schema: ChangeBody,
    rateLimited: true,
    handle(call) {
      if (!meetsPasswordPolicy(call.body.newPassword)) return fail('AUTH.PASSWORD_POLICY');
      const current = call.account.password;
      if (current === null || !sameCode(current, call.body.oldPassword)) {
        return fail('AUTH.INVALID_CREDENTIALS');
      }
      call.account.password = call.body.newPassword;
      return ok(null);
    },
  });
}

function registerRegistrationRoutes(app: FastifyInstance, env: SxEnv): void {
  scRoute(app, env, {
    path: '/auth/register/start',
    schema: RegisterStartBody,
    handle(call) {
      const email = call.body.email.toLowerCase();
      const id = randomUUID();
      const code = mailCode(env.ctx.mailbox, email, call.now, 'registration');
      call.state.registrations.set(id, {
        id,
        portal: call.portal,
        email,
        code: { ...code, failures: 0 },
        verified: false,
        expiresAt: call.now + REGISTRATION_TTL_MS,
      });
      return ok({ registrationId: id });
    },
  });

  scRoute(app, env, {
    path: '/auth/register/verify',
    schema: RegisterVerifyBody,
    handle(call) {
      const { registrations } = call.state;
      const reg = registrations.get(call.body.registrationId);
      if (reg === undefined || reg.portal !== call.portal || call.now >= reg.expiresAt) {
        return fail('AUTH.REGISTRATION_EXPIRED');
      }
      if (!spendCode(call, reg.code, call.body.code, () => registrations.delete(reg.id))) {
        return fail('AUTH.MFA_CODE_INVALID');
      }
      reg.verified = true;
      return ok(null);
    },
  });

  scRoute(app, env, {
    path: '/auth/register/complete',
    schema: RegisterCompleteBody,
    handle(call) {
      const { registrations, accounts } = call.state;
      const reg = registrations.get(call.body.registrationId);
      if (reg === undefined || reg.portal !== call.portal || call.now >= reg.expiresAt) {
        return fail('AUTH.REGISTRATION_EXPIRED');
      }
      if (!reg.verified) return fail('AUTH.REGISTRATION_NOT_VERIFIED');
      if (!meetsPasswordPolicy(call.body.password)) return fail('AUTH.PASSWORD_POLICY');
      // Only the owner of the mailbox gets this far, so this answer enumerates nothing.
      if (accounts.find(call.portal, reg.email) !== undefined) {
        return fail('AUTH.EMAIL_ALREADY_REGISTERED');
      }
      registrations.delete(reg.id);
      // Emulator decision: system (operator) accounts wait for approval, consumers are active.
      const status = call.portal === 'system' ? 'PENDING_APPROVAL' : 'ACTIVE';
      accounts.add(
        newAccount(reg.email, call.portal, call.body.password, call.body.displayName, status),
      );
      return ok({ accountStatus: status });
    },
  });
}

function newAccount(
  email: string,
  portal: Portal,
  password: string,
  displayName: string,
  status: Account['status'],
): Account {
  const id = `ACC_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
  return {
    id,
    portal,
    email,
    password,
    displayName,
    status,
    methods: new Set(),
    totpSecret: null,
    backupCodes: new Set(),
    locale: 'en',
    initToken: null,
  };
}

export function registerPasswordAndRegistrationRoutes(app: FastifyInstance, env: SxEnv): void {
  registerPasswordRoutes(app, env);
  registerRegistrationRoutes(app, env);
}
