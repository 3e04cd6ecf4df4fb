/**
 * The SCv2 session client (SCv2 §2–§5).
 *
 *   no session ──open (§3)──▶ open ──call──▶ envelope out, envelope in (§4)
 *       ▲                      │  < 30 s left, other X-Client-Hash,
 *       │                      │  or plaintext SESSION_NOT_FOUND / SESSION_EXPIRED / KEY_EXPIRED
 *       │                      ▼  (then the call is retried once on the new session)
 *       └──── close (§5): K zero-filled, state erased ◀── re-open
 *
 * Plaintext refusals (`success: false`, from the gateway or the SC checks) are returned as
 * responses with `encrypted: false`; every other non-conforming answer throws ScError. The key
 * lives in memory as bytes and in the caller's store as the b64 of `ScSessionState`.
 */
import { copy, fromB64, fromUtf8, wipe } from './bytes';
import { NONCE_BYTES, openResponse, sealRequest } from './envelope';
import { ScError, ScRefusedError } from './errors';
import {
  createPublicKeyCache,
  headerValue,
  isRefusal,
  openSession,
  type HandshakeDeps,
  type ScRefusal,
  type ScResponse,
} from './handshake';
import { ENVELOPE_FRESHNESS_MS } from './server-checks';
import { parseScSessionState, type ScSessionState } from './session-state';
import { mediaType, parseResultWrapper, readPlaintextRefusal } from './wire';

export type { ScResponse } from './handshake';
export type { ScSessionState } from './session-state';

export const CLOSE_SESSION_PATH = '/web/v1/secure-channel/session/close';
export const REOPEN_MARGIN_MS = 30_000; // SCv2 §3 step 6
const RETRY_CODES = new Set(['SC.SESSION_NOT_FOUND', 'SC.SESSION_EXPIRED', 'SC.KEY_EXPIRED']); // §4.3
const CLOSED_CODES = new Set(['SC.SESSION_NOT_FOUND', 'SC.SESSION_EXPIRED']); // §5

export interface SecureChannelDeps {
  /** Origin of the SlaunchX API, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  baseUrl: string;
  fetch: typeof fetch;
  /** Portal access code, X-Client-Hash, CF headers, Accept-Language (providers.md §1.1). */
  gatewayHeaders: () => Record<string, string>;
  now?: () => number;
  randomBytes?: (n: number) => Uint8Array;
  /** A session kept from an earlier worker life; ignored unless well-formed. */
  state?: ScSessionState | null;
  onStateChange?: (s: ScSessionState | null) => void | Promise<void>;
  /** SCv2 §4.3: told when a response timestamp is more than 300 s off the local clock. */
  onWarning?: (message: string) => void;
}

export interface ScCallOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SecureChannelClient {
  /** POSTs `body` (JSON, `{}` when undefined) as an envelope to `path` (SCv2 §4). */
  call(path: string, body: unknown, opts?: ScCallOptions): Promise<ScResponse>;
  /** SCv2 §5; the key is erased locally whatever the server answers. */
  close(): Promise<void>;
  state(): ScSessionState | null;
}

interface LiveSession {
  state: ScSessionState;
  key: Uint8Array;
}

/** One call attempt's answer, and the session it was sent under (null: handshake refused). */
interface Attempt {
  response: ScResponse;
  session: LiveSession | null;
}

const defaultRandomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

function restore(state: ScSessionState | null | undefined): LiveSession | null {
  const parsed = parseScSessionState(state);
  const key = parsed === null ? null : fromB64(parsed.key);
  return parsed === null || key === null ? null : { state: parsed, key };
}

function withHeader(headers: Record<string, string>, name: string, value: string) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (k.toLowerCase() !== name.toLowerCase()) out[k] = v;
  out[name] = value;
  return out;
}

export function createSecureChannelClient(deps: SecureChannelDeps): SecureChannelClient {
  const now = deps.now ?? Date.now;
  const randomBytes = deps.randomBytes ?? defaultRandomBytes;
  const keyCache = createPublicKeyCache();
  let session = restore(deps.state);
  let opening: Promise<LiveSession | ScRefusal> | null = null;

  async function replaceSession(next: LiveSession | null): Promise<void> {
    const previous = session;
    session = next;
    // In-flight calls hold their own copy of the key, so zero-filling here cannot break them.
    if (previous !== null && previous !== next) wipe(previous.key);
    await deps.onStateChange?.(next === null ? null : { ...next.state });
  }

  function usable(live: LiveSession | null, clientHash: string): live is LiveSession {
    return (
      live !== null &&
      live.state.clientHash === clientHash &&
      live.state.expiresAt - now() >= REOPEN_MARGIN_MS
    );
  }

  async function open(gateway: Record<string, string>, signal?: AbortSignal) {
    const handshake: HandshakeDeps = {
      baseUrl: deps.baseUrl,
      fetch: deps.fetch,
      gatewayHeaders: gateway,
      now,
      randomBytes,
      signal,
    };
    const opened = await openSession(handshake, keyCache);
    if (opened.kind === 'refused') return opened;
    const live: LiveSession = { state: opened.state, key: opened.key };
    await replaceSession(live);
    return live;
  }

  async function ensureSession(gateway: Record<string, string>, signal?: AbortSignal) {
    const clientHash = headerValue(gateway, 'X-Client-Hash') ?? '';
    if (usable(session, clientHash)) return session;
    // Concurrent calls share one open; a caller with another client hash opens its own.
    const pending = (opening ??= open(gateway, signal).finally(() => (opening = null)));
    const result = await pending;
    if (isRefusal(result) || usable(result, clientHash)) return result;
    return open(gateway, signal);
  }

  async function readCallResponse(
    response: Response,
    ctx: { key: Uint8Array; sessionId: string; requestNonce: Uint8Array },
  ): Promise<ScResponse> {
    const { status, headers } = response;
    if (mediaType(headers) !== 'application/octet-stream') {
      return { status, body: await readPlaintextRefusal(response), encrypted: false, headers };
    }
    const envelope = new Uint8Array(await response.arrayBuffer());
    const opened = openResponse({ ...ctx, envelope }); // SCv2 §4.3: nothing is used before this
    if (Math.abs(opened.header.timestamp - now()) > ENVELOPE_FRESHNESS_MS) {
      deps.onWarning?.(`SCv2 response timestamp is more than 300 s off the local clock`);
    }
    let text: string;
    try {
      text = fromUtf8(opened.plaintext);
    } catch {
      throw new ScError('SC.RESPONSE_INVALID', 'SCv2 response plaintext is not UTF-8');
    }
    return { status, body: parseResultWrapper(text), encrypted: true, headers };
  }

  async function send(
    live: LiveSession,
    gateway: Record<string, string>,
    path: string,
    plaintext: string,
    opts: ScCallOptions,
  ): Promise<ScResponse> {
    const headers = new Headers(gateway);
    for (const [name, value] of Object.entries(opts.headers ?? {})) headers.set(name, value);
    headers.set('Accept', 'application/json');
    headers.set('Content-Type', 'application/json;charset=UTF-8'); // SCv2 §4.1: gateway routes on it
    headers.set('X-SC-Session-Id', live.state.sessionId);
    headers.set('X-SC-Version', '2');
    const key = copy(live.key);
    const requestNonce = randomBytes(NONCE_BYTES).slice();
    try {
      const envelope = sealRequest({
        key,
        sessionId: live.state.sessionId,
        method: 'POST',
        path: path.split('?')[0] ?? path, // SCv2 §4: the AAD path has no query
        plaintext,
        timestamp: now(),
        nonce: requestNonce,
      });
      const init: RequestInit = { method: 'POST', headers, body: envelope, signal: opts.signal };
      const response = await deps.fetch(deps.baseUrl + path, init);
      return await readCallResponse(response, {
        key,
        sessionId: live.state.sessionId,
        requestNonce,
      });
    } finally {
      wipe(key);
    }
  }

  async function attempt(path: string, plaintext: string, opts: ScCallOptions): Promise<Attempt> {
    const gateway = deps.gatewayHeaders();
    const live = await ensureSession(gateway, opts.signal);
    if (isRefusal(live)) return { response: live.response, session: null };
    return { response: await send(live, gateway, path, plaintext, opts), session: live };
  }

  async function call(path: string, body: unknown, opts: ScCallOptions = {}) {
    if (!path.startsWith('/')) throw new TypeError(`SCv2 call path must start with "/": ${path}`);
    const plaintext = body === undefined ? '{}' : JSON.stringify(body);
    const first = await attempt(path, plaintext, opts);
    const { response } = first;
    // SCv2 §4.3: these are refused before any business step runs, so one retry is safe.
    if (first.session === null || response.encrypted || !RETRY_CODES.has(response.body.code)) {
      return response;
    }
    if (response.body.code === 'SC.KEY_EXPIRED') keyCache.invalidate();
    if (session === first.session) await replaceSession(null);
    return (await attempt(path, plaintext, opts)).response;
  }

  async function close(): Promise<void> {
    const live = session;
    if (live === null) return;
    let response: ScResponse;
    try {
      // The session is bound to the hash it was opened with (SCv2 §3 step 5); close under it.
      const gateway = withHeader(deps.gatewayHeaders(), 'X-Client-Hash', live.state.clientHash);
      response = await send(live, gateway, CLOSE_SESSION_PATH, '{}', {});
    } finally {
      if (session === live) await replaceSession(null);
      else wipe(live.key);
    }
    const { body, encrypted, status } = response;
    if (encrypted ? body.success : CLOSED_CODES.has(body.code)) return;
    throw new ScRefusedError(body.code, status, `SCv2 close refused: ${body.code}`);
  }

  return { call, close, state: () => (session === null ? null : { ...session.state }) };
}
