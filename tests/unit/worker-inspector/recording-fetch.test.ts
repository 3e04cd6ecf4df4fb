import { describe, expect, it } from 'vitest';
import { LOG_BODY_CAP_BYTES } from '../../../src/worker/inspector/request-log';
import {
  createRecordingFetch,
  type CapturedExchange,
} from '../../../src/worker/inspector/recording-fetch';

/** A clock that moves 5 ms every time it is read. */
function steppingClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)) {
  let t = start - 5;
  return () => (t += 5);
}

function recorder(
  answer: (url: string, init?: RequestInit) => Response | Promise<Response>,
  options: { failRecord?: boolean } = {},
) {
  const captured: CapturedExchange[] = [];
  const fetch = createRecordingFetch({
    fetch: (input, init) =>
      Promise.resolve(answer(input instanceof Request ? input.url : String(input), init)),
    now: steppingClock(),
    record: (exchange) => {
      if (options.failRecord) return Promise.reject(new Error('storage gone'));
      captured.push(exchange);
      return Promise.resolve();
    },
  });
  return { fetch, captured };
}

const only = (captured: CapturedExchange[]): CapturedExchange => {
  expect(captured).toHaveLength(1);
  return captured[0] ?? expect.fail('nothing recorded');
};

describe('the recording fetch', () => {
  it('records a JSON exchange as a HAR entry and hands the caller an unread response', async () => {
    const { fetch, captured } = recorder(
      () =>
        new Response('{"code":"0","data":{"ok":true}}', {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' },
        }),
    );
    const res = await fetch('http://127.0.0.1:8787/koodrive/ose/v1/auth/login', {
      method: 'post',
      headers: { 'x-hw-agentName': 'authdeck-it', 'Content-Type': 'application/json' },
      body: '{"account":"0027188460911","authType":"1","password":"123qweASD143"}',
    });
    expect(await res.json()).toEqual({ code: '0', data: { ok: true } });
    const { entry, cutBytes } = only(captured);
    expect(cutBytes).toBe(0);
    expect(entry).toEqual({
      startedDateTime: '2026-11-22T12:00:00.000Z',
      time: 10,
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:8787/koodrive/ose/v1/auth/login',
        // The caller's header names, in its case and order.
        headers: [
          { name: 'x-hw-agentName', value: 'authdeck-it' },
          { name: 'Content-Type', value: 'application/json' },
        ],
        postData: {
          mimeType: 'application/json',
          text: '{"account":"0027188460911","authType":"1","password":"123qweASD143"}',
        },
      },
      response: {
        status: 200,
        headers: [
          { name: 'content-type', value: 'application/json' },
          { name: 'x-request-id', value: 'r-1' },
        ],
        content: {
          mimeType: 'application/json',
          size: 31,
          text: '{"code":"0","data":{"ok":true}}',
        },
      },
      timings: { send: 0, wait: 5, receive: 5 },
    });
  });

  it('keeps bytes as base64: a binary request body and an octet-stream answer', async () => {
    const envelope = Uint8Array.from([0x53, 0x43, 0x02, 0x01, 0xff, 0x00, 0x80]);
    const { fetch, captured } = recorder(
      () =>
        new Response(Uint8Array.from([0x53, 0x43, 0x02, 0x02, 0xfe]), {
          headers: { 'content-type': 'application/octet-stream' },
        }),
    );
    await fetch('http://127.0.0.1:8787/web/v1/system/auth/login/initiate', {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'application/json;charset=UTF-8' }),
      body: envelope,
    });
    const { entry } = only(captured);
    // SCv2 §4.1: the header says JSON, the body is an envelope; the bytes win.
    expect(entry.request.postData).toEqual({
      mimeType: 'application/json;charset=UTF-8',
      text: 'U0MCAf8AgA==',
      encoding: 'base64',
    });
    expect(entry.response.content).toEqual({
      mimeType: 'application/octet-stream',
      size: 5,
      text: 'U0MCAv4=',
      encoding: 'base64',
    });
  });

  it('keeps a text body that is not UTF-8 as base64', async () => {
    const { fetch, captured } = recorder(
      () =>
        new Response(Uint8Array.from([0x7b, 0xc3, 0x28, 0x7d]), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    await fetch('http://127.0.0.1:8787/x');
    expect(only(captured).entry.response.content).toMatchObject({
      text: 'e8MofQ==',
      encoding: 'base64',
      size: 4,
    });
  });

  it('cuts a huge body at 64 KiB on a character boundary and says how much was cut', async () => {
    // 'é' is two bytes: the cap falls inside one, so one byte less is kept.
    const body = `"${'é'.repeat(40_000)}"`;
    const total = new TextEncoder().encode(body).length;
    const { fetch, captured } = recorder(
      () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    );
    const res = await fetch('http://127.0.0.1:8787/big');
    expect(await res.text()).toBe(body); // the caller still gets all of it
    const { entry, cutBytes } = only(captured);
    const kept = new TextEncoder().encode(entry.response.content.text).length;
    expect(LOG_BODY_CAP_BYTES).toBe(65_536);
    expect(kept).toBe(65_535);
    expect(cutBytes).toBe(total - 65_535);
    expect(entry.response.content.size).toBe(total);
    expect(entry.response.content.comment).toBe(
      `${total - 65_535} of ${total} bytes cut: the request log keeps 65536 bytes of each body`,
    );
  });

  it('records a request that got no response and rethrows the same error', async () => {
    const failure = new TypeError('fetch failed');
    const { fetch, captured } = recorder(() => {
      throw failure;
    });
    await expect(
      fetch('http://127.0.0.1:9/auth/v1/signin', { method: 'POST', body: '{}' }),
    ).rejects.toBe(failure);
    const { entry } = only(captured);
    expect(entry.response).toEqual({
      status: 0,
      headers: [],
      content: { mimeType: '', size: -1, comment: 'no response: TypeError: fetch failed' },
    });
    expect(entry.request.postData?.text).toBe('{}');
  });

  it('answers normally when the log cannot record', async () => {
    const { fetch } = recorder(() => new Response('{"a":1}'), { failRecord: true });
    const res = await fetch('http://127.0.0.1:8787/x');
    expect(await res.json()).toEqual({ a: 1 });
  });
});
