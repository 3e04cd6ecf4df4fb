/**
 * What an SCv2 envelope shows without its key (SCv2 §4): type, sender's timestamp, nonce and
 * size, plus the session it travels in (§4.1 headers). The header is read by the channel's own
 * `parseEnvelopeHeader`, so the inspector and the client agree on what is malformed.
 */
import { toHex } from '../secure-channel/bytes';
import {
  ENVELOPE_HEADER_BYTES,
  GCM_TAG_BYTES,
  parseEnvelopeHeader,
  type EnvelopeType,
} from '../secure-channel/envelope';
import { ScError } from '../secure-channel/errors';
import { bodyBytes, decodeBase64 } from './body-bytes';
import { getHeader, isRecord, normalizeEntry, startedMs, type HarHeader } from './har';

/** SCv2 §4.2: a server refuses envelopes more than 300 s off its clock. */
export const MAX_SKEW_MS = 300_000;

export interface EnvelopeSession {
  /** From `X-SC-Session-Id`, else the older `X-Secure-Channel-Session-Id` (SCv2 §4.1). */
  sessionId: string | null;
  /** `X-SC-Version` as sent, null when absent. */
  scVersion: string | null;
  /** Both session headers present with different values (refused: SC.ENVELOPE_MALFORMED). */
  sessionHeadersDiffer: boolean;
}

export interface ValidEnvelope extends EnvelopeSession {
  ok: true;
  type: EnvelopeType;
  timestamp: number;
  /** UTC; null for a timestamp past what a Date can hold. */
  timestampIso: string | null;
  /** Envelope timestamp minus the request's start, when that is known. */
  skewMs: number | null;
  /** |skew| over 300 s: a server would answer SC.ENVELOPE_EXPIRED. */
  stale: boolean;
  nonceHex: string;
  sizeBytes: number;
  ciphertextBytes: number;
}

export interface MalformedEnvelope extends EnvelopeSession {
  ok: false;
  sizeBytes: number;
  reason: string;
}

export type EnvelopeInfo = ValidEnvelope | MalformedEnvelope;

export interface EnvelopeContext {
  /** The request's headers, for the session id and version. */
  headers?: readonly HarHeader[];
  /** ms since epoch, for the skew. */
  requestTimeMs?: number | null;
  /** The type the envelope should have: requests carry type 1, responses type 2. */
  expected?: EnvelopeType;
}

function sessionOf(headers: readonly HarHeader[]): EnvelopeSession {
  const current = getHeader(headers, 'x-sc-session-id');
  const older = getHeader(headers, 'x-secure-channel-session-id');
  return {
    sessionId: current ?? older,
    scVersion: getHeader(headers, 'x-sc-version'),
    sessionHeadersDiffer: current !== null && older !== null && current !== older,
  };
}

function lostBytes(body: unknown): boolean {
  if (!isRecord(body) || typeof body.text !== 'string') return false;
  return body.encoding !== 'base64' && body.text.includes('\uFFFD');
}

function toBytes(body: unknown): Uint8Array | null {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return decodeBase64(body);
  if (isRecord(body)) {
    const text = typeof body.text === 'string' ? body.text : undefined;
    const encoding = typeof body.encoding === 'string' ? body.encoding : undefined;
    return bodyBytes({
      ...(text === undefined ? {} : { text }),
      ...(encoding === undefined ? {} : { encoding }),
    });
  }
  return null;
}

function readHeader(bytes: Uint8Array) {
  // Byte 3 says which type it claims; parseEnvelopeHeader checks it against that claim.
  const claimed: EnvelopeType = bytes[3] === 0x02 ? 'response' : 'request';
  try {
    return parseEnvelopeHeader(bytes, claimed);
  } catch (error) {
    if (error instanceof ScError) return error.message;
    throw error;
  }
}

/**
 * The metadata of an SCv2 envelope. `body`: the bytes, a base64 string, or a HAR body
 * (`postData` / `content`). Never throws: what is not an envelope says why.
 */
export function envelopeInfo(body: unknown, context: EnvelopeContext = {}): EnvelopeInfo {
  const session = sessionOf(context.headers ?? []);
  if (lostBytes(body)) {
    // Some recorders (Playwright, DevTools' HAR export) save binary bodies as UTF-8 text and
    // replace what does not decode with U+FFFD: those bytes are gone, so is the envelope.
    const reason =
      'The body was saved as text and lost bytes (U+FFFD): its envelope cannot be read.';
    return { ok: false, ...session, sizeBytes: 0, reason };
  }
  const bytes = toBytes(body);
  if (bytes === null) {
    return {
      ok: false,
      ...session,
      sizeBytes: 0,
      reason: 'No body bytes (missing, or not base64).',
    };
  }
  const header = readHeader(bytes);
  if (typeof header === 'string')
    return { ok: false, ...session, sizeBytes: bytes.length, reason: header };
  if (context.expected !== undefined && header.type !== context.expected) {
    const reason = `A ${context.expected} body holds a ${header.type} envelope (type byte ${bytes[3] ?? 0}).`;
    return { ok: false, ...session, sizeBytes: bytes.length, reason };
  }
  const skewMs =
    context.requestTimeMs === undefined || context.requestTimeMs === null
      ? null
      : header.timestamp - context.requestTimeMs;
  const iso = header.timestamp <= 8.64e15 ? new Date(header.timestamp).toISOString() : null;
  return {
    ok: true,
    ...session,
    type: header.type,
    timestamp: header.timestamp,
    timestampIso: iso,
    skewMs,
    stale: skewMs !== null && Math.abs(skewMs) > MAX_SKEW_MS,
    nonceHex: toHex(header.nonce),
    sizeBytes: bytes.length,
    ciphertextBytes: bytes.length - ENVELOPE_HEADER_BYTES - GCM_TAG_BYTES,
  };
}

export interface EntryEnvelopes {
  request: EnvelopeInfo | null;
  response: EnvelopeInfo | null;
}

/** The envelopes of a captured call: null on a side whose body does not open with "SC". */
export function entryEnvelopes(raw: unknown): EntryEnvelopes {
  const { entry } = normalizeEntry(raw);
  const context = { headers: entry.request.headers, requestTimeMs: startedMs(entry) };
  const side = (body: unknown, expected: EnvelopeType) => {
    const bytes = toBytes(body);
    if (bytes === null || bytes[0] !== 0x53 || bytes[1] !== 0x43) return null;
    return envelopeInfo(bytes, { ...context, expected });
  };
  return {
    request: side(entry.request.postData, 'request'),
    response: side(entry.response.content, 'response'),
  };
}
