/**
 * The SCv2 envelope (SCv2 §4): a 24-byte header, then AES-256-GCM ciphertext and its 16-byte tag.
 *
 *   0      2    3    4          12            24        24+n     24+n+16
 *   | "SC" | 02 | ty | ts (u64) | nonce (96b) | ciphertext | tag |
 *
 * Requests are bound to session and endpoint through their AAD, responses to session and to
 * the nonce of the request they answer. Pure: the caller supplies key, clock and nonce.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { concat, utf8 } from './bytes';
import { ScError } from './errors';

export const ENVELOPE_HEADER_BYTES = 24;
export const GCM_TAG_BYTES = 16;
export const MIN_ENVELOPE_BYTES = 40; // SCv2 §4: header + tag, empty plaintext
export const NONCE_BYTES = 12;
export const SESSION_KEY_BYTES = 32;

const MAGIC_0 = 0x53; // 'S'
const MAGIC_1 = 0x43; // 'C'
const VERSION = 0x02;
const TYPE_BYTE = { request: 0x01, response: 0x02 } as const;

export type EnvelopeType = 'request' | 'response';

export interface EnvelopeHeader {
  type: EnvelopeType;
  /** Sender's clock, ms since epoch. */
  timestamp: number;
  nonce: Uint8Array;
}

export interface SealRequestArgs {
  key: Uint8Array;
  sessionId: string;
  method: string;
  path: string;
  plaintext: Uint8Array | string;
  timestamp: number;
  nonce: Uint8Array;
}

export interface OpenRequestArgs {
  key: Uint8Array;
  sessionId: string;
  method: string;
  path: string;
  envelope: Uint8Array;
}

export interface SealResponseArgs {
  key: Uint8Array;
  sessionId: string;
  requestNonce: Uint8Array;
  plaintext: Uint8Array | string;
  timestamp: number;
  nonce: Uint8Array;
}

export interface OpenResponseArgs {
  key: Uint8Array;
  sessionId: string;
  requestNonce: Uint8Array;
  envelope: Uint8Array;
}

export interface OpenedEnvelope {
  header: EnvelopeHeader;
  plaintext: Uint8Array;
}

function assertKey(key: Uint8Array): void {
  if (key.length !== SESSION_KEY_BYTES) {
    throw new RangeError(`SCv2 session key must be ${SESSION_KEY_BYTES} bytes, got ${key.length}`);
  }
}

function assertNonce(nonce: Uint8Array, what: string): void {
  if (nonce.length !== NONCE_BYTES) {
    throw new RangeError(`SCv2 ${what} must be ${NONCE_BYTES} bytes, got ${nonce.length}`);
  }
}

export function encodeHeader(type: EnvelopeType, timestamp: number, nonce: Uint8Array): Uint8Array {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError('SCv2 timestamp must be a non-negative integer (ms since epoch)');
  }
  assertNonce(nonce, 'nonce');
  const header = new Uint8Array(ENVELOPE_HEADER_BYTES);
  header.set([MAGIC_0, MAGIC_1, VERSION, TYPE_BYTE[type]]);
  new DataView(header.buffer).setBigUint64(4, BigInt(timestamp)); // SCv2 §4: uint64 big-endian
  header.set(nonce, 12);
  return header;
}

/** SCv2 §4.2 row "length ≥ 40, magic, version byte 2, type byte" (and §4.3 for responses). */
export function parseEnvelopeHeader(envelope: Uint8Array, expected: EnvelopeType): EnvelopeHeader {
  const malformed = (why: string): ScError =>
    new ScError('SC.ENVELOPE_MALFORMED', `SCv2 ${expected} envelope malformed: ${why}`);
  if (envelope.length < MIN_ENVELOPE_BYTES) throw malformed(`${envelope.length} bytes`);
  if (envelope[0] !== MAGIC_0 || envelope[1] !== MAGIC_1) throw malformed('bad magic');
  if (envelope[2] !== VERSION) throw malformed('unsupported version byte');
  if (envelope[3] !== TYPE_BYTE[expected]) throw malformed('wrong type byte');
  const view = new DataView(envelope.buffer, envelope.byteOffset, ENVELOPE_HEADER_BYTES);
  return {
    type: expected,
    timestamp: Number(view.getBigUint64(4)),
    nonce: envelope.slice(12, ENVELOPE_HEADER_BYTES),
  };
}

/** SCv2 §4: header || sessionId || 0x00 || METHOD || 0x00 || path. */
export function requestAad(
  header: Uint8Array,
  sessionId: string,
  method: string,
  path: string,
): Uint8Array {
  const zero = Uint8Array.of(0);
  return concat(header, utf8(sessionId), zero, utf8(method.toUpperCase()), zero, utf8(path));
}

/** SCv2 §4: header || sessionId || 0x00 || requestNonce. */
export function responseAad(
  header: Uint8Array,
  sessionId: string,
  requestNonce: Uint8Array,
): Uint8Array {
  assertNonce(requestNonce, 'request nonce');
  return concat(header, utf8(sessionId), Uint8Array.of(0), requestNonce);
}

function seal(
  key: Uint8Array,
  header: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array | string,
) {
  assertKey(key);
  const nonce = header.subarray(12, ENVELOPE_HEADER_BYTES);
  const body = typeof plaintext === 'string' ? utf8(plaintext) : plaintext;
  return concat(header, gcm(key, nonce, aad).encrypt(body));
}

function open(key: Uint8Array, envelope: Uint8Array, aad: Uint8Array, what: EnvelopeType) {
  const nonce = envelope.subarray(12, ENVELOPE_HEADER_BYTES);
  try {
    // noble's GCM checks the tag before running CTR, so no unauthenticated plaintext exists.
    return gcm(key, nonce, aad).decrypt(envelope.subarray(ENVELOPE_HEADER_BYTES));
  } catch {
    throw new ScError('SC.DECRYPT_FAILED', `SCv2 ${what} envelope did not authenticate`);
  }
}

export function sealRequest(a: SealRequestArgs): Uint8Array<ArrayBuffer> {
  const header = encodeHeader('request', a.timestamp, a.nonce);
  return seal(a.key, header, requestAad(header, a.sessionId, a.method, a.path), a.plaintext);
}

export function openRequest(a: OpenRequestArgs): OpenedEnvelope {
  assertKey(a.key);
  const header = parseEnvelopeHeader(a.envelope, 'request');
  const headerBytes = a.envelope.subarray(0, ENVELOPE_HEADER_BYTES);
  const aad = requestAad(headerBytes, a.sessionId, a.method, a.path);
  return { header, plaintext: open(a.key, a.envelope, aad, 'request') };
}

export function sealResponse(a: SealResponseArgs): Uint8Array<ArrayBuffer> {
  const header = encodeHeader('response', a.timestamp, a.nonce);
  return seal(a.key, header, responseAad(header, a.sessionId, a.requestNonce), a.plaintext);
}

export function openResponse(a: OpenResponseArgs): OpenedEnvelope {
  assertKey(a.key);
  const header = parseEnvelopeHeader(a.envelope, 'response');
  const headerBytes = a.envelope.subarray(0, ENVELOPE_HEADER_BYTES);
  const aad = responseAad(headerBytes, a.sessionId, a.requestNonce);
  return { header, plaintext: open(a.key, a.envelope, aad, 'response') };
}
