/**
 * The SCv2 session of the SlaunchX demo page (secure-channel-v2.md §2–§5):
 *
 *   (none) ─► GET public-key ─► wrap fresh K ─► POST session ─► keyConfirmation ok? ─► open
 *   open ─call─► seal request ─► POST ─► octet-stream: open under the response AAD
 *                                    └─► JSON: SC error (plaintext, X-SC-Error)
 *   SC.SESSION_NOT_FOUND | SC.SESSION_EXPIRED | SC.KEY_EXPIRED ─► open anew, retry once (§4.3)
 *   fewer than 30 s left ─► open anew before sending (§3 step 6)
 *
 * K lives only as non-extractable CryptoKeys in this page's memory; its raw bytes are zeroed
 * as soon as they are wrapped and imported.
 */
import { DemoError, readJson } from '../shared/demo-error.js';
import {
  KEY_BYTES,
  NONCE_BYTES,
  importSessionKeys,
  openResponse,
  sealRequest,
  verifyKeyConfirmation,
  wrapSessionKey,
} from './envelope.js';

const SC = '/web/v1/secure-channel';
export const JSON_TYPE = 'application/json;charset=UTF-8';
const RETRY_ON_CALL = new Set(['SC.SESSION_NOT_FOUND', 'SC.SESSION_EXPIRED', 'SC.KEY_EXPIRED']);
const RETRY_ON_OPEN = new Set(['SC.KEY_EXPIRED', 'SC.KEY_UNWRAP_FAILED']); // SCv2 §2
const RENEW_BEFORE_MS = 30_000;
const SKEW_WARN_MS = 300_000;

const failureOf = (wrapper) => new DemoError(wrapper.code, wrapper.message, wrapper.data);

/**
 * @param {{ headers: () => Record<string, string>, fetchFn?: typeof fetch, now?: () => number,
 *   random?: (n: number) => Uint8Array }} deps `headers` gives the gateway headers per request
 */
export function createSecureChannel({
  headers,
  fetchFn = (...args) => fetch(...args),
  now = Date.now,
  random = (n) => crypto.getRandomValues(new Uint8Array(n)),
}) {
  let serverKey = null;
  let session = null;

  async function fetchServerKey() {
    const response = await fetchFn(`${SC}/public-key`, { headers: headers() });
    const wrapper = await readJson(response);
    if (wrapper.success !== true) throw failureOf(wrapper);
    if (wrapper.data.algorithm !== 'RSA-OAEP-256') {
      // SCv2 §2: no silent fallback to another algorithm.
      throw new DemoError(
        'SC.ALGORITHM_UNSUPPORTED',
        `Unsupported algorithm ${wrapper.data.algorithm}`,
      );
    }
    return wrapper.data;
  }

  async function open(retried = false) {
    serverKey ??= await fetchServerKey();
    const raw = random(KEY_BYTES); // SCv2 §3 step 1: a fresh K per session
    let encryptedKey;
    let keys;
    try {
      encryptedKey = await wrapSessionKey(serverKey.publicKey, raw);
      keys = await importSessionKeys(raw);
    } finally {
      raw.fill(0);
    }
    const response = await fetchFn(`${SC}/session`, {
      method: 'POST',
      headers: { ...headers(), 'Content-Type': JSON_TYPE },
      body: JSON.stringify({ keyId: serverKey.keyId, encryptedKey }),
    });
    const wrapper = await readJson(response);
    if (wrapper.success !== true) {
      serverKey = null;
      if (!retried && RETRY_ON_OPEN.has(wrapper.code)) return open(true);
      throw failureOf(wrapper);
    }
    const { sessionId, expiresIn, keyConfirmation } = wrapper.data;
    if (!(await verifyKeyConfirmation(keys.hmac, sessionId, keyConfirmation))) {
      throw new DemoError(
        'SC.KEY_CONFIRMATION_FAILED',
        'The server did not unwrap our session key.',
      );
    }
    session = { id: sessionId, key: keys.aes, expiresAt: now() + expiresIn * 1000 };
    return session;
  }

  async function current() {
    if (session !== null && session.expiresAt - now() > RENEW_BEFORE_MS) return session;
    return open();
  }

  async function send(live, path, body, extraHeaders) {
    const nonce = random(NONCE_BYTES);
    const envelope = await sealRequest({
      key: live.key,
      sessionId: live.id,
      method: 'POST',
      path,
      plaintext: JSON.stringify(body),
      timestamp: now(),
      nonce,
    });
    const response = await fetchFn(path, {
      method: 'POST',
      // SCv2 §4.1: the documented content type is kept; the body is the raw envelope.
      headers: {
        ...headers(),
        ...extraHeaders,
        'Content-Type': JSON_TYPE,
        'X-SC-Session-Id': live.id,
        'X-SC-Version': '2',
      },
      body: envelope,
    });
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/octet-stream')) return readJson(response); // plaintext
    const bytes = new Uint8Array(await response.arrayBuffer());
    const opened = await openResponse({
      key: live.key,
      sessionId: live.id,
      requestNonce: nonce,
      envelope: bytes,
    });
    if (Math.abs(opened.timestamp - now()) > SKEW_WARN_MS) {
      console.warn('SCv2: the response timestamp is more than 300 s off this clock'); // §4.3
    }
    return JSON.parse(opened.plaintext);
  }

  return {
    /** One SC call; resolves to the SlaunchX result wrapper, success or not. */
    async call(path, body = {}, extraHeaders = {}) {
      const wrapper = await send(await current(), path, body, extraHeaders);
      if (!RETRY_ON_CALL.has(wrapper.code)) return wrapper;
      session = null; // refused before any business step, so one retry is safe (§4.3)
      return send(await current(), path, body, extraHeaders);
    },

    /** SCv2 §5; an unknown session counts as already closed. */
    async close() {
      if (session === null) return;
      const closing = session;
      session = null;
      const wrapper = await send(closing, `${SC}/session/close`, {}, {});
      if (wrapper.success !== true && wrapper.code !== 'SC.SESSION_NOT_FOUND')
        throw failureOf(wrapper);
    },

    sessionId: () => session?.id ?? null,
  };
}
