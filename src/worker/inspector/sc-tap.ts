/**
 * The SCv2 plaintexts of the request log. The seam is the adapters' SC client factory
 * (`createScClient`, slaunchx-api.ts): each client is built with a fetch that, for every
 * envelope it sends, notes the session key and AAD inputs under the envelope's own bytes object.
 * The recording fetch further down the chain (the SlaunchX timeout wrapper passes `init.body`
 * through untouched) looks the envelope up and opens it and its answer (SCv2 §4) for the log.
 * Nothing is matched by URL or order: a retry, a close or a concurrent call each carries its own
 * envelope. The noted key copy is zero-filled once used; an envelope never recorded takes its
 * note with it when it is garbage-collected (WeakMap).
 */
import type { ScPlaintext } from '../../inspector/har';
import type { ScClient, ScClientFactory } from '../../providers/slaunchx-api';
import { fromB64, fromUtf8, wipe } from '../../secure-channel/bytes';
import { ENVELOPE_HEADER_BYTES, openRequest, openResponse } from '../../secure-channel/envelope';
import { urlOf } from './har-capture';

interface SealedWith {
  key: Uint8Array;
  sessionId: string;
  method: string;
  /** The AAD path: the call path without its query (SCv2 §4). */
  path: string;
}

export interface ScTap {
  /** The factory the adapters use, with envelopes noted for the log. */
  wrap(factory: ScClientFactory): ScClientFactory;
  /**
   * The plaintexts of a noted request envelope and of its envelope answer (null when the answer
   * was no envelope: a plaintext refusal). Undefined when `body` is no noted envelope.
   */
  open(body: unknown, answer: Uint8Array | null): ScPlaintext | undefined;
}

function tryOpen(run: () => Uint8Array): string | undefined {
  try {
    return fromUtf8(run());
  } catch {
    return undefined; // not ours to judge here: the client reports what failed
  }
}

export function createScTap(): ScTap {
  const noted = new WeakMap<Uint8Array, SealedWith>();

  function note(client: ScClient | null, baseUrl: string, url: string, init?: RequestInit) {
    const body = init?.body;
    const state = client?.state() ?? null;
    if (!(body instanceof Uint8Array) || state === null || !url.startsWith(baseUrl)) return;
    // SCv2 §4.1: the envelope travels in the session its header names; only that key opens it.
    if (new Headers(init?.headers).get('x-sc-session-id') !== state.sessionId) return;
    const key = fromB64(state.key);
    if (key === null) return;
    const path = url.slice(baseUrl.length).split('?')[0] ?? '';
    noted.set(body, {
      key,
      sessionId: state.sessionId,
      method: init?.method ?? 'POST',
      path,
    });
  }

  return {
    wrap: (factory) => (options) => {
      let client: ScClient | null = null;
      const tapped: typeof fetch = (input, init) => {
        try {
          note(client, options.baseUrl, urlOf(input), init);
        } catch {
          // The log loses a plaintext; the call goes out all the same.
        }
        return options.fetch(input, init);
      };
      client = factory({ ...options, fetch: tapped });
      return client;
    },

    open(body, answer) {
      if (!(body instanceof Uint8Array)) return undefined;
      const sealed = noted.get(body);
      if (sealed === undefined) return undefined;
      noted.delete(body);
      const { key, sessionId, method, path } = sealed;
      try {
        const out: ScPlaintext = {};
        const request = tryOpen(
          () => openRequest({ key, sessionId, method, path, envelope: body }).plaintext,
        );
        if (request !== undefined) out.request = request;
        if (answer !== null) {
          // SCv2 §4: a response is bound to the nonce of the request it answers.
          const requestNonce = body.slice(12, ENVELOPE_HEADER_BYTES);
          const response = tryOpen(
            () => openResponse({ key, sessionId, requestNonce, envelope: answer }).plaintext,
          );
          if (response !== undefined) out.response = response;
        }
        return out;
      } finally {
        wipe(key);
      }
    },
  };
}
