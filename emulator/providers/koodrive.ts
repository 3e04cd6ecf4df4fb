import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext, ProviderPlugin } from '../context';
import {
  BODY_LIMIT,
  isClientRequestError,
  readStringBody,
  type RandomBytes,
} from './shared/provider-kit';
import {
  createKoodriveService,
  KOODRIVE_MESSAGES,
  type KoodriveCode,
  type KoodriveFields,
  type KoodriveOutcome,
} from './koodrive/service';

/** Koodrive routes (providers.md §3) under `/koodrive/ose/v1/auth`. */

export interface KoodrivePluginOptions {
  random?: RandomBytes;
}

const BASE = '/koodrive/ose/v1/auth';
// The seed says "58 bits"; the contract accepts up to 64 characters (§3).
const TRACE_ID_MAX = 64;

const headerOf = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const isKnownCode = (code: string): code is KoodriveCode => Object.hasOwn(KOODRIVE_MESSAGES, code);

export function createKoodrivePlugin(options: KoodrivePluginOptions = {}): ProviderPlugin {
  let context: EmulatorContext | null = null;
  const service = createKoodriveService({
    now: () => context?.clock.now() ?? Date.now(),
    random: options.random,
    sendSms: (to, code) => {
      context?.mailbox.deliver({
        to,
        subject: 'Koodrive verification code',
        text: `[Koodrive] Your verification code is ${code}. It expires in 5 minutes.`,
      });
    },
  });

  /** §3: string codes, or JSON numbers everywhere under `--koodrive-numeric-code`. */
  const wireCode = (code: string): string | number =>
    context?.options.koodriveNumericCode === true && /^\d+$/.test(code) ? Number(code) : code;

  const sendCode = (reply: FastifyReply, code: string, status = 200): FastifyReply => {
    // An injected fault outside the table still gets a readable message.
    const msg = isKnownCode(code) ? KOODRIVE_MESSAGES[code] : 'System busy, please try again later';
    return reply.code(status).send({ code: wireCode(code), msg });
  };

  const sendOutcome = (reply: FastifyReply, outcome: KoodriveOutcome): FastifyReply =>
    outcome.ok
      ? reply
          .code(200)
          .send({ code: wireCode('0'), msg: KOODRIVE_MESSAGES['0'], data: outcome.data })
      : sendCode(reply, outcome.code);

  const route = (
    scope: FastifyInstance,
    path: string,
    fields: readonly string[],
    handle: (f: KoodriveFields) => KoodriveOutcome,
  ): void => {
    scope.post(`${BASE}${path}`, { bodyLimit: BODY_LIMIT }, (request, reply) => {
      const body = readStringBody(request.body, fields);
      return body.ok ? sendOutcome(reply, handle(body.fields)) : sendCode(reply, '10003');
    });
  };

  return {
    name: 'koodrive',
    register(app: FastifyInstance, ctx: EmulatorContext): void {
      context = ctx;
      void app.register((scope, _opts, done) => {
        scope.setErrorHandler((error, _request, reply) =>
          // §3: malformed JSON → HTTP 400 "10003"; empty, oversized or non-JSON bodies alike.
          isClientRequestError(error)
            ? sendCode(reply, '10003', 400)
            : reply.code(500).send({ code: wireCode('500'), msg: 'Internal server error' }),
        );
        scope.addHook('onRequest', (request, reply, next) => {
          const traceId = headerOf(request, 'x-traceid');
          const traceOk = traceId === undefined || traceId.length <= TRACE_ID_MAX;
          if (traceId !== undefined && traceOk) reply.header('X-Traceid', traceId);
          const fault = ctx.takeFault('koodrive');
          if (fault !== null) {
            sendCode(reply, fault);
            return;
          }
          // §3: a missing agent name is a business error (HTTP 200), checked before the body.
          if ((headerOf(request, 'x-hw-agentname')?.trim() ?? '') === '' || !traceOk) {
            sendCode(reply, '10003');
            return;
          }
          next();
        });
        route(scope, '/login', ['account', 'authType', 'password', 'captchaToken'], (f) =>
          service.login(f),
        );
        route(scope, '/verifycode/send', ['account'], (f) => service.sendCode(f));
        route(scope, '/verifycode/verify', ['account', 'verifyCode'], (f) => service.verifyCode(f));
        route(scope, '/token/refresh', ['refreshToken'], (f) => service.refresh(f));
        done();
      });
    },
    reset: () => {
      service.reset();
    },
    createAccount: (body) => service.createAccount(body),
    totpSecret: () => null,
    sessions: () => ({ secureChannel: [], login: service.sessions() }),
  };
}
