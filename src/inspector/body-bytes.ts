/**
 * Reading HAR bodies: bytes for envelopes, text for everything else, JSON where it parses, and
 * the SCv2 plaintexts where the entry carries them (`_scPlaintext`, the extension's own log).
 */
import type { HarEntry } from './har';

export interface BodyLike {
  text?: string;
  encoding?: string;
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Standard base64 (RFC 4648 §4), whitespace and missing padding tolerated; null otherwise. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64_RE.test(compact) || compact.length % 4 === 1) return null;
  const padded = compact.padEnd(compact.length + ((4 - (compact.length % 4)) % 4), '=');
  try {
    const binary = atob(padded);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function isBase64Body(body: BodyLike): boolean {
  return body.encoding?.toLowerCase() === 'base64';
}

/**
 * The bytes of a body. Base64 bodies decode; text whose every character fits a byte is read as
 * Latin-1, which is how DevTools hands over binary it did not encode; other text as UTF-8.
 */
export function bodyBytes(body: BodyLike | undefined): Uint8Array | null {
  if (body?.text === undefined) return null;
  if (isBase64Body(body)) return decodeBase64(body.text);
  const text = body.text;
  let latin1 = true;
  for (let i = 0; i < text.length && latin1; i++) latin1 = text.charCodeAt(i) <= 0xff;
  if (!latin1) return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The body as text, or null when there is none or it is bytes that are not UTF-8. */
export function bodyText(body: BodyLike | undefined): string | null {
  if (body?.text === undefined) return null;
  if (!isBase64Body(body)) return body.text;
  const bytes = decodeBase64(body.text);
  return bytes === null ? null : decodeUtf8(bytes);
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function parseJson(text: string | null | undefined): { value: unknown } | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch {
    return null;
  }
}

export interface JsonBody {
  value: unknown;
  /** `plaintext`: the body on the wire; `decrypted`: the SCv2 plaintext the log recorded. */
  source: 'plaintext' | 'decrypted';
}

function jsonOf(wire: BodyLike | undefined, decrypted: string | undefined): JsonBody | null {
  const opened = parseJson(decrypted);
  if (opened !== null) return { value: opened.value, source: 'decrypted' };
  const plain = parseJson(bodyText(wire));
  return plain === null ? null : { value: plain.value, source: 'plaintext' };
}

export function requestJson(entry: HarEntry): JsonBody | null {
  return jsonOf(entry.request.postData, entry._scPlaintext?.request);
}

export function responseJson(entry: HarEntry): JsonBody | null {
  return jsonOf(entry.response.content, entry._scPlaintext?.response);
}
