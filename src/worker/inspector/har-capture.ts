/**
 * Pure pieces of a HAR 1.2 entry (http://www.softwareishard.com/blog/har-12-spec/) made from
 * what the worker hands to `fetch` and what it gets back. Text stays text; bytes (SCv2
 * envelopes, anything that is not UTF-8) become base64 with `encoding: 'base64'`, as DevTools
 * writes them. Every body is cut at a byte cap, and the cut is counted, never hidden.
 */
import { decodeUtf8, encodeBase64, utf8Length } from '../../inspector/body-bytes';
import type { HarEntry, HarHeader, HarPostData, HarRequest } from '../../inspector/har';

/** HAR 1.2 `timings`: required in a HAR file, not read by the inspector's analysis. */
export interface HarTimings {
  send: number;
  wait: number;
  receive: number;
}

export interface LoggedHarEntry extends HarEntry {
  timings: HarTimings;
}

export interface CutBody {
  text: string;
  /** Set for bytes kept as base64. */
  encoding?: 'base64';
  /** Bytes not kept. */
  cut: number;
}

const TEXTUAL =
  /^(text\/|application\/(json|[\w.+-]*\+json|x-www-form-urlencoded|xml|javascript))/i;

export function isTextualType(mimeType: string): boolean {
  return TEXTUAL.test(mimeType.trim());
}

/** Where to cut UTF-8 at most `cap` bytes in without splitting a character (RFC 3629 §3). */
function utf8Boundary(bytes: Uint8Array, cap: number): number {
  if (bytes.length <= cap) return bytes.length;
  let end = cap;
  // Continuation bytes are 10xxxxxx: back off to the start of the character they belong to.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return end;
}

/** Bytes as text where they are UTF-8 (and `asText`), else as base64; at most `cap` bytes kept. */
export function cutBytes(bytes: Uint8Array, cap: number, asText: boolean): CutBody {
  if (asText) {
    const end = utf8Boundary(bytes, cap);
    const text = decodeUtf8(bytes.subarray(0, end));
    if (text !== null) return { text, cut: bytes.length - end };
  }
  const end = Math.min(bytes.length, cap);
  return {
    text: encodeBase64(bytes.subarray(0, end)),
    encoding: 'base64',
    cut: bytes.length - end,
  };
}

/** A string cut to at most `cap` UTF-8 bytes. */
export function cutText(text: string, cap: number): { text: string; cut: number } {
  if (text.length <= cap / 3 || utf8Length(text) <= cap) return { text, cut: 0 };
  const bytes = new TextEncoder().encode(text);
  const end = utf8Boundary(bytes, cap);
  return { text: decodeUtf8(bytes.subarray(0, end)) ?? '', cut: bytes.length - end };
}

/** Header pairs in the order and case the caller wrote them (a `Headers` object lower-cases). */
export function harHeaders(init: HeadersInit | undefined): HarHeader[] {
  if (init === undefined) return [];
  if (init instanceof Headers) return [...init].map(([name, value]) => ({ name, value }));
  const pairs = Array.isArray(init) ? init : Object.entries(init);
  return pairs.map(([name, value]) => ({ name, value }));
}

export function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function bodyBytesOf(body: BodyInit): Uint8Array | null {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return null;
}

/** The request body as HAR `postData`; bodies that cannot be read without consuming them are left out. */
function postDataOf(body: BodyInit, mimeType: string, cap: number) {
  if (typeof body === 'string' || body instanceof URLSearchParams) {
    const { text, cut } = cutText(String(body), cap);
    return { postData: { mimeType, text }, cut };
  }
  const bytes = bodyBytesOf(body);
  if (bytes === null) return { postData: undefined, cut: 0 };
  // Bytes handed to fetch are bytes (an SCv2 envelope), whatever Content-Type claims (SCv2 §4.1).
  const { text, encoding, cut } = cutBytes(bytes, cap, false);
  const postData: HarPostData = { mimeType, text };
  if (encoding !== undefined) postData.encoding = encoding;
  return { postData, cut };
}

/** The HAR request for a `fetch(input, init)` call, and the request bytes cut. */
export function harRequest(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  cap: number,
): { request: HarRequest; cut: number } {
  const fromRequest = input instanceof Request ? input : null;
  const headers = harHeaders(init?.headers ?? fromRequest?.headers);
  const request: HarRequest = {
    method: (init?.method ?? fromRequest?.method ?? 'GET').toUpperCase(),
    url: urlOf(input),
    headers,
  };
  const body = init?.body;
  if (body === undefined || body === null) return { request, cut: 0 };
  const type = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  const { postData, cut } = postDataOf(body, type, cap);
  if (postData !== undefined) request.postData = postData;
  return { request, cut };
}
