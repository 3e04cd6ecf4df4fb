import { describe, expect, it } from 'vitest';
import { parseRetryAfter, ProviderError } from '../../../src/providers/errors';
import { createHttpClient } from '../../../src/providers/http';
import { hangingFetch, json } from './fake-fetch';

const request = { method: 'POST', url: 'http://fake.test/x', headers: {}, body: {} } as const;

describe('the adapters\u2019 HTTP client', () => {
  it('gives up after its timeout with TIMEOUT', async () => {
    const http = createHttpClient({ provider: 'cloudbase', fetch: hangingFetch(), timeoutMs: 30 });
    const error = await http.request(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'TIMEOUT', provider: 'cloudbase' });
  });

  it('reports a refused connection as NETWORK', async () => {
    const refused: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const http = createHttpClient({ provider: 'idaas', fetch: refused, timeoutMs: 1000 });
    await expect(http.request(request)).rejects.toMatchObject({
      code: 'NETWORK',
      provider: 'idaas',
    });
  });

  it('sends JSON and hands back status, headers and the parsed body for any status', async () => {
    let seen: unknown;
    const echo: typeof fetch = (_url, init) => {
      seen = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
      return Promise.resolve(json({ error: 'invalid_argument' }, 400, { 'x-request-id': 'r1' }));
    };
    const http = createHttpClient({ provider: 'cloudbase', fetch: echo, timeoutMs: 1000 });
    const res = await http.request({ ...request, body: { username: 'zhangsan' } });
    expect(seen).toEqual({ username: 'zhangsan' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBe('r1');
    expect(res.body).toEqual({ error: 'invalid_argument' });
  });

  it('accepts +json media types and refuses text/plain', async () => {
    const typed =
      (type: string): typeof fetch =>
      () =>
        Promise.resolve(new Response('{}', { headers: { 'content-type': type } }));
    const ok = createHttpClient({
      provider: 'koodrive',
      fetch: typed('application/problem+json; charset=utf-8'),
      timeoutMs: 1000,
    });
    await expect(ok.request(request)).resolves.toMatchObject({ body: {} });
    const bad = createHttpClient({
      provider: 'koodrive',
      fetch: typed('text/plain'),
      timeoutMs: 1000,
    });
    await expect(bad.request(request)).rejects.toMatchObject({
      code: 'RESPONSE_INVALID',
      httpStatus: 200,
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-04-16T00:00:00Z');

  it('reads delay-seconds and HTTP-dates (RFC 9110 §10.2.3)', () => {
    expect(parseRetryAfter('42', undefined, now)).toBe(42_000);
    expect(parseRetryAfter('Thu, 16 Apr 2026 00:00:30 GMT', undefined, now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 15 Apr 2026 00:00:00 GMT', undefined, now)).toBe(0);
  });

  it('falls back to the body\u2019s seconds (providers.md §1.2 data.retryAfter)', () => {
    expect(parseRetryAfter(null, 17, now)).toBe(17_000);
    expect(parseRetryAfter('soon', 5, now)).toBe(5_000);
    expect(parseRetryAfter(null, '17', now)).toBeUndefined();
    expect(parseRetryAfter(null, undefined, now)).toBeUndefined();
  });
});
