/**
 * The SC tap between a client and the recording fetch, over a stand-in client and server that
 * seal and open real SCv2 envelopes (the real client against the emulator is in
 * tests/integration/worker-inspector).
 */
import { describe, expect, it } from 'vitest';
import type { ScClientFactory } from '../../../src/providers/slaunchx-api';
import { toB64, utf8 } from '../../../src/secure-channel/bytes';
import {
  openRequest,
  sealRequest,
  sealResponse,
  ENVELOPE_HEADER_BYTES,
} from '../../../src/secure-channel/envelope';
import type { ScSessionState } from '../../../src/secure-channel/session-state';
import {
  createRecordingFetch,
  type CapturedExchange,
} from '../../../src/worker/inspector/recording-fetch';
import { createScTap } from '../../../src/worker/inspector/sc-tap';

const BASE = 'http://127.0.0.1:8787';
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const state: ScSessionState = {
  sessionId: 'sc-session-0001',
  key: toB64(KEY),
  expiresAt: NOW + 600_000,
  keyId: 'k1',
  clientHash: 'hash-0001',
};

/** A server holding the same key: opens the request, answers with `reply` sealed, or refuses. */
function server(reply: string | null) {
  return (url: string, init?: RequestInit): Response => {
    const envelope = init?.body as Uint8Array;
    const path = new URL(url).pathname;
    openRequest({ key: KEY, sessionId: state.sessionId, method: 'POST', path, envelope });
    if (reply === null) {
      const refusal = '{"success":false,"code":"SC.SESSION_NOT_FOUND","message":"gone"}';
      return new Response(refusal, {
        status: 401,
        headers: { 'content-type': 'application/json', 'x-sc-error': 'SC.SESSION_NOT_FOUND' },
      });
    }
    const sealed = sealResponse({
      key: KEY,
      sessionId: state.sessionId,
      requestNonce: envelope.slice(12, ENVELOPE_HEADER_BYTES),
      plaintext: reply,
      timestamp: NOW,
      nonce: new Uint8Array(12).fill(9),
    });
    return new Response(sealed, { headers: { 'content-type': 'application/octet-stream' } });
  };
}

/** A client that seals like the real one (SCv2 §4) and sends through the fetch it was given. */
const fakeClient =
  (sessionHeader: string): ScClientFactory =>
  (options) => ({
    state: () => ({ ...state }),
    close: () => Promise.resolve(),
    async call(path, body) {
      const envelope = sealRequest({
        key: KEY,
        sessionId: state.sessionId,
        method: 'POST',
        path,
        plaintext: utf8(JSON.stringify(body)),
        timestamp: NOW,
        nonce: new Uint8Array(12).fill(7),
      });
      const headers = new Headers({ 'X-SC-Session-Id': sessionHeader });
      const res = await options.fetch(options.baseUrl + path, {
        method: 'POST',
        headers,
        body: envelope,
      });
      const wrapper = { version: '2.0.0', timestamp: NOW, success: true, code: '2000' };
      return {
        status: res.status,
        body: { ...wrapper, message: 'SUCCESS', data: null },
        encrypted: true,
        headers: res.headers,
      };
    },
  });

async function callThroughTap(reply: string | null, sessionHeader = state.sessionId) {
  const captured: CapturedExchange[] = [];
  const tap = createScTap();
  const respond = server(reply);
  const recording = createRecordingFetch({
    fetch: (input, init) =>
      Promise.resolve(respond(input instanceof Request ? input.url : input.toString(), init)),
    now: () => NOW,
    sc: tap,
    record: (exchange) => {
      captured.push(exchange);
      return Promise.resolve();
    },
  });
  const client = tap.wrap(fakeClient(sessionHeader))({
    baseUrl: BASE,
    fetch: recording,
    gatewayHeaders: () => ({}),
  });
  await client.call('/web/v1/system/auth/login/initiate', {
    email: 'admin@slaunchx.test',
    password: 'Correct-Horse-42',
  });
  expect(captured).toHaveLength(1);
  return captured[0]?.entry ?? expect.fail('nothing recorded');
}

describe('the SC tap', () => {
  it('puts the decrypted request and response next to the envelopes in the entry', async () => {
    const reply = '{"version":"2.0.0","success":true,"code":"2000","data":{"sessionId":"ls-1"}}';
    const entry = await callThroughTap(reply);
    expect(entry.request.postData?.encoding).toBe('base64');
    expect(entry.response.content.encoding).toBe('base64');
    expect(entry._scPlaintext).toEqual({
      request: '{"email":"admin@slaunchx.test","password":"Correct-Horse-42"}',
      response: reply,
    });
  });

  it('keeps the request plaintext when the answer is a plaintext refusal', async () => {
    const entry = await callThroughTap(null);
    expect(entry.response.status).toBe(401);
    expect(entry._scPlaintext).toEqual({
      request: '{"email":"admin@slaunchx.test","password":"Correct-Horse-42"}',
    });
  });

  it('opens nothing sent under another session than the one the client holds', async () => {
    const entry = await callThroughTap('{}', 'another-session');
    expect(entry._scPlaintext).toBeUndefined();
    expect(entry.request.postData?.encoding).toBe('base64');
  });
});
