/**
 * An in-memory SCv2 server behind a `fetch` function, for unit tests of the client. It runs the
 * project's own server checks and codec; tests steer it with `intercept` (answer a request
 * before the fake does) and `mangle` (rewrite an answer the fake produced).
 */
import vectors from '../../data/secure-channel-v2.json';
import { fromUtf8, toB64 } from '../../../src/secure-channel/bytes';
import { sealResponse } from '../../../src/secure-channel/envelope';
import {
  importPrivateKey,
  keyConfirmation,
  unwrapSessionKey,
} from '../../../src/secure-channel/key-exchange';
import {
  checkRequestEnvelope,
  checkScHeaders,
  SC_HTTP_STATUS,
  type ScServerErrorCode,
  type ServerSession,
} from '../../../src/secure-channel/server-checks';
import { ScError } from '../../../src/secure-channel/errors';

export interface FakeRequest {
  method: string;
  path: string;
  headers: Headers;
  body: Uint8Array;
}

interface FakeSession extends ServerSession {
  sessionId: string;
}

export interface FakeScServerOptions {
  now: () => number;
  algorithm?: string;
  expiresInS?: number;
  keyLifetimeMs?: number;
}

export function wrapper(success: boolean, code: string, data: unknown, now: number) {
  const message = success ? 'SUCCESS' : code;
  return { version: '2.0.0', timestamp: now, success, code, message, data };
}

export function plaintextError(code: string, status: number, scHeader = code.startsWith('SC.')) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (scHeader) headers['X-SC-Error'] = code;
  return new Response(JSON.stringify(wrapper(false, code, null, 0)), { status, headers });
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function createFakeScServer(opts: FakeScServerOptions) {
  const privateKey = importPrivateKey(vectors.rsa.pkcs8);
  const sessions = new Map<string, FakeSession>();
  const log: FakeRequest[] = [];
  let keyId = 'sc-k1';
  let sessionCount = 0;
  let responseCount = 0;
  const control = {
    log,
    sessions,
    intercept: null as ((req: FakeRequest) => Response | undefined) | null,
    mangle: null as ((res: Response, req: FakeRequest) => Promise<Response>) | null,
    confirmWrongKey: false,
    /** A new key pair id: sessions opened with the old one are refused with SC.KEY_EXPIRED. */
    rotateKeyId(next: string) {
      keyId = next;
    },
    count(path: string) {
      return log.filter((r) => r.path === path).length;
    },
  };

  const scFail = (code: ScServerErrorCode) => plaintextError(code, SC_HTTP_STATUS[code]);

  async function openSession(req: FakeRequest): Promise<Response> {
    const body = JSON.parse(fromUtf8(req.body)) as { keyId: string; encryptedKey: string };
    if (body.keyId !== keyId) return scFail('SC.KEY_EXPIRED');
    let key: Uint8Array;
    try {
      key = await unwrapSessionKey(await privateKey, body.encryptedKey);
    } catch (error) {
      if (error instanceof ScError) return scFail('SC.KEY_UNWRAP_FAILED');
      throw error;
    }
    const sessionId = `sc_fake_session_${++sessionCount}`;
    sessions.set(sessionId, {
      sessionId,
      key,
      expiresAt: opts.now() + (opts.expiresInS ?? 1800) * 1000,
      clientHash: req.headers.get('x-client-hash') ?? '',
      seenNonces: new Set(),
    });
    const confirmKey = control.confirmWrongKey ? new Uint8Array(32) : key;
    const data = {
      sessionId,
      expiresIn: opts.expiresInS ?? 1800,
      keyConfirmation: toB64(keyConfirmation(confirmKey, sessionId)),
    };
    return jsonResponse(wrapper(true, '2000', data, opts.now()));
  }

  function enveloped(req: FakeRequest): Response {
    const headers = Object.fromEntries(req.headers.entries());
    const gate = checkScHeaders({
      headers,
      lookup: (id) => sessions.get(id),
      serviceNowMs: opts.now(),
    });
    if (!gate.ok) return scFail(gate.error.code as ScServerErrorCode);
    const { session, sessionId } = gate.value;
    const checked = checkRequestEnvelope({
      key: session.key,
      sessionId,
      method: req.method,
      path: req.path,
      envelope: req.body,
      serverNowMs: opts.now(),
      seenNonces: session.seenNonces,
    });
    if (!checked.ok) return scFail(checked.error.code as ScServerErrorCode);
    const request = JSON.parse(fromUtf8(checked.value.plaintext)) as unknown;
    if (req.path.endsWith('/session/close')) sessions.delete(sessionId);
    const data = req.path.endsWith('/session/close') ? null : { echo: request, sessionId };
    const nonce = new Uint8Array(12).fill(++responseCount % 256);
    const envelope = sealResponse({
      key: session.key,
      sessionId,
      requestNonce: checked.value.header.nonce,
      plaintext: JSON.stringify(wrapper(true, '2000', data, opts.now())),
      timestamp: opts.now(),
      nonce,
    });
    return new Response(envelope, { headers: { 'Content-Type': 'application/octet-stream' } });
  }

  async function route(req: FakeRequest): Promise<Response> {
    if (req.path === '/web/v1/secure-channel/public-key') {
      const data = {
        keyId,
        algorithm: opts.algorithm ?? 'RSA-OAEP-256',
        publicKey: vectors.rsa.spki,
        expiresAt: opts.now() + (opts.keyLifetimeMs ?? 86_400_000),
      };
      return jsonResponse(wrapper(true, '2000', data, opts.now()));
    }
    if (req.path === '/web/v1/secure-channel/session') return openSession(req);
    return enveloped(req);
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = init?.body;
    const req: FakeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers: new Headers(init?.headers),
      body:
        body instanceof Uint8Array
          ? body
          : new TextEncoder().encode(typeof body === 'string' ? body : ''),
    };
    log.push(req);
    const early = control.intercept?.(req);
    const response = early ?? (await route(req));
    return control.mangle === null ? response : control.mangle(response, req);
  };

  return { fetch, control };
}
