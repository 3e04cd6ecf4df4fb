import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext, ProviderPlugin } from '../context';
import { CAPTCHA_ANSWER_HEADER } from './shared/captcha';
import {
  BODY_LIMIT,
  isClientRequestError,
  readStringBody,
  type RandomBytes,
} from './shared/provider-kit';
import { idaasError, parseIdaasLanguage, type IdaasErrorCode } from './idaas/messages';
import {
  createIdaasService,
  IDAAS_CLIENT_ID,
  type IdaasFields,
  type IdaasOutcome,
} from './idaas/service';

/** IDaaS CIAM routes (providers.md §2) under `/api/v2/sdk`. */

export interface IdaasPluginOptions {
  /** Seed 001: an unknown email is registered by a successful login (default off → USER.0001). */
  autoRegister?: boolean;
  /** Registered application ids (default: the §7 client id). */
  clientIds?: readonly string[];
  random?: RandomBytes;
}

const BASE = '/api/v2/sdk';
const DEVICE_HEADERS = ['x-device-fingerprint', 'x-operating-sys-version', 'x-agent'] as const;

const headerOf = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const isJsonContentType = (value: string | undefined): boolean =>
  value?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** §2: PARAM.0002 (empty client id), PARAM.0003 (unregistered), PARAM.0001 (device headers). */
function checkHeaders(
  request: FastifyRequest,
  clientIds: readonly string[],
): IdaasErrorCode | null {
  const clientId = headerOf(request, 'x-client-id')?.trim() ?? '';
  if (clientId === '') return 'IDAAS.SDK.PARAM.0002';
  if (!clientIds.includes(clientId)) return 'IDAAS.SDK.PARAM.0003';
  const missing = DEVICE_HEADERS.some((name) => (headerOf(request, name)?.trim() ?? '') === '');
  // content-type is one of the seed's required headers, so a wrong one is incomplete device info.
  if (missing || !isJsonContentType(headerOf(request, 'content-type'))) {
    return 'IDAAS.SDK.PARAM.0001';
  }
  return null;
}

export function createIdaasPlugin(options: IdaasPluginOptions = {}): ProviderPlugin {
  const clientIds = options.clientIds ?? [IDAAS_CLIENT_ID];
  let context: EmulatorContext | null = null;
  const service = createIdaasService({
    now: () => context?.clock.now() ?? Date.now(),
    random: options.random,
    autoRegister: options.autoRegister ?? false,
    sendMail: (to, code) => {
      context?.mailbox.deliver({
        to,
        subject: 'IDaaS verification code',
        text: `Your IDaaS verification code is ${code}. It is valid for 5 minutes.`,
      });
    },
  });

  const sendError = (request: FastifyRequest, reply: FastifyReply, code: string): FastifyReply => {
    const error = idaasError(code, parseIdaasLanguage(headerOf(request, 'x-l')));
    return reply.code(error.status).send(error.body);
  };

  const sendOutcome = (
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: IdaasOutcome,
  ): FastifyReply => {
    if (!outcome.ok) return sendError(request, reply, outcome.code);
    if (outcome.captchaAnswer !== undefined && context?.options.production === false) {
      reply.header(CAPTCHA_ANSWER_HEADER, outcome.captchaAnswer);
    }
    return reply.code(200).send(outcome.body);
  };

  const route = (
    scope: FastifyInstance,
    path: string,
    fields: readonly string[],
    handle: (f: IdaasFields, clientId: string) => IdaasOutcome,
  ): void => {
    scope.post(`${BASE}${path}`, { bodyLimit: BODY_LIMIT }, (request, reply) => {
      const body = readStringBody(request.body, fields);
      if (!body.ok) return sendError(request, reply, 'IDAAS.SDK.PARAM.0000');
      return sendOutcome(
        request,
        reply,
        handle(body.fields, headerOf(request, 'x-client-id')?.trim() ?? ''),
      );
    });
  };

  return {
    name: 'idaas',
    register(app: FastifyInstance, ctx: EmulatorContext): void {
      context = ctx;
      void app.register((scope, _opts, done) => {
        scope.setErrorHandler((error, request, reply) =>
          // Bad JSON, empty or oversized bodies: the contract's malformed-body code (§2).
          isClientRequestError(error)
            ? sendError(request, reply, 'IDAAS.SDK.PARAM.0000')
            : sendError(request, reply, 'IDAAS.SDK.COM.0002'),
        );
        // Runs before the body is parsed, so header failures win over body failures.
        scope.addHook('onRequest', (request, reply, next) => {
          const fault = ctx.takeFault('idaas');
          const problem = fault ?? checkHeaders(request, clientIds);
          if (problem === null) {
            next();
            return;
          }
          sendError(request, reply, problem);
        });
        route(scope, '/captcha/graphic', [], () => service.graphic());
        route(scope, '/captcha/graphic/verify', ['captcha_id', 'captcha_code'], (f) =>
          service.verifyCaptcha(f),
        );
        route(scope, '/send-email-verify-code', ['email', 'type', 'captcha_token'], (f) =>
          service.sendCode(f),
        );
        route(scope, '/login/email-verify-code', ['email', 'verify_code'], (f, clientId) =>
          service.login(f, clientId),
        );
        route(scope, '/token/id-token', ['session_token'], (f, clientId) =>
          service.idToken(f, clientId),
        );
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
