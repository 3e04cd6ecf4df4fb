/**
 * A fetch that records every exchange as a HAR entry for the request log and otherwise behaves
 * exactly like the fetch it wraps: same response object, same errors. The response is read
 * through a clone, so the caller's body is untouched; recording failures are swallowed, since
 * the log must never break a sign-in.
 */
import type { HarContent, HarResponse, ScPlaintext } from '../../inspector/har';
import {
  cutBytes,
  cutText,
  harHeaders,
  harRequest,
  type HarTimings,
  type LoggedHarEntry,
} from './har-capture';
import { LOG_BODY_CAP_BYTES } from './request-log';
import type { ScTap } from './sc-tap';

export interface CapturedExchange {
  entry: LoggedHarEntry;
  /** Bytes cut from bodies and plaintexts over the cap. */
  cutBytes: number;
}

export interface RecordingFetchDeps {
  fetch: typeof fetch;
  now: () => number;
  record: (captured: CapturedExchange) => Promise<unknown>;
  /** Opens SCv2 envelopes the tap noted; without it, envelopes are logged as bytes only. */
  sc?: Pick<ScTap, 'open'>;
  capBytes?: number;
}

const OCTET_STREAM = 'application/octet-stream';

function mediaTypeOf(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function cutPlaintext(plain: ScPlaintext | undefined, cap: number) {
  if (plain === undefined) return { plain: undefined, cut: 0 };
  const out: ScPlaintext = {};
  let cut = 0;
  for (const side of ['request', 'response'] as const) {
    const text = plain[side];
    if (text === undefined) continue;
    const kept = cutText(text, cap);
    out[side] = kept.text;
    cut += kept.cut;
  }
  return { plain: Object.keys(out).length === 0 ? undefined : out, cut };
}

function cutComment(cut: number, size: number, cap: number): string {
  return `${cut} of ${size} bytes cut: the request log keeps ${cap} bytes of each body`;
}

async function readContent(response: Response, cap: number) {
  const mimeType = response.headers.get('content-type') ?? '';
  const content: HarContent = { mimeType, size: -1 };
  let bytes: Uint8Array | null = null;
  try {
    bytes = new Uint8Array(await response.clone().arrayBuffer());
  } catch (error) {
    content.comment = `body not read: ${error instanceof Error ? error.name : 'error'}`;
    return { content, bytes, cut: 0 };
  }
  const body = cutBytes(bytes, cap, mediaTypeOf(mimeType) !== OCTET_STREAM);
  content.size = bytes.length;
  content.text = body.text;
  if (body.encoding !== undefined) content.encoding = body.encoding;
  if (body.cut > 0) content.comment = cutComment(body.cut, bytes.length, cap);
  return { content, bytes, cut: body.cut };
}

function failedResponse(error: unknown): HarResponse {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    status: 0,
    headers: [],
    content: { mimeType: '', size: -1, comment: `no response: ${what.slice(0, 200)}` },
  };
}

interface Call {
  input: RequestInfo | URL;
  init: RequestInit | undefined;
  started: number;
}

export function createRecordingFetch(d: RecordingFetchDeps): typeof fetch {
  const cap = d.capBytes ?? LOG_BODY_CAP_BYTES;

  function entryOf(
    call: Call,
    response: HarResponse,
    timings: HarTimings,
    sc: ScPlaintext | undefined,
  ) {
    const { request, cut } = harRequest(call.input, call.init, cap);
    const plain = cutPlaintext(sc, cap);
    const entry: LoggedHarEntry = {
      startedDateTime: new Date(call.started).toISOString(),
      time: timings.send + timings.wait + timings.receive,
      request,
      response,
      timings,
    };
    if (plain.plain !== undefined) entry._scPlaintext = plain.plain;
    return { entry, cut: cut + plain.cut };
  }

  function failed(call: Call, error: unknown): CapturedExchange {
    const sc = d.sc?.open(call.init?.body, null);
    const timings = { send: 0, wait: d.now() - call.started, receive: 0 };
    const { entry, cut } = entryOf(call, failedResponse(error), timings, sc);
    return { entry, cutBytes: cut };
  }

  async function answered(call: Call, res: Response, headersAt: number): Promise<CapturedExchange> {
    const read = await readContent(res, cap);
    const envelope = mediaTypeOf(read.content.mimeType) === OCTET_STREAM;
    const sc = d.sc?.open(call.init?.body, envelope ? read.bytes : null);
    const timings = { send: 0, wait: headersAt - call.started, receive: d.now() - headersAt };
    const response = {
      status: res.status,
      headers: harHeaders(res.headers),
      content: read.content,
    };
    const { entry, cut } = entryOf(call, response, timings, sc);
    return { entry, cutBytes: cut + read.cut };
  }

  async function keep(capture: () => CapturedExchange | Promise<CapturedExchange>): Promise<void> {
    try {
      await d.record(await capture());
    } catch {
      // A log that cannot record loses this entry, nothing else.
    }
  }

  return async (input, init) => {
    const call: Call = { input, init, started: d.now() };
    let response: Response;
    try {
      response = await d.fetch(input, init);
    } catch (error) {
      await keep(() => failed(call, error));
      throw error;
    }
    const headersAt = d.now();
    await keep(() => answered(call, response, headersAt));
    return response;
  };
}
