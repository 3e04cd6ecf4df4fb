/**
 * A flow as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), with every field
 * the format requires, secrets masked unless revealed and huge bodies cut to 64 KiB (the cut
 * said in the content's `comment`).
 */
import { bodyBytes, bodyText, encodeBase64 } from './body-bytes';
import { entryEnvelopes } from './envelope-info';
import type { Flow, FlowStep } from './flow-types';
import { parseUrl, type HarContent, type HarEntry, type HarHeader, type HarPostData } from './har';
import {
  isSecretField,
  maskSecret,
  redactBodyText,
  redactHeaders,
  redactText,
  type RevealOption,
} from './redact';
import { BODY_CAP_BYTES } from './summarize-body';

export interface HarExportEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: never[];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: HarPostData;
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: never[];
    headers: HarHeader[];
    content: HarContent;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  _scPlaintext?: { request?: string; response?: string };
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarExportEntry[];
    comment?: string;
  };
}

function cutNote(kept: number, total: number): { comment?: string } {
  if (kept >= total) return {};
  return {
    comment: `Authdeck kept the first ${kept} of ${total} bytes; ${total - kept} were cut.`,
  };
}

function cutText(text: string): { text: string; comment?: string } {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= BODY_CAP_BYTES) return { text };
  const kept = new TextDecoder().decode(bytes.subarray(0, BODY_CAP_BYTES)).replace(/\uFFFD$/, '');
  return { text: kept, ...cutNote(new TextEncoder().encode(kept).length, bytes.length) };
}

function content(entry: HarEntry, options: RevealOption): HarContent {
  const source = entry.response.content;
  const out: HarContent = { mimeType: source.mimeType, size: source.size };
  if (source.text === undefined) return out;
  const text = entryEnvelopes(entry).response === null ? bodyText(source) : null;
  if (text === null) {
    // Bytes (an envelope, an image) hold no field to mask; huge ones are cut like text.
    const bytes = bodyBytes(source) ?? new Uint8Array();
    const kept = bytes.subarray(0, BODY_CAP_BYTES);
    const note = cutNote(kept.length, bytes.length);
    return { ...out, text: encodeBase64(kept), encoding: 'base64', ...note };
  }
  const cut = cutText(text);
  const side = { ...options, side: 'response' as const };
  // A cut JSON text no longer parses: mask it as text.
  const shown =
    cut.comment === undefined ? redactBodyText(cut.text, side) : redactText(cut.text, side);
  return { ...out, text: shown, ...(cut.comment === undefined ? {} : { comment: cut.comment }) };
}

function postData(entry: HarEntry, options: RevealOption): HarPostData | undefined {
  const body = entry.request.postData;
  if (body === undefined) return undefined;
  const text = entryEnvelopes(entry).request === null ? bodyText(body) : null;
  if (text === null) return { ...body };
  return { mimeType: body.mimeType, text: redactBodyText(text, { ...options, side: 'request' }) };
}

function queryString(url: string, options: RevealOption): HarHeader[] {
  const parts = parseUrl(url);
  if (parts === null) return [];
  return [...parts.query].map(([name, value]) => ({
    name,
    value:
      options.reveal === true || !isSecretField(name)
        ? redactText(value, options)
        : maskSecret(value),
  }));
}

function plaintexts(entry: HarEntry, options: RevealOption): HarExportEntry['_scPlaintext'] {
  const source = entry._scPlaintext;
  if (source === undefined) return undefined;
  const out: NonNullable<HarExportEntry['_scPlaintext']> = {};
  if (source.request !== undefined)
    out.request = redactBodyText(source.request, { ...options, side: 'request' });
  if (source.response !== undefined)
    out.response = redactBodyText(source.response, { ...options, side: 'response' });
  return out;
}

function exportEntry(step: FlowStep, index: number, options: RevealOption): HarExportEntry {
  const { entry } = step;
  const body = postData(entry, options);
  const time = Math.max(0, entry.time);
  const out: HarExportEntry = {
    startedDateTime:
      step.startedMs === null ? new Date(0).toISOString() : new Date(step.startedMs).toISOString(),
    time,
    request: {
      method: entry.request.method,
      url: options.reveal === true ? entry.request.url : redactText(entry.request.url),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: redactHeaders(entry.request.headers, options),
      queryString: queryString(entry.request.url, options),
      ...(body === undefined ? {} : { postData: body }),
      headersSize: -1,
      bodySize: body === undefined ? 0 : -1,
    },
    response: {
      status: entry.response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: redactHeaders(entry.response.headers, options),
      content: content(entry, options),
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    comment: `Step ${index + 1}: ${step.kind}${step.startedMs === null ? ' (start time not captured)' : ''}`,
  };
  const plain = plaintexts(entry, options);
  if (plain !== undefined) out._scPlaintext = plain;
  return out;
}

/** The flow as a HAR 1.2 log object (JSON.stringify it to save a .har file). */
export function flowToHar(flow: Flow, options: RevealOption = {}): HarLog {
  const masked = options.reveal === true ? '' : ' Secrets are masked (…).';
  return {
    log: {
      version: '1.2',
      creator: { name: 'Authdeck', version: '0.1.0' },
      entries: flow.steps.map((step, i) => exportEntry(step, i, options)),
      comment: `Authdeck flow ${flow.id}: ${flow.family} on ${flow.origin}, ${flow.outcome}.${masked}`,
    },
  };
}
