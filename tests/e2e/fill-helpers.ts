/**
 * Shared steps of the fill end-to-end tests (issue 5): a tiny static server for the
 * adversarial pages, the extension's view of tabs, the popup's fill path driven through the
 * worker protocol, and trusted mouse input with explicit timestamps (CDP), so that the inline
 * button's dwell is tested without sleeping.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FillActivityView } from '../../src/messaging/fill-protocol';
import type { FillBrowser } from './fill-browser';

export { launchFillBrowser, type FillBrowser } from './fill-browser';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/adversarial');
export const PASSPHRASE = 'correct horse battery staple';
/** RFC 6238 Appendix B's SHA-1 secret ("12345678901234567890"); 8 digits as otp.html takes. */
export const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const WAIT_MS = 30_000;

export const poll = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: WAIT_MS, interval: 100 });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
}

/** Serves tests/fixtures/adversarial on `host`, a random port; nothing outside the folder. */
export async function serveFixtures(host = '127.0.0.1'): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture.invalid').pathname;
    const name = path.slice(1) || 'otp.html';
    const type = TYPES[extname(name)];
    if (!/^[a-z0-9-]+\.(html|js)$/.test(name) || type === undefined) {
      response.writeHead(404).end();
      return;
    }
    readFile(resolve(FIXTURES, name)).then(
      (body) => response.writeHead(200, { 'content-type': type }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          done();
        });
      }),
  };
}

/** Codes of the last, current and next period: any of them in a page means a leak. */
export function nearbyCodes(secret = SECRET, digits = 8): string[] {
  const totp = new TOTP({ secret, digits });
  return [-30_000, 0, 30_000].map((d) => totp.generate({ timestamp: Date.now() + d }));
}

interface ExtensionPageChrome {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
}

/** An extension page for calls tests make through the extension's own API. */
export async function extensionPage(browser: FillBrowser): Promise<Page> {
  return browser.openPage('manifest.json');
}

export async function tabIdOf(ext: Page, page: Page): Promise<number> {
  const url = page.url();
  const tabs = await ext.evaluate(() =>
    (globalThis as unknown as { chrome: ExtensionPageChrome }).chrome.tabs.query({}),
  );
  const id = tabs.find((t) => t.url === url)?.id;
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export async function registeredScripts(ext: Page) {
  return ext.evaluate(() =>
    (
      globalThis as unknown as { chrome: ExtensionPageChrome }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
}

export async function declaredCommands(ext: Page) {
  return ext.evaluate(() =>
    (globalThis as unknown as { chrome: ExtensionPageChrome }).chrome.commands.getAll(),
  );
}

/** A vault with one account on the RFC secret, bound to `origin`; answers its id. */
export async function vaultWithBoundAccount(
  browser: FillBrowser,
  origin: string,
  secret = SECRET,
  digits = 8,
): Promise<string> {
  await browser.send('vault/create', { passphrase: PASSPHRASE });
  const uri = `otpauth://totp/Site:alice?secret=${secret}&issuer=Site&digits=${digits}`;
  const account = await browser.send('accounts/add-uri', { uri });
  await browser.send('sites/bind', { accountId: account.id, origin, baseDomain: false });
  return account.id;
}

/** What a page's spy saw and what its inputs (and same-origin frames') hold. */
export async function pageEyes(page: Page): Promise<{ seen: string[]; values: string[] }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __seen: string[]; __values: () => string[] };
    return { seen: w.__seen, values: w.__values() };
  });
}

/** Asserts the page holds and saw no code, and none is anywhere in its markup. */
export async function expectNothingFilled(page: Page): Promise<void> {
  const eyes = await pageEyes(page);
  expect(eyes.seen).toEqual([]);
  expect(eyes.values.every((v) => v === '')).toBe(true);
  const html = await page.content();
  for (const code of nearbyCodes()) expect(html).not.toContain(code);
}

export async function activity(browser: FillBrowser, tabId: number): Promise<string[]> {
  const { entries } = await browser.send('fill/activity', { tabId });
  return entries.map((e: FillActivityView) => `${e.source}:${e.outcome}`);
}

/**
 * A real (trusted) mouse click at (x, y) after the pointer rested there for `dwellMs`, told
 * through CDP with explicit event timestamps: the page sees the dwell in `event.timeStamp`
 * without the test waiting for it.
 */
export async function trustedClick(
  context: BrowserContext,
  page: Page,
  at: { x: number; y: number },
  dwellMs: number,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    type MouseType = 'mouseMoved' | 'mousePressed' | 'mouseReleased';
    const mouse = (type: MouseType, t: number, extra: object = {}) =>
      cdp.send('Input.dispatchMouseEvent', { type, ...at, timestamp: t, ...extra });
    await mouse('mouseMoved', start - 1, { x: at.x - 40, y: at.y - 40 });
    await mouse('mouseMoved', start);
    const later = start + dwellMs / 1000;
    await mouse('mousePressed', later, { button: 'left', clickCount: 1 });
    await mouse('mouseReleased', later + 0.01, { button: 'left', clickCount: 1 });
  } finally {
    await cdp.detach();
  }
}
