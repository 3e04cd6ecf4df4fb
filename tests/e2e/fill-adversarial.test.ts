/**
 * Adversarial pages against the fill the popup, keyboard command and context menu share
 * (`fill/code` in the worker, then the injected detector). Each page tries one trick; each
 * test asserts the fill was refused for the right reason, that the page holds and saw no code
 * (its own spy, tests/fixtures/adversarial/spy.js) and that no code is anywhere in its markup.
 * A positive control on the same server shows the refusals are not vacuous.
 *
 * The extension copy has site access to every http page (fill-helpers.ts `launchFillBrowser`),
 * so each refusal comes from Authdeck's own checks, not from a missing permission. The account
 * is bound to http://localhost:<port> exactly.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkerError } from '../../src/messaging/client';
import {
  expectNothingFilled,
  extensionPage,
  launchFillBrowser,
  nearbyCodes,
  pageEyes,
  serveFixtures,
  vaultWithBoundAccount,
  type FillBrowser,
  type FixtureServer,
} from './fill-helpers';
import { networkInterfaces } from 'node:os';

let browser: FillBrowser;
let site: FixtureServer;
let otherPort: FixtureServer;
let lan: FixtureServer | null = null;
let ext: Page;
let accountId: string;
let bound: string;
let nonce = 0;

/** A non-loopback address of this machine, for plain http that is not loopback. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    const found = list?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found !== undefined) return found.address;
  }
  return null;
}

beforeAll(async () => {
  site = await serveFixtures();
  otherPort = await serveFixtures();
  const address = lanAddress();
  if (address !== null) lan = await serveFixtures(address);
  browser = await launchFillBrowser(['http://*/*']);
  bound = `http://localhost:${site.port}`;
  accountId = await vaultWithBoundAccount(browser, bound);
  ext = await extensionPage(browser);
});

afterEach(async () => {
  await Promise.all(
    browser.context
      .pages()
      .filter((p) => p !== ext)
      .map((p) => p.close()),
  );
});

afterAll(async () => {
  await browser.close();
  await Promise.all([site.close(), otherPort.close(), lan?.close()]);
});

/** Opens `url` (made unique) in a new tab and answers the page and its tab id. */
async function open(url: string): Promise<{ page: Page; tabId: number }> {
  const marker = `n=${++nonce}`;
  const unique = url.includes('?') ? `${url}&${marker}` : `${url}?${marker}`;
  const page = await browser.context.newPage();
  await page.goto(unique);
  const tabs = await ext.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).chrome.tabs.query({}),
  );
  const tabId = tabs.find((t) => t.url?.endsWith(marker) === true)?.id;
  if (tabId === undefined) throw new Error(`no tab for ${unique}`);
  return { page, tabId };
}

/** The popup's path: context (the document it shows), then the click's `fill/code`. */
async function popupFill(tabId: number) {
  const context = await browser.send('fill/context', { tabId });
  try {
    const outcome = await browser.send('fill/code', {
      tabId,
      accountId,
      documentId: context.documentId,
    });
    return { context, result: `${outcome.status}:${outcome.code}` };
  } catch (error) {
    if (error instanceof WorkerError) return { context, result: `error:${error.code}` };
    throw error;
  }
}

describe('control', () => {
  it('fills the bound site’s plain one-time-code field', async () => {
    const { page, tabId } = await open(`${bound}/otp.html`);
    const { context, result } = await popupFill(tabId);
    expect(context).toMatchObject({ origin: bound, fillable: true, boundAccountIds: [accountId] });
    expect(result).toBe('filled:filled');
    const value = await page.inputValue('#otp');
    expect(nearbyCodes()).toContain(value);
    expect((await pageEyes(page)).seen).toContain(`input:${value}`);
  });
});

describe('fields the user cannot see', () => {
  it.each(['display', 'visibility', 'opacity', 'size', 'offscreen', 'clip'])(
    'hidden by %s: nothing is filled',
    async (way) => {
      const { page, tabId } = await open(`${bound}/hidden.html?way=${way}`);
      const { context, result } = await popupFill(tabId);
      expect(context.fillable).toBe(false);
      expect(result).toBe('no-field:no-target');
      await expectNothingFilled(page);
    },
  );

  it('transparent through an ancestor: nothing is filled', async () => {
    const { page, tabId } = await open(`${bound}/ancestor-opacity.html`);
    expect((await popupFill(tabId)).result).toBe('no-field:no-target');
    await expectNothingFilled(page);
  });

  it('covered at its centre by a decoy: nothing is filled', async () => {
    const { page, tabId } = await open(`${bound}/covered.html`);
    expect((await popupFill(tabId)).result).toBe('refused:blocked');
    await expectNothingFilled(page);
  });

  it('a hidden seventh box in a split group: nothing is filled', async () => {
    const { page, tabId } = await open(`${bound}/seven-boxes.html`);
    expect((await popupFill(tabId)).result).toBe('refused:hidden-box-in-group');
    await expectNothingFilled(page);
  });
});

describe('frames', () => {
  it('a cross-origin frame is never reached', async () => {
    const inner = `http://127.0.0.1:${site.port}/frame-otp.html`;
    const { page, tabId } = await open(
      `${bound}/frames.html?frame=cross&src=${encodeURIComponent(inner)}`,
    );
    await expect.poll(() => page.frames().length).toBe(2);
    expect((await popupFill(tabId)).result).toBe('no-field:no-target');
    await expectNothingFilled(page);
    const frame = page.frames().find((f) => f.url().startsWith(inner));
    expect(await frame?.inputValue('#otp')).toBe('');
  });

  it.each([
    ['sandbox', 'no-field:no-target'],
    ['srcdoc', 'refused:frame'],
  ])('a %s frame is refused', async (kind, expected) => {
    const { page, tabId } = await open(`${bound}/frames.html?frame=${kind}`);
    await expect.poll(() => page.frames().length).toBe(2);
    await expect.poll(() => page.frames()[1]?.locator('#otp').count()).toBe(1);
    expect((await popupFill(tabId)).result).toBe(expected);
    await expectNothingFilled(page);
    expect(await page.frames()[1]?.inputValue('#otp')).toBe('');
  });
});

describe('origins', () => {
  it.each([
    ['userinfo @', (p: number) => `http://localhost:${p}@evil.localhost:${p}/otp.html`],
    ['extra subdomain', (p: number) => `http://evil.localhost:${p}/otp.html`],
    ['other host, same address', (p: number) => `http://127.0.0.1:${p}/otp.html`],
  ])('a look-alike origin (%s) is not the bound site', async (_name, url) => {
    const { page, tabId } = await open(url(site.port));
    const { context, result } = await popupFill(tabId);
    expect(context.boundAccountIds).toEqual([]);
    expect(result).toBe('error:NOT_BOUND');
    await expectNothingFilled(page);
  });

  it('another port of the bound host is another site', async () => {
    const { page, tabId } = await open(`http://localhost:${otherPort.port}/otp.html`);
    expect((await popupFill(tabId)).result).toBe('error:NOT_BOUND');
    await expectNothingFilled(page);
  });

  it('a subdomain of a bound site is refused unless the binding opted in to its base domain', async () => {
    const parent = `http://app.localhost:${site.port}`;
    const child = `http://login.app.localhost:${site.port}/otp.html`;
    await browser.send('sites/bind', { accountId, origin: parent, baseDomain: false });
    const { page, tabId } = await open(child);
    expect((await popupFill(tabId)).result).toBe('error:NOT_BOUND');
    await expectNothingFilled(page);
    await browser.send('sites/bind', { accountId, origin: parent, baseDomain: true });
    expect((await popupFill(tabId)).result).toBe('filled:filled');
    await browser.send('sites/unbind', { accountId, origin: parent });
  });

  it('plain http off loopback is refused, as is binding it', async () => {
    const insecure = [`http://localhost.:${site.port}/otp.html`];
    if (lan !== null) insecure.push(`http://${lanAddress() ?? ''}:${lan.port}/otp.html`);
    expect(insecure.length).toBe(2); // this machine has a non-loopback address (eth0)
    for (const url of insecure) {
      const { page, tabId } = await open(url);
      const { context, result } = await popupFill(tabId);
      expect(context.secure, url).toBe(false);
      expect(result, url).toBe('error:INSECURE_ORIGIN');
      await expectNothingFilled(page);
      const origin = new URL(url).origin;
      await expect(
        browser.send('sites/bind', { accountId, origin, baseDomain: false }),
      ).rejects.toMatchObject({ code: 'INSECURE_ORIGIN' });
    }
  });
});

describe('timing', () => {
  it('a navigation between the popup’s view and the click fills nothing', async () => {
    const { page, tabId } = await open(`${bound}/otp.html`);
    const context = await browser.send('fill/context', { tabId });
    expect(context.fillable).toBe(true);
    await page.reload(); // same URL, a new document
    await expect(
      browser.send('fill/code', { tabId, accountId, documentId: context.documentId }),
    ).rejects.toMatchObject({ code: 'NAVIGATED' });
    await expectNothingFilled(page);
  });
});
