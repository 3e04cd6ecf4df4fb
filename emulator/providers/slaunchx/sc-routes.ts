/**
 * The secure-channel endpoints (SCv2 §1–§3, §5), not under a portal prefix and open to either
 * portal's access code (providers.md §1.1). Their failures are plaintext (SCv2 §4.2).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { fromUtf8, toB64 } from '../../../src/secure-channel/bytes';
import { ScError } from '../../../src/secure-channel/errors';
import { keyConfirmation, unwrapSessionKey } from '../../../src/secure-channel/key-exchange';
import { clientHashOf } from './gateway';
import type { SxEnv } from './env';
import { gatewayHook, langOf, replyPlain } from './pipeline';
import { fail, ok, wrap } from './result';
import { EmptyBody } from './schemas';
import { bodyBytes, receiveEnvelope, sendEncrypted, sendScError } from './secure-channel';
import type { SxState } from './state';

const SC = '/web/v1/secure-channel';
export const SESSION_TTL_S = 1800; // SCv2 §3 step 6: emulator default
/** Expired sessions still answer SC.SESSION_EXPIRED for an hour, then are forgotten. */
const FORGET_AFTER_MS = 3_600_000;

const OpenBody = v.strictObject({ keyId: v.string(), encryptedKey: v.string() });

function parseOpenBody(bytes: Uint8Array): v.InferOutput<typeof OpenBody> | null {
  try {
    const parsed = v.safeParse(OpenBody, JSON.parse(fromUtf8(bytes)));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

function forgetOldSessions(state: SxState, now: number): void {
  for (const [id, session] of state.scSessions) {
    if (session.expiresAt + FORGET_AFTER_MS < now) state.scSessions.delete(id);
  }
}

function scFail(env: SxEnv, request: FastifyRequest, reply: FastifyReply, error: ScError) {
  return sendScError(reply, error, langOf(request), env.ctx.clock.now());
}

async function openSession(env: SxEnv, request: FastifyRequest, reply: FastifyReply) {
  const body = parseOpenBody(bodyBytes(request));
  if (body === null) return replyPlain(env, request, reply, fail('4000')); // SCv2 §3 step 3
  const pair = await env.keys.current();
  if (body.keyId !== pair.keyId) {
    return scFail(env, request, reply, new ScError('SC.KEY_EXPIRED', 'unknown or expired keyId'));
  }
  let key: Uint8Array;
  try {
    key = await unwrapSessionKey(pair.privateKey, body.encryptedKey);
  } catch (error) {
    if (error instanceof ScError) return scFail(env, request, reply, error);
    throw error;
  }
  const state = env.state();
  const now = env.ctx.clock.now();
  forgetOldSessions(state, now);
  const id = `scs_${randomBytes(16).toString('hex')}`;
  state.scSessions.set(id, {
    id,
    key,
    createdAt: now,
    expiresAt: now + SESSION_TTL_S * 1000,
    clientHash: clientHashOf(request.headers), // SCv2 §3 step 5
    seenNonces: new Set(),
  });
  const confirmation = toB64(keyConfirmation(key, id));
  return replyPlain(
    env,
    request,
    reply,
    ok({ sessionId: id, expiresIn: SESSION_TTL_S, keyConfirmation: confirmation }),
  );
}

function closeSession(env: SxEnv, request: FastifyRequest, reply: FastifyReply) {
  const received = receiveEnvelope(env, request);
  if (!received.ok) return scFail(env, request, reply, received.error);
  const call = received.value;
  let body: unknown;
  try {
    body = JSON.parse(fromUtf8(call.plaintext));
  } catch {
    body = null;
  }
  const valid = v.safeParse(EmptyBody, body).success;
  const result = valid ? ok(null) : fail('4000');
  if (valid) env.state().scSessions.delete(call.sessionId); // SCv2 §5: forget K
  const wrapper = wrap(result, langOf(request), env.ctx.clock.now());
  const sent = sendEncrypted(reply, env, call, valid ? 200 : 400, wrapper);
  if (valid) call.session.key.fill(0); // sealed synchronously above, so K is no longer needed
  return sent;
}

export function registerScRoutes(app: FastifyInstance, env: SxEnv): void {
  const gateway = { onRequest: gatewayHook(env, 'any') };
  app.get(`${SC}/public-key`, gateway, async (request, reply) => {
    const pair = await env.keys.current();
    const data = {
      keyId: pair.keyId,
      algorithm: 'RSA-OAEP-256',
      publicKey: pair.publicKeyB64,
      expiresAt: pair.expiresAt,
    };
    return replyPlain(env, request, reply, ok(data));
  });
  app.post(`${SC}/session`, gateway, (request, reply) => openSession(env, request, reply));
  app.post(`${SC}/session/close`, gateway, (request, reply) => closeSession(env, request, reply));
}
