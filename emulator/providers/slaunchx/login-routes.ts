/**
 * SlaunchX login (providers.md §1.3):
 *
 *   initiate ──▶ login session (300 s, bound to X-Client-Hash)
 *      │             │ mfa/send (EMAIL only; a new send voids the previous code)
 *      │             ▼
 *      │          complete ── right code ──▶ tokens | ACCOUNT_PENDING_APPROVAL (session consumed)
 *      │             └─ wrong code ──▶ MFA_CODE_INVALID; the 5th ──▶ LOGIN_SESSION_LOCKED
 *      └─ no MFA ──▶ tokens directly
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MFA, sortedMethods, type Account, type MfaMethod } from './accounts';
import type { SxEnv } from './env';
import { CODE_TTL_MS, RESEND_AFTER_S, mailCode, sameCode, verifyTotp } from './mfa';
import { scRoute, type Call } from './pipeline';
import { fail, ok, type SxResult } from './result';
import { CompleteBody, InitiateBody, MfaSendBody } from './schemas';
import { usedStepsOf, type LoginSession } from './state';

const LOGIN_TTL_MS = 300_000;
const MAX_WRONG_CODES = 5;
const PENDING = { isPendingApproval: true } as const;

/** `a***n@slaunchx.test`: first and last character of the local part (§1.3). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const last = local.length > 1 ? local.slice(-1) : '';
  return `${local.slice(0, 1)}***${last}${email.slice(at)}`;
}

function tokensFor(call: Call<unknown>, account: Account): SxResult {
  return ok({ ...call.state.tokens.issue(account.id, call.portal), accountStatus: null });
}

type Opened =
  { ok: true; session: LoginSession; account: Account } | { ok: false; result: SxResult };

/** Unknown, expired or other-portal sessions read as expired; then client, then lock. */
function openLogin(call: Call<unknown>, sessionId: string): Opened {
  const session = call.state.logins.get(sessionId);
  const account = session && call.state.accounts.byId(session.accountId);
  if (session === undefined || account === undefined || session.portal !== call.portal) {
    return { ok: false, result: fail('AUTH.LOGIN_SESSION_EXPIRED') };
  }
  if (call.now >= session.expiresAt)
    return { ok: false, result: fail('AUTH.LOGIN_SESSION_EXPIRED') };
  if (session.clientHash !== call.clientHash)
    return { ok: false, result: fail('AUTH.CLIENT_MISMATCH') };
  if (session.locked) return { ok: false, result: fail('AUTH.LOGIN_SESSION_LOCKED') };
  return { ok: true, session, account };
}

function codeIsRight(
  call: Call<unknown>,
  session: LoginSession,
  account: Account,
  method: MfaMethod,
  code: string,
): boolean {
  if (method === MFA.EMAIL) {
    const sent = session.emailCode;
    return sent !== null && call.now < sent.expiresAt && sameCode(sent.code, code);
  }
  if (method === MFA.OTP) {
    const secret = account.totpSecret;
    return (
      secret !== null && verifyTotp(secret, code, call.now, usedStepsOf(call.state, account.id))
    );
  }
  return account.backupCodes.delete(code); // single use (§1.3)
}

export function registerLoginRoutes(app: FastifyInstance, env: SxEnv): void {
  scRoute(app, env, {
    path: '/auth/login/initiate',
    schema: InitiateBody,
    rateLimited: true,
    handle(call) {
      const account = call.state.accounts.find(call.portal, call.body.email);
      const password = account?.password ?? null;
      if (account === undefined || password === null || !sameCode(password, call.body.password)) {
        return fail('AUTH.INVALID_CREDENTIALS');
      }
      const methods = sortedMethods(account);
      if (methods.length === 0) {
        if (account.status === 'PENDING_APPROVAL') return fail('ACCOUNT_PENDING_APPROVAL', PENDING);
        const issued = tokensFor(call, account);
        return issued.success ? ok({ mfaRequired: false, ...issued.data }) : issued;
      }
      const session: LoginSession = {
        id: randomUUID(),
        accountId: account.id,
        portal: call.portal,
        clientHash: call.clientHash,
        expiresAt: call.now + LOGIN_TTL_MS,
        failures: 0,
        locked: false,
        emailCode: null,
        methods,
      };
      call.state.logins.set(session.id, session);
      return ok({
        sessionId: session.id,
        mfaRequired: true,
        mfaMethods: methods,
        maskedEmail: maskEmail(account.email),
        expiresIn: LOGIN_TTL_MS / 1000,
      });
    },
  });

  scRoute(app, env, {
    path: '/auth/login/mfa/send',
    schema: MfaSendBody,
    rateLimited: true,
    handle(call) {
      if (call.body.method !== MFA.EMAIL) return fail('4000'); // §1.3: only EMAIL is sent
      const opened = openLogin(call, call.body.sessionId);
      if (!opened.ok) return opened.result;
      if (!opened.account.methods.has(MFA.EMAIL)) return fail('AUTH.MFA_METHOD_NOT_ENABLED');
      opened.session.emailCode = mailCode(
        env.ctx.mailbox,
        opened.account.email,
        call.now,
        'sign-in',
      );
      return ok({ method: MFA.EMAIL, expiresIn: CODE_TTL_MS / 1000, resendAfter: RESEND_AFTER_S });
    },
  });

  scRoute(app, env, {
    path: '/auth/login/complete',
    schema: CompleteBody,
    rateLimited: true,
    handle(call) {
      const opened = openLogin(call, call.body.sessionId);
      if (!opened.ok) return opened.result;
      const { session, account } = opened;
      const { method, code } = call.body;
      if (!account.methods.has(method)) return fail('AUTH.MFA_METHOD_NOT_ENABLED');
      if (!codeIsRight(call, session, account, method, code)) {
        session.failures += 1;
        if (session.failures < MAX_WRONG_CODES) return fail('AUTH.MFA_CODE_INVALID');
        session.locked = true;
        return fail('AUTH.LOGIN_SESSION_LOCKED');
      }
      call.state.logins.delete(session.id); // single-use, also when pending (§1.3)
      if (account.status === 'PENDING_APPROVAL') return fail('ACCOUNT_PENDING_APPROVAL', PENDING);
      return tokensFor(call, account);
    },
  });
}
