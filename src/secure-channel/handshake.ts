/**
 * The SCv2 handshake (SCv2 §2–§3): fetch and cache the server public key, open a session with a
 * fresh key K, verify the server's key confirmation. Refusals (plaintext error wrappers) come
 * back as values so the caller can hand them on; protocol violations throw ScError.
 */
import { toB64, wipe } from './bytes';
import { SESSION_KEY_BYTES } from './envelope';
import { ScError } from './errors';
import { SC_KEY_ALGORITHM, verifyKeyConfirmation, wrapSessionKey } from './key-exchange';
import type { ScSessionState } from './session-state';
import {
  parsePublicKeyData,
  parseSessionData,
  readPlaintextWrapper,
  type PublicKeyData,
  type ScResultWrapper,
} from './wire';

export const PUBLIC_KEY_PATH = '/web/v1/secure-channel/public-key';
export const OPEN_SESSION_PATH = '/web/v1/secure-channel/session';

export interface ScResponse {
  status: number;
  /** The result wrapper: decrypted when `encrypted`, else a plaintext refusal. */
  body: ScResultWrapper;
  encrypted: boolean;
  headers: Headers;
}

/** A plaintext `success: false` answer, handed back to the caller as is. */
export interface ScRefusal {
  kind: 'refused';
  response: ScResponse;
}

export interface HandshakeDeps {
  baseUrl: string;
  fetch: typeof fetch;
  /** One snapshot of the gateway headers, used for the whole handshake. */
  gatewayHeaders: Record<string, string>;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
  signal?: AbortSignal | undefined;
}

export interface OpenedSession {
  kind: 'opened';
  key: Uint8Array;
  state: ScSessionState;
}

/** Refusals are the only `kind: 'refused'` values here (parsed data carries no `kind`). */
export function isRefusal(value: object): value is ScRefusal {
  return 'kind' in value && value.kind === 'refused';
}

const KEY_RETRY_CODES = new Set(['SC.KEY_EXPIRED', 'SC.KEY_UNWRAP_FAILED']); // SCv2 §2

/** Case-insensitive header lookup in a plain record. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, value] of Object.entries(headers)) if (k.toLowerCase() === lower) return value;
  return undefined;
}

async function plaintextExchange(
  deps: HandshakeDeps,
  path: string,
  init: { method: 'GET' | 'POST'; body?: string },
): Promise<{ kind: 'answer'; body: ScResultWrapper } | ScRefusal> {
  const headers = new Headers(deps.gatewayHeaders);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined) headers.set('Content-Type', 'application/json;charset=UTF-8');
  const response = await deps.fetch(deps.baseUrl + path, { ...init, headers, signal: deps.signal });
  const body = await readPlaintextWrapper(response);
  if (body.success) return { kind: 'answer', body };
  return {
    kind: 'refused',
    response: { status: response.status, body, encrypted: false, headers: response.headers },
  };
}

/** SCv2 §2: GET the public key; any algorithm but RSA-OAEP-256 is refused outright. */
export async function fetchPublicKey(deps: HandshakeDeps): Promise<PublicKeyData | ScRefusal> {
  const answer = await plaintextExchange(deps, PUBLIC_KEY_PATH, { method: 'GET' });
  if (answer.kind === 'refused') return answer;
  const data = parsePublicKeyData(answer.body.data);
  if (data.algorithm !== SC_KEY_ALGORITHM) {
    throw new ScError(
      'SC.ALGORITHM_UNSUPPORTED',
      `SCv2 server offers "${data.algorithm}"; only ${SC_KEY_ALGORITHM} is accepted`,
    );
  }
  return data;
}

/** Caches the public key until its `expiresAt` (SCv2 §2). */
export function createPublicKeyCache() {
  let cached: PublicKeyData | null = null;
  return {
    async get(deps: HandshakeDeps): Promise<PublicKeyData | ScRefusal> {
      if (cached !== null && deps.now() < cached.expiresAt) return cached;
      const answer = await fetchPublicKey(deps);
      cached = isRefusal(answer) ? null : answer;
      return answer;
    },
    invalidate(): void {
      cached = null;
    },
  };
}
export type PublicKeyCache = ReturnType<typeof createPublicKeyCache>;

/** SCv2 §3 steps 1–4, once, with the given public key. */
export async function openSessionWith(
  deps: HandshakeDeps,
  publicKey: PublicKeyData,
): Promise<OpenedSession | ScRefusal> {
  const key = deps.randomBytes(SESSION_KEY_BYTES); // owned from here on: zero-filled on erase
  if (key.length !== SESSION_KEY_BYTES) throw new RangeError('randomBytes returned a short key');
  try {
    const startedAt = deps.now(); // lifetime counted from before the request: errs early
    const encryptedKey = await wrapSessionKey(publicKey.publicKey, key);
    const body = JSON.stringify({ keyId: publicKey.keyId, encryptedKey });
    const answer = await plaintextExchange(deps, OPEN_SESSION_PATH, { method: 'POST', body });
    if (answer.kind === 'refused') {
      wipe(key);
      return answer;
    }
    const data = parseSessionData(answer.body.data);
    if (!verifyKeyConfirmation(key, data.sessionId, data.keyConfirmation)) {
      throw new ScError(
        'SC.KEY_CONFIRMATION_FAILED',
        'SCv2 server did not confirm the session key',
      );
    }
    const state: ScSessionState = {
      sessionId: data.sessionId,
      key: toB64(key),
      expiresAt: startedAt + data.expiresIn * 1000,
      keyId: publicKey.keyId,
      clientHash: headerValue(deps.gatewayHeaders, 'X-Client-Hash') ?? '',
    };
    return { kind: 'opened', key, state };
  } catch (error) {
    wipe(key);
    throw error;
  }
}

/** SCv2 §2: on SC.KEY_EXPIRED / SC.KEY_UNWRAP_FAILED refetch the key and retry the open once. */
export async function openSession(
  deps: HandshakeDeps,
  cache: PublicKeyCache,
): Promise<OpenedSession | ScRefusal> {
  for (let attempt = 0; ; attempt++) {
    const publicKey = await cache.get(deps);
    if (isRefusal(publicKey)) return publicKey;
    const opened = await openSessionWith(deps, publicKey);
    const retry =
      opened.kind === 'refused' && attempt === 0 && KEY_RETRY_CODES.has(opened.response.body.code);
    if (!retry) return opened;
    cache.invalidate();
  }
}
