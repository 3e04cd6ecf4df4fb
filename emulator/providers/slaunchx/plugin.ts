/**
 * SlaunchX on the emulator (providers.md §1, secure-channel-v2.md). Registered in its own
 * encapsulated context: every body is read as raw bytes (SC endpoints must ignore the content
 * type, SCv2 §4.1), and errors raised before a handler — an oversize body above all — are
 * answered with the SlaunchX wrapper.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext, ProviderPlugin } from '../../context';
import { fastifyErrorStatus } from '../../http-errors';
import { accountFromControl } from './accounts';
import type { SxEnv } from './env';
import { registerLoginRoutes } from './login-routes';
import { registerPasswordAndRegistrationRoutes } from './password-routes';
import { replyPlain } from './pipeline';
import { fail } from './result';
import { registerScRoutes } from './sc-routes';
import { createScKeys } from './sc-keys';
import { registerSecurityRoutes } from './security-routes';
import { createSxState, type SxState } from './state';
import { registerTokenRoutes } from './token-routes';

export interface SlaunchxDeps {
  /** Real clock for envelope freshness; defaults to Date.now. */
  realNow?: () => number;
}

function listSessions(state: SxState, now: number) {
  return {
    secureChannel: [...state.scSessions.values()].map((s) => ({
      sessionId: s.id,
      clientHash: s.clientHash,
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
      expired: now >= s.expiresAt,
      envelopesReceived: s.seenNonces.size,
    })),
    login: [...state.logins.values()].map((l) => ({
      sessionId: l.id,
      portal: l.portal,
      accountId: l.accountId,
      clientHash: l.clientHash,
      expiresAt: l.expiresAt,
      expired: now >= l.expiresAt,
      failures: l.failures,
      locked: l.locked,
      mfaMethods: l.methods,
      emailCodeSent: l.emailCode !== null,
    })),
  };
}

function registerErrorHandler(app: FastifyInstance, env: SxEnv): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // Oversize, unreadable or otherwise refused bodies are validation failures (§1.2).
    const code = fastifyErrorStatus(error) < 500 ? '4000' : '5000';
    return replyPlain(env, request, reply, fail(code));
  });
}

export function createSlaunchxPlugin(deps: SlaunchxDeps = {}): ProviderPlugin {
  const realNow = deps.realNow ?? Date.now;
  const jwtSecret = randomBytes(32);
  let ctx: EmulatorContext | null = null;
  let state: SxState | null = null;

  const current = (): SxState => {
    if (state === null) throw new Error('the SlaunchX plugin is not registered yet');
    return state;
  };

  return {
    name: 'slaunchx',
    register(app, context) {
      ctx = context;
      const now = () => context.clock.now();
      state = createSxState(jwtSecret, now);
      const env: SxEnv = { ctx: context, realNow, state: current, keys: createScKeys(now) };
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
        done(null, body);
      });
      registerErrorHandler(app, env);
      registerScRoutes(app, env);
      registerLoginRoutes(app, env);
      registerTokenRoutes(app, env);
      registerSecurityRoutes(app, env);
      registerPasswordAndRegistrationRoutes(app, env);
    },
    reset() {
      if (ctx === null) return;
      const clock = ctx.clock;
      state = createSxState(jwtSecret, () => clock.now());
    },
    createAccount(body) {
      const account = accountFromControl(body);
      current().accounts.add(account);
      return { account: account.id };
    },
    totpSecret(account) {
      return current().accounts.byRef(account)?.totpSecret ?? null;
    },
    sessions() {
      return listSessions(current(), ctx?.clock.now() ?? Date.now());
    },
  };
}
