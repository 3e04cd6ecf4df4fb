/**
 * A captured body for display: parsed JSON, text, or bytes (with their SCv2 envelope metadata
 * when they are one). Huge bodies keep their first 64 KiB and say how much was cut; secrets are
 * masked unless revealed.
 */
import { decodeBase64, decodeUtf8, encodeBase64, isBase64Body, parseJson } from './body-bytes';
import { envelopeInfo, type EnvelopeInfo } from './envelope-info';
import { isRecord } from './har';
import { redactJson, redactText, type RedactOptions } from './redact';

export const BODY_CAP_BYTES = 64 * 1024;

export interface BodyCut {
  keptBytes: number;
  totalBytes: number;
  cutBytes: number;
}

interface Base {
  mimeType: string;
  /** The body's size in bytes (UTF-8 for text). */
  bytes: number;
}

export type BodySummary =
  | (Base & { kind: 'empty' })
  | (Base & { kind: 'unavailable'; note: string })
  | (Base & { kind: 'json'; value: unknown; pretty: string })
  | (Base & { kind: 'text'; text: string; cut: BodyCut | null; note: string | null })
  | (Base & { kind: 'binary'; base64: string; cut: BodyCut | null; envelope: EnvelopeInfo | null });

export interface SummarizeOptions extends RedactOptions {
  /** Bytes kept of a huge body; default 64 KiB. */
  capBytes?: number;
}

function cutOf(total: number, kept: number): BodyCut | null {
  return kept >= total ? null : { keptBytes: kept, totalBytes: total, cutBytes: total - kept };
}

function isEnvelope(bytes: Uint8Array): boolean {
  return bytes[0] === 0x53 && bytes[1] === 0x43 && bytes[2] === 0x02; // SCv2 §4: "SC", 0x02
}

/** Control characters other than tab, line feed and carriage return mark bytes, not text. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

function binary(mimeType: string, bytes: Uint8Array, cap: number): BodySummary {
  const kept = bytes.subarray(0, cap);
  return {
    kind: 'binary',
    mimeType,
    bytes: bytes.length,
    base64: encodeBase64(kept),
    cut: cutOf(bytes.length, kept.length),
    envelope: isEnvelope(bytes) ? envelopeInfo(bytes) : null,
  };
}

function latin1(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return null;
    out[i] = code;
  }
  return out;
}

function text(mimeType: string, body: string, options: SummarizeOptions): BodySummary {
  const cap = options.capBytes ?? BODY_CAP_BYTES;
  const encoded = new TextEncoder().encode(body);
  if (encoded.length === 0) return { kind: 'empty', mimeType, bytes: 0 };
  const side = options.side ?? 'request';
  if (encoded.length > cap) {
    // Cut on the byte cap, then drop a character the cut split in two.
    const kept = new TextDecoder().decode(encoded.subarray(0, cap)).replace(/\uFFFD$/, '');
    const keptBytes = new TextEncoder().encode(kept).length;
    const jsonish = mimeType.includes('json') || /^\s*[[{]/.test(body);
    return {
      kind: 'text',
      mimeType,
      bytes: encoded.length,
      text: redactText(kept, { ...options, side }),
      cut: cutOf(encoded.length, keptBytes),
      note: jsonish ? 'JSON not parsed: the body was cut before its end.' : null,
    };
  }
  const json = mimeType.includes('json') || /^\s*[[{]/.test(body) ? parseJson(body) : null;
  if (json !== null) {
    const value = redactJson(json.value, { ...options, side });
    const pretty = JSON.stringify(value, null, 2);
    return { kind: 'json', mimeType, bytes: encoded.length, value, pretty };
  }
  const note = mimeType.includes('json') ? 'Declared as JSON but does not parse.' : null;
  const shown = redactText(body, { ...options, side });
  return { kind: 'text', mimeType, bytes: encoded.length, text: shown, cut: null, note };
}

/**
 * `content`: a HAR response `content` or request `postData`. `side` decides whether `code` is a
 * secret (request) or a result code (response). Never throws.
 */
export function summarizeBody(content: unknown, options: SummarizeOptions = {}): BodySummary {
  if (content === undefined || content === null) return { kind: 'empty', mimeType: '', bytes: 0 };
  if (!isRecord(content)) {
    return { kind: 'unavailable', mimeType: '', bytes: 0, note: 'Not a HAR body.' };
  }
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType : '';
  const size = typeof content.size === 'number' && content.size > 0 ? content.size : 0;
  const cap = Math.max(0, options.capBytes ?? BODY_CAP_BYTES);
  if (typeof content.text !== 'string') {
    if (size === 0) return { kind: 'empty', mimeType, bytes: 0 };
    return { kind: 'unavailable', mimeType, bytes: size, note: 'The capture holds no content.' };
  }
  const body = content.text;
  if (typeof content.encoding === 'string' && isBase64Body({ encoding: content.encoding })) {
    const bytes = decodeBase64(body);
    if (bytes === null) {
      const summary = text(mimeType, body, options);
      return summary.kind === 'text'
        ? { ...summary, note: 'Marked base64 but is not base64.' }
        : summary;
    }
    const decoded = isEnvelope(bytes) ? null : decodeUtf8(bytes);
    return decoded === null || hasControl(decoded)
      ? binary(mimeType, bytes, cap)
      : text(mimeType, decoded, options);
  }
  const raw = latin1(body);
  // DevTools hands over binary it did not encode as text whose characters are the bytes.
  if (raw !== null && (isEnvelope(raw) || hasControl(body))) return binary(mimeType, raw, cap);
  return text(mimeType, body, options);
}
