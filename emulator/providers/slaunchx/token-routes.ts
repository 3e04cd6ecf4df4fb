/** SlaunchX tokens and profile (providers.md §1.4): refresh, logout, profile. Not rate limited. */
import type { FastifyInstance } from 'fastify';
import { PORTALS, sortedMethods } from './accounts';
import type { SxEnv } from './env';
import { authenticate, gatewayHook, replyPlain, scBearerRoute, scRoute } from './pipeline';
import { fail, ok } from './result';
import { EmptyBody, RefreshBody } from './schemas';

export function registerTokenRoutes(app: FastifyInstance, env: SxEnv): void {
  scRoute(app, env, {
    path: '/auth/token/refresh',
    schema: RefreshBody,
    handle(call) {
      const refreshed = call.state.tokens.refresh(call.body.refreshToken, call.portal);
      return refreshed.ok ? ok({ ...refreshed.value }) : fail(refreshed.code);
    },
  });

  scBearerRoute(app, env, {
    path: '/auth/logout',
    schema: EmptyBody,
    handle(call) {
      call.state.tokens.revokeFamily(call.claims.sid);
      return ok(null);
    },
  });

  // A GET carries no envelope, so the profile is plaintext (SCv2 §1).
  for (const portal of PORTALS) {
    app.get(
      `/web/v1/${portal}/profile`,
      { onRequest: gatewayHook(env, portal) },
      (request, reply) => {
        const fault = env.ctx.takeFault('slaunchx');
        if (fault !== null)
          return replyPlain(env, request, reply, { success: false, code: fault, data: null });
        const auth = authenticate(env.state(), request.headers, portal);
        if (!auth.ok) return replyPlain(env, request, reply, auth.result);
        const { account } = auth;
        return replyPlain(
          env,
          request,
          reply,
          ok({
            accountId: account.id,
            email: account.email,
            displayName: account.displayName,
            portal: account.portal,
            mfaMethods: sortedMethods(account),
            locale: account.locale,
          }),
        );
      },
    );
  }
}
