/**
 * Server side of SCv2 on the emulator: receipt checks of §4.2 in their order, and the two kinds
 * of answers — plaintext with `X-SC-Error` for SC failures (§4.2), encrypted envelopes for every
 * business result (§4.1).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sealResponse } from '../../../src/secure-channel/envelope';
import type { ScError } from '../../../src/secure-channel/errors';
import {
  SC_ERROR_HEADER,
  checkRequestEnvelope,
  checkScHeaders,
  type ScCheck,
} from '../../../src/secure-channel/server-checks';
import type { SxEnv } from './env';
import type { Lang } from './messages';
import { statusOfCode, wrap, type Wrapper } from './result';
import type { ScSession } from './state';

export interface ReceivedCall {
  sessionId: string;
  session: ScSession;
  requestNonce: Uint8Array;
  plaintext: Uint8Array;
}

/** SCv2 §4: the path of the AAD is the request path without query. */
export function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

/** The raw body as bytes: SC routes read bytes whatever the content type says (SCv2 §4.1). */
export function bodyBytes(request: FastifyRequest): Uint8Array {
  const body = request.body;
  if (body instanceof Uint8Array) return new Uint8Array(body.buffer, body.byteOffset, body.length);
  return new Uint8Array(0);
}

/** SCv2 §4.2, every row in order; the nonce is recorded only after its tag verified. */
export function receiveEnvelope(env: SxEnv, request: FastifyRequest): ScCheck<ReceivedCall> {
  const sessions = env.state().scSessions;
  const headers = checkScHeaders({
    headers: request.headers,
    lookup: (id) => sessions.get(id),
    serviceNowMs: env.ctx.clock.now(),
  });
  if (!headers.ok) return headers;
  const { sessionId, session } = headers.value;
  const opened = checkRequestEnvelope({
    key: session.key,
    sessionId,
    method: request.method,
    path: pathOf(request),
    envelope: bodyBytes(request),
    serverNowMs: env.realNow(),
    seenNonces: session.seenNonces,
  });
  if (!opened.ok) return opened;
  return {
    ok: true,
    value: {
      sessionId,
      session,
      requestNonce: opened.value.header.nonce,
      plaintext: opened.value.plaintext,
    },
  };
}

export function sendPlain(reply: FastifyReply, status: number, wrapper: Wrapper): FastifyReply {
  return reply.code(status).type('application/json').send(wrapper);
}

/** SCv2 §4.2: SC failures are plaintext wrappers with `X-SC-Error`. */
export function sendScError(
  reply: FastifyReply,
  error: ScError,
  lang: Lang,
  timestamp: number,
): FastifyReply {
  const wrapper = wrap({ success: false, code: error.code, data: null }, lang, timestamp);
  return sendPlain(reply.header(SC_ERROR_HEADER, error.code), statusOfCode(error.code), wrapper);
}

/** SCv2 §4.1: the envelope as an octet stream; the status still carries the result's class. */
export function sendEncrypted(
  reply: FastifyReply,
  env: SxEnv,
  call: ReceivedCall,
  status: number,
  wrapper: Wrapper,
): FastifyReply {
  const envelope = sealResponse({
    key: call.session.key,
    sessionId: call.sessionId,
    requestNonce: call.requestNonce,
    plaintext: JSON.stringify(wrapper),
    timestamp: env.realNow(),
    nonce: randomBytes(12),
  });
  return reply.code(status).type('application/octet-stream').send(Buffer.from(envelope));
}
