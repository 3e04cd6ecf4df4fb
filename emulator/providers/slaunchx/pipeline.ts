/**
 * The order every SlaunchX business call goes through (providers.md §1, SCv2 §4.2):
 *
 *   gateway (plaintext) → SC checks (plaintext, X-SC-Error) → rate limit → injected fault
 *     → plaintext is a JSON object → Bearer (if the call needs it) → strict body → handler
 *
 * Everything after the SC checks is answered encrypted. The rate limit counts every request
 * that passed the SC checks, whatever its answer (§1.3), so it runs before the body checks.
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import * as v from 'valibot';
import { fromUtf8 } from '../../../src/secure-channel/bytes';
import { PORTALS, type Account, type Portal } from './accounts';
import type { SxEnv } from './env';
import { checkGateway, clientHashOf, type GatewayScope } from './gateway';
import { negotiateLanguage, type Lang } from './messages';
import { fail, statusOf, wrap, type SxResult } from './result';
import {
  receiveEnvelope,
  sendEncrypted,
  sendPlain,
  sendScError,
  type ReceivedCall,
} from './secure-channel';
import type { SxState } from './state';
import type { AccessClaims } from './tokens';

export interface Call<B> {
  body: B;
  portal: Portal;
  clientHash: string;
  lang: Lang;
  /** Service clock, ms. */
  now: number;
  state: SxState;
}

export interface AuthedCall<B> extends Call<B> {
  account: Account;
  claims: AccessClaims;
}

type Awaitable<T> = T | Promise<T>;

interface RouteDef<S extends v.GenericSchema> {
  /** Under the portal prefix, e.g. `/auth/login/initiate`. */
  path: string;
  schema: S;
  rateLimited?: boolean;
}

export const langOf = (request: FastifyRequest): Lang =>
  negotiateLanguage(request.headers['accept-language']);

/** Sends a result as a plaintext wrapper (gateway failures, plaintext calls). */
export function replyPlain(
  env: SxEnv,
  request: FastifyRequest,
  reply: FastifyReply,
  result: SxResult,
) {
  withRetryAfter(reply, result);
  return sendPlain(reply, statusOf(result), wrap(result, langOf(request), env.ctx.clock.now()));
}

/** providers.md §1.1: runs before the body is read, so its failures come first. */
export function gatewayHook(env: SxEnv, scope: GatewayScope) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const code = checkGateway(request.headers, scope, env.ctx.options.production);
    if (code === null) {
      done();
      return;
    }
    void replyPlain(env, request, reply, fail(code));
  };
}

/** providers.md §1.2: a 429 carries `Retry-After` as well as `data.retryAfter`. */
function withRetryAfter(reply: FastifyReply, result: SxResult): void {
  const wait = result.success ? undefined : result.data?.retryAfter;
  if (typeof wait === 'number') void reply.header('Retry-After', String(wait));
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(fromUtf8(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

type Authenticated =
  { ok: true; account: Account; claims: AccessClaims } | { ok: false; result: SxResult };

/** `Authorization: Bearer <jwt>` for the portal it is presented on (providers.md §1.4). */
export function authenticate(
  state: SxState,
  headers: IncomingHttpHeaders,
  portal: Portal,
): Authenticated {
  const match = /^Bearer ([^\s]+)$/i.exec(headers.authorization ?? ''); // the scheme is case-insensitive (RFC 9110 §11.1)
  if (match?.[1] === undefined) return { ok: false, result: fail('4010') };
  const checked = state.tokens.verifyAccess(match[1], portal);
  if (!checked.ok) return { ok: false, result: fail(checked.code) };
  const account = state.accounts.byId(checked.value.sub);
  if (account === undefined) return { ok: false, result: fail('AUTH.TOKEN_INVALID') };
  return { ok: true, account, claims: checked.value };
}

type Run<B> = (call: Call<B>, auth: AuthedCall<B> | null) => Awaitable<SxResult>;

interface InternalDef<S extends v.GenericSchema> extends RouteDef<S> {
  bearer: boolean;
  run: Run<v.InferOutput<S>>;
}

async function business<S extends v.GenericSchema>(
  env: SxEnv,
  request: FastifyRequest,
  portal: Portal,
  def: InternalDef<S>,
  received: ReceivedCall,
): Promise<SxResult> {
  const state = env.state();
  const now = env.ctx.clock.now();
  const clientHash = clientHashOf(request.headers);
  if (def.rateLimited === true) {
    const wait = state.rateLimit.hit(`${portal}${def.path}|${clientHash}`, now);
    if (wait !== null) return fail('RATE_LIMITED', { retryAfter: wait });
  }
  const fault = env.ctx.takeFault('slaunchx');
  if (fault !== null) return { success: false, code: fault, data: null };
  const json = parseJsonObject(received.plaintext);
  if (json === null) return fail('4000'); // SCv2 §4.2 last row
  const auth = def.bearer ? authenticate(state, request.headers, portal) : null;
  if (auth?.ok === false) return auth.result;
  const parsed = v.safeParse(def.schema, json);
  if (!parsed.success) return fail('4000');
  const call = { body: parsed.output, portal, clientHash, lang: langOf(request), now, state };
  return def.run(
    call,
    auth === null ? null : { ...call, account: auth.account, claims: auth.claims },
  );
}

function register<S extends v.GenericSchema>(
  app: FastifyInstance,
  env: SxEnv,
  def: InternalDef<S>,
) {
  for (const portal of PORTALS) {
    app.post(
      `/web/v1/${portal}${def.path}`,
      { onRequest: gatewayHook(env, portal) },
      async (request, reply) => {
        const received = receiveEnvelope(env, request);
        if (!received.ok) {
          return sendScError(reply, received.error, langOf(request), env.ctx.clock.now());
        }
        let result: SxResult;
        try {
          result = await business(env, request, portal, def, received.value);
        } catch {
          result = fail('5000'); // a handler bug still gets an encrypted, stack-free answer
        }
        withRetryAfter(reply, result);
        const wrapper = wrap(result, langOf(request), env.ctx.clock.now());
        return sendEncrypted(reply, env, received.value, statusOf(result), wrapper);
      },
    );
  }
}

/** An SC-encrypted, strict call without a Bearer token, on both portals. */
export function scRoute<S extends v.GenericSchema>(
  app: FastifyInstance,
  env: SxEnv,
  def: RouteDef<S> & { handle: (call: Call<v.InferOutput<S>>) => Awaitable<SxResult> },
): void {
  register(app, env, { ...def, bearer: false, run: (call) => def.handle(call) });
}

/** An SC-encrypted, strict call that needs `Authorization: Bearer`, on both portals. */
export function scBearerRoute<S extends v.GenericSchema>(
  app: FastifyInstance,
  env: SxEnv,
  def: RouteDef<S> & { handle: (call: AuthedCall<v.InferOutput<S>>) => Awaitable<SxResult> },
): void {
  register(app, env, {
    ...def,
    bearer: true,
    run: (_call, authed) => (authed === null ? fail('4010') : def.handle(authed)),
  });
}
