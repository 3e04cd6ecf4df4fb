/**
 * Contract: the emulator core — default plugins, the fallback error shapes (never a stack trace,
 * never a crash), and the CLI of providers.md §6.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, mailboxPort: 0 });
});
afterAll(() => emu.close());

const STACK = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+/;

async function rawHttp(port: number, request: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(request);
  let text = '';
  for await (const chunk of socket) text += String(chunk);
  return text;
}

describe('startEmulator', () => {
  it('binds free ports on 127.0.0.1 and is healthy', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.mailboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.url).not.toBe(emu.mailboxUrl);
    const health = await fetch(`${emu.url}/__emulator/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('registers all four providers by default', async () => {
    for (const [method, path] of [
      ['GET', '/web/v1/secure-channel/public-key'],
      ['POST', '/api/v2/sdk/captcha/graphic'],
      ['POST', '/koodrive/ose/v1/auth/login'],
      ['POST', '/auth/v1/signin'],
    ] as const) {
      const response = await fetch(`${emu.url}${path}`, {
        method,
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(response.status, path).not.toBe(404);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await fetch(`${emu.url}/no/such/route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('garbage requests', () => {
  const cases: [string, string, RequestInit][] = [
    [
      'malformed JSON to a control',
      '/__emulator/accounts',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"provider":' },
    ],
    [
      'an array to a control',
      '/__emulator/faults',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1]' },
    ],
    [
      'an invalid media type',
      '/web/v1/system/auth/login/initiate',
      { method: 'POST', headers: { 'Content-Type': ';;;/' }, body: 'x' },
    ],
    ['a bad percent-encoding', '/web/v1/%E0%A4%A', {}],
    ['an unsupported method', '/web/v1/secure-channel/session', { method: 'PUT', body: 'x' }],
    [
      'binary noise to a provider',
      '/api/v2/sdk/captcha/graphic',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: new Uint8Array([0, 255, 254, 1]),
      },
    ],
    [
      'a huge body to a control',
      '/__emulator/accounts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"a":"${'x'.repeat(200_000)}"}`,
      },
    ],
  ];

  it.each(cases)('answers %s without a stack trace', async (_name, path, init) => {
    const response = await fetch(`${emu.url}${path}`, init);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(STACK);
  });

  it('survives a request that is not HTTP at all, and keeps serving', async () => {
    const port = Number(new URL(emu.url).port);
    const answer = await rawHttp(port, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).not.toMatch(STACK);
    expect((await fetch(`${emu.url}/__emulator/health`)).status).toBe(200);
  });

  it('answers a URL with a malformed percent-escape with its own JSON, not the framework body', async () => {
    const port = Number(new URL(emu.url).port);
    const answer = await rawHttp(
      port,
      'GET /demo/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('"error":"bad_request"');
    expect(answer).not.toContain('FST_ERR');
    expect(answer).not.toMatch(STACK);
  });

  it('answers mailbox garbage without a stack trace', async () => {
    const response = await fetch(`${emu.mailboxUrl}/api/v1/messages`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: '{"IDs":',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(STACK);
  });
});

describe('npm run emulator (emulator/main.ts)', () => {
  it('prints one line with both URLs, honours --production, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--mailbox-port', '0', '--production'],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    expect(line).toMatch(
      /^emulator: auth http:\/\/127\.0\.0\.1:\d+ mailbox http:\/\/127\.0\.0\.1:\d+$/,
    );
    const auth = /auth (\S+)/.exec(line)?.[1] ?? '';
    expect((await fetch(`${auth}/__emulator/health`)).status).toBe(404);
    const key = await fetch(`${auth}/web/v1/secure-channel/public-key`, {
      headers: { 'X-PORTAL-ACCESS-CODE': 'demo-system-portal', 'X-Client-Hash': 'cli-test-hash' },
    });
    expect(key.status).toBe(200); // no Cloudflare headers needed in production
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});
