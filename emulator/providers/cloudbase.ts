import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext, ProviderPlugin } from '../context';
import { CAPTCHA_ANSWER_HEADER } from './shared/captcha';
import {
  BODY_LIMIT,
  defaultRandom,
  isClientRequestError,
  randomUuid,
  readStringBody,
  type RandomBytes,
} from './shared/provider-kit';
import { cloudbaseError } from './cloudbase/errors';
import {
  createCloudbaseService,
  type CloudbaseFields,
  type CloudbaseOutcome,
} from './cloudbase/service';

/** CloudBase routes (providers.md §4) under `/auth/v1`. */

export interface CloudbasePluginOptions {
  /**
   * Seed 004's admin switch "username login": when false, username/password signin answers
   * HTTP 501 `unimplemented`. A setting of the emulator instance (default true), not of an
   * account, so `reset()` keeps it.
   */
  usernameLogin?: boolean;
  random?: RandomBytes;
}

const BASE = '/auth/v1';

const headerOf = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function sendError(reply: FastifyReply, code: string, description?: string): FastifyReply {
  const answer = cloudbaseError(code, description);
  return reply.code(answer.status).send(answer.body);
}

export function createCloudbasePlugin(options: CloudbasePluginOptions = {}): ProviderPlugin {
  const random = options.random ?? defaultRandom;
  let context: EmulatorContext | null = null;
  const service = createCloudbaseService({
    now: () => context?.clock.now() ?? Date.now(),
    random,
    usernameLogin: options.usernameLogin ?? true,
    sendCode: (to, code) => {
      context?.mailbox.deliver({
        to,
        subject: 'CloudBase verification code',
        text: `Your CloudBase verification code is ${code}. It is valid for 10 minutes.`,
      });
    },
  });

  const sendOutcome = (reply: FastifyReply, outcome: CloudbaseOutcome): FastifyReply => {
    if (!outcome.ok) return sendError(reply, outcome.code, outcome.description);
    if (outcome.captchaAnswer !== undefined && context?.options.production === false) {
      reply.header(CAPTCHA_ANSWER_HEADER, outcome.captchaAnswer);
    }
    return reply.code(200).send(outcome.body);
  };

  const route = (
    scope: FastifyInstance,
    path: string,
    fields: readonly string[],
    handle: (f: CloudbaseFields, request: FastifyRequest) => CloudbaseOutcome,
  ): void => {
    scope.post(`${BASE}${path}`, { bodyLimit: BODY_LIMIT }, (request, reply) => {
      const body = readStringBody(request.body, fields);
      if (!body.ok) {
        const detail = body.field === null ? 'a JSON object' : `field "${body.field}"`;
        return sendError(reply, 'invalid_argument', `Invalid request body: ${detail}`);
      }
      return sendOutcome(reply, handle(body.fields, request));
    });
  };

  return {
    name: 'cloudbase',
    register(app: FastifyInstance, ctx: EmulatorContext): void {
      context = ctx;
      void app.register((scope, _opts, done) => {
        scope.setErrorHandler((error, _request, reply) =>
          isClientRequestError(error)
            ? sendError(reply, 'invalid_argument', 'The request body is not valid JSON')
            : reply.code(500).send({ error: 'internal', error_description: 'Internal error' }),
        );
        scope.addHook('onRequest', (_request, reply, next) => {
          // §4: every response, errors included, carries a request id.
          reply.header('X-Request-Id', randomUuid(random));
          const fault = ctx.takeFault('cloudbase');
          if (fault === null) {
            next();
            return;
          }
          sendError(reply, fault);
        });
        route(scope, '/signin', ['username', 'password', 'verification_token'], (f, request) =>
          service.signin(f, headerOf(request, 'x-captcha-token')?.trim() ?? null),
        );
        route(scope, '/verification', ['email', 'phone_number', 'target'], (f) =>
          service.startVerification(f),
        );
        route(scope, '/verification/verify', ['verification_id', 'verification_code'], (f) =>
          service.verify(f),
        );
        route(scope, '/captcha/data', [], () => service.captchaData());
        route(scope, '/captcha/verify', ['captcha_id', 'answer'], (f) => service.captchaVerify(f));
        route(scope, '/token', ['grant_type', 'refresh_token'], (f) => service.token(f));
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
