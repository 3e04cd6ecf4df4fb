import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectCliError, detect, readSource } from '../../../scripts/detect';
import { FIXTURES } from './dom';

const ROOT = resolve(import.meta.dirname, '../../..');

function run(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/detect.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const html =
  (body: string, type = 'text/html; charset=utf-8', status = 200): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status, headers: { 'content-type': type } }));

describe('npm run detect (scripts/detect.ts)', () => {
  it('prints the analysis of a fixture as JSON with exactly the documented keys', () => {
    const result = run(resolve(FIXTURES, 'iframe-otp.html'));
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'kind',
      'otp',
      'backup',
      'username',
      'password',
      'layout',
      'frames',
    ]);
    expect(report).toMatchObject({
      kind: 'mfa',
      layout: 'not evaluated',
      username: null,
      password: null,
      backup: [],
      otp: [{ selector: '#mfa-frame >>> #otp', id: 'otp', name: 'otp' }],
      frames: [
        { selector: '#mfa-frame', src: 'about:srcdoc', searched: true },
        { selector: '#bank-frame', src: 'https://acs.bank.example/challenge', searched: false },
      ],
    });
    const field = (report.otp as Record<string, unknown>[])[0];
    expect(Object.keys(field ?? {})).toEqual(['selector', 'id', 'name', 'score', 'reasons']);
    expect(typeof field?.score).toBe('number');
  });

  it('exits with 2 and a message on stderr for a missing file', () => {
    const result = run('tests/fixtures/detect/no-such-page.html');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no such file [file-not-found]');
  });

  it('exits with 2 and prints the usage without an argument', () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run detect');
  });
});

describe('detect() sources', () => {
  it('fetches an http(s) URL and analyses it without running its scripts', async () => {
    const page =
      '<title>2FA</title><input id="otp" autocomplete="one-time-code"><script>document.body.innerHTML = ""</script>';
    const report = await detect('https://login.example.com/mfa', { fetch: html(page) });
    expect(report.otp.map((f) => f.selector)).toEqual(['#otp']);
  });

  it.each([
    ['ftp://example.com/page.html', 'bad-url'],
    ['http://', 'bad-url'],
    ['file:///etc/passwd', 'bad-url'],
  ])('refuses %s (%s)', async (arg, code) => {
    await expect(readSource(arg)).rejects.toMatchObject({ code });
  });

  it('refuses a response that is not HTML, an HTTP error and a failed fetch', async () => {
    await expect(
      readSource('https://x.example/a.json', { fetch: html('{}', 'application/json') }),
    ).rejects.toMatchObject({ code: 'not-html' });
    await expect(
      readSource('https://x.example/', { fetch: html('gone', 'text/html', 404) }),
    ).rejects.toMatchObject({ code: 'http-status' });
    const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    await expect(readSource('https://x.example/', { fetch: failing })).rejects.toMatchObject({
      code: 'fetch-failed',
    });
  });

  it('gives up after the timeout', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error);
        });
      })) as typeof fetch;
    await expect(
      readSource('https://slow.example/', { fetch: hanging, timeoutMs: 20 }),
    ).rejects.toMatchObject({ code: 'fetch-timeout' });
  });

  it('refuses a file that is not HTML', async () => {
    const readFile = () => Promise.resolve(Buffer.from('\u0000\u0001binary'));
    await expect(readSource('image.png', { readFile })).rejects.toBeInstanceOf(DetectCliError);
    await expect(
      readSource('notes.txt', { readFile: () => Promise.resolve(Buffer.from('just text')) }),
    ).rejects.toMatchObject({ code: 'not-html' });
  });
});
