/**
 * The inline button on a bound site (issue 5 §4, §5), end to end: the worker registered the
 * watcher for the site, the watcher loaded the detector, the detector showed the button. Real
 * clicks are CDP mouse events with explicit timestamps (fill-helpers.ts `trustedClick`), so
 * the dwell is in the events themselves and no test sleeps. Each refusal is confirmed by the
 * content script's report in `fill/activity` before the page is checked for a leak.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WATCHER_SCRIPT_ID } from '../../src/worker/fill/content-registration';
import {
  activity,
  expectNothingFilled,
  extensionPage,
  launchFillBrowser,
  nearbyCodes,
  poll,
  registeredScripts,
  serveFixtures,
  tabIdOf,
  trustedClick,
  vaultWithBoundAccount,
  type FillBrowser,
  type FixtureServer,
} from './fill-helpers';

let browser: FillBrowser;
let site: FixtureServer;
let ext: Page;
let bound: string;
let opened = 0;

beforeAll(async () => {
  site = await serveFixtures();
  browser = await launchFillBrowser(['http://localhost/*']);
  bound = `http://localhost:${site.port}`;
  await vaultWithBoundAccount(browser, bound);
  ext = await extensionPage(browser);
});

afterEach(async () => {
  // Each test's pages go with it: a busy background tab must not carry into the next test.
  await Promise.all(
    browser.context
      .pages()
      .filter((p) => p !== ext)
      .map((p) => p.close()),
  );
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Opens inline.html with `attack`, waits for the button, answers page, tab and button centre. */
async function openInline(attack = 'none') {
  const page = await browser.context.newPage();
  // A query of its own: tabs are found by URL (fill-helpers.ts `tabIdOf`).
  await page.goto(`${bound}/inline.html?attack=${attack}&n=${++opened}`);
  await page.bringToFront();
  const tabId = await tabIdOf(ext, page);
  const rect = () =>
    page.evaluate(() => (globalThis as unknown as { __hostRect: () => Rect | null }).__hostRect());
  await poll(rect).not.toBeNull();
  const r = (await rect()) ?? { x: 0, y: 0, width: 0, height: 0 };
  return { page, tabId, centre: { x: r.x + r.width / 2, y: r.y + r.height / 2 } };
}

describe('registration', () => {
  it('runs the watcher on the bound site only, in top frames, and nowhere else', async () => {
    expect(await registeredScripts(ext)).toEqual([
      expect.objectContaining({
        id: WATCHER_SCRIPT_ID,
        matches: ['http://localhost/*'],
        allFrames: false,
      }),
    ]);
  });
});

describe('the inline button', () => {
  it('fills after a real click on which the pointer rested', async () => {
    const { page, tabId, centre } = await openInline();
    expect(await page.inputValue('#otp')).toBe('');
    await trustedClick(browser.context, page, centre, 400);
    await poll(() => activity(browser, tabId)).toEqual(['inline:filled']);
    expect(nearbyCodes()).toContain(await page.inputValue('#otp'));
  });

  it('refuses a real click that did not rest on it', async () => {
    const { page, tabId, centre } = await openInline();
    await trustedClick(browser.context, page, centre, 40);
    await poll(() => activity(browser, tabId)).toEqual(['inline:too-quick']);
    await expectNothingFilled(page);
  });

  it('ignores the page’s synthetic clicks, pointer events and keys', async () => {
    const { page, tabId, centre } = await openInline('synthetic');
    const attacks = await page.evaluate(
      () => (globalThis as unknown as { __attacks: number }).__attacks,
    );
    expect(attacks).toBe(2000);
    // A real but hasty click is the barrier: its report arrives after anything the attack caused.
    await trustedClick(browser.context, page, centre, 40);
    await poll(() => activity(browser, tabId)).toEqual(['inline:too-quick']);
    await expectNothingFilled(page);
  });

  it('refuses when an overlay with pointer-events: none covers it', async () => {
    const { page, tabId, centre } = await openInline('overlay');
    await poll(() => page.locator('#cover').count()).toBe(1);
    await trustedClick(browser.context, page, centre, 400);
    await poll(() => activity(browser, tabId)).toEqual(['inline:obscured']);
    await expectNothingFilled(page);
  });
});

describe('site settings', () => {
  it('auto-fills and submits only once the site opted in', async () => {
    await browser.send('fill/settings-set', {
      site: { origin: bound, autoFill: true, autoSubmit: true },
    });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${bound}/otp.html`);
      await page.waitForURL(/\/done\.html\?otp=\d{8}$/, { timeout: 30_000 });
      const code = new URL(page.url()).searchParams.get('otp') ?? '';
      expect(nearbyCodes()).toContain(code);
    } finally {
      await browser.send('fill/settings-set', {
        site: { origin: bound, autoFill: false, autoSubmit: false },
      });
    }
  });
});

describe('a page flooding the worker', () => {
  it('is rate-limited per tab while other tabs are still served', async () => {
    const storm = await browser.context.newPage();
    await storm.goto(`${bound}/reload-storm.html`);
    const tabId = await tabIdOf(ext, storm).catch(async () => {
      // The storm reloads as it is looked up: find it by its path instead.
      const tabs = await ext.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
          }
        ).chrome.tabs.query({}),
      );
      return tabs.find((t) => t.url?.endsWith('/reload-storm.html') === true)?.id ?? -1;
    });
    await poll(
      async () => (await browser.send('fill/activity', { tabId })).limited,
    ).toBeGreaterThan(0);
    await poll(() => storm.title().catch(() => '')).toBe('storm over');
    const calm = await openInline();
    await trustedClick(browser.context, calm.page, calm.centre, 400);
    await poll(() => activity(browser, calm.tabId)).toEqual(['inline:filled']);
  });
});
