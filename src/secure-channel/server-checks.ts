/**
 * Pure server-side receipt checks of SCv2 §4.2, shared by the emulator and the unit tests.
 *
 * `checkScHeaders` covers the header rows (version, session known, not expired, client hash);
 * `checkRequestEnvelope` covers the envelope rows (shape, freshness, replay, tag) and records
 * the nonce only once the tag has verified, so forged envelopes cannot use nonces up.
 */
import { toHex } from './bytes';
import { openRequest, parseEnvelopeHeader, type EnvelopeHeader } from './envelope';
import { ScError, type ScErrorCode } from './errors';

export const ENVELOPE_FRESHNESS_MS = 300_000; // SCv2 §4.2
export const SC_VERSION_HEADER = 'x-sc-version';
export const SC_SESSION_HEADER = 'x-sc-session-id';
export const SC_LEGACY_SESSION_HEADER = 'x-secure-channel-session-id'; // SCv2 §4.1
export const SC_ERROR_HEADER = 'X-SC-Error';

/** Codes a server answers with; the others are raised only by clients. */
export type ScServerErrorCode = Exclude<
  ScErrorCode,
  'SC.KEY_CONFIRMATION_FAILED' | 'SC.ALGORITHM_UNSUPPORTED' | 'SC.RESPONSE_INVALID'
>;

/** HTTP status of each server-side SC failure (SCv2 §4.2 table, §6). */
export const SC_HTTP_STATUS: Readonly<Record<ScServerErrorCode, number>> = {
  'SC.VERSION_UNSUPPORTED': 400,
  'SC.SESSION_NOT_FOUND': 401,
  'SC.SESSION_EXPIRED': 401,
  'SC.CLIENT_HASH_MISMATCH': 401,
  'SC.ENVELOPE_MALFORMED': 400,
  'SC.ENVELOPE_EXPIRED': 400,
  'SC.REPLAY': 400,
  'SC.DECRYPT_FAILED': 400,
  'SC.KEY_EXPIRED': 400,
  'SC.KEY_UNWRAP_FAILED': 400,
};

export type ScCheck<T> = { ok: true; value: T } | { ok: false; error: ScError };

export interface ServerSession {
  key: Uint8Array;
  /** Service-clock ms at which the session dies (SCv2 §3 step 6). */
  expiresAt: number;
  clientHash: string;
  /** Hex nonces of requests whose tag verified (SCv2 §4.2 replay row). */
  seenNonces: Set<string>;
}

export interface ScHeaderInput<S extends ServerSession> {
  /** Request headers, names lower-case (Node's IncomingHttpHeaders shape). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  lookup: (sessionId: string) => S | undefined;
  serviceNowMs: number;
}

const fail = <T>(code: ScErrorCode, message: string): ScCheck<T> => ({
  ok: false,
  error: new ScError(code, message),
});

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** SCv2 §4.2 rows 1–4 (and §4.2's rule on two differing session headers). */
export function checkScHeaders<S extends ServerSession>(
  input: ScHeaderInput<S>,
): ScCheck<{ sessionId: string; session: S }> {
  const { headers } = input;
  if (single(headers[SC_VERSION_HEADER])?.trim() !== '2') {
    return fail('SC.VERSION_UNSUPPORTED', 'X-SC-Version must be 2');
  }
  const current = single(headers[SC_SESSION_HEADER]);
  const legacy = single(headers[SC_LEGACY_SESSION_HEADER]);
  if (current !== undefined && legacy !== undefined && current !== legacy) {
    return fail('SC.ENVELOPE_MALFORMED', 'the two session id headers differ');
  }
  const sessionId = current ?? legacy;
  const session = sessionId === undefined ? undefined : input.lookup(sessionId);
  if (sessionId === undefined || session === undefined) {
    return fail('SC.SESSION_NOT_FOUND', 'unknown secure-channel session');
  }
  if (input.serviceNowMs >= session.expiresAt) {
    return fail('SC.SESSION_EXPIRED', 'secure-channel session expired');
  }
  if (single(headers['x-client-hash']) !== session.clientHash) {
    return fail('SC.CLIENT_HASH_MISMATCH', 'X-Client-Hash differs from the session');
  }
  return { ok: true, value: { sessionId, session } };
}

export interface RequestEnvelopeInput {
  key: Uint8Array;
  sessionId: string;
  method: string;
  /** Request path without scheme, host and query (SCv2 §4). */
  path: string;
  envelope: Uint8Array;
  /** The server's real clock, not the service clock (SCv2 §4.2 "Clocks"). */
  serverNowMs: number;
  seenNonces: Set<string>;
}

/** SCv2 §4.2 envelope rows, in order; on success the nonce is recorded as seen. */
export function checkRequestEnvelope(
  input: RequestEnvelopeInput,
): ScCheck<{ header: EnvelopeHeader; plaintext: Uint8Array }> {
  let header: EnvelopeHeader;
  try {
    header = parseEnvelopeHeader(input.envelope, 'request');
  } catch (error) {
    if (error instanceof ScError) return { ok: false, error };
    throw error;
  }
  if (Math.abs(input.serverNowMs - header.timestamp) > ENVELOPE_FRESHNESS_MS) {
    return fail('SC.ENVELOPE_EXPIRED', 'envelope timestamp outside the 300 s window');
  }
  const nonceHex = toHex(header.nonce);
  if (input.seenNonces.has(nonceHex)) return fail('SC.REPLAY', 'envelope nonce already used');
  try {
    const opened = openRequest(input);
    input.seenNonces.add(nonceHex); // only after the tag verified (SCv2 §4.2)
    return { ok: true, value: opened };
  } catch (error) {
    if (error instanceof ScError) return { ok: false, error };
    throw error;
  }
}
