/**
 * Issue 6: a test profile's header rule, applied by real Chromium to a page's own requests.
 * The emulator's SlaunchX gateway checks the access code first, then X-Client-Hash, then the
 * Cloudflare headers (providers.md §1.1); a page script that sends only X-Client-Hash therefore
 * gets 403 PORTAL_MISMATCH unless the browser adds the other four headers for it.
 *
 * `declarativeNetRequestWithHostAccess` applies `modifyHeaders` only where the extension holds
 * host access, and the shipped build holds none (optional only); harness.ts's `grantSiteAccess`
 * grants nothing on Chromium 156 (see fill-browser.ts). So this test loads a copy of the build
 * whose manifest grants the loopback hosts, with `dev-profiles.json` added as harness.ts does.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { devProfiles, writeDevProfiles } from '../../scripts/dev-profiles';
import { createWorkerClient } from '../../src/messaging/client';
import type { SendToWorker } from '../../src/messaging/protocol';
import { CHROMIUM_ARGS } from './fill-browser';
import { CHROMIUM, EXTENSION_DIR } from './harness';

const PROFILE_ID = 'dev-slx-admin';
const PUBLIC_KEY_PATH = '/web/v1/secure-channel/public-key';

interface RuleBrowser {
  context: BrowserContext;
  send: SendToWorker;
  close(): Promise<void>;
}

interface PageChrome {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** The build with the dev profiles and `hostPermissions` granted at install. */
async function launchRuleBrowser(emu: RunningEmulator, hosts: string[]): Promise<RuleBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'authdeck-rules-ext-'));
  const profile = await mkdtemp(join(tmpdir(), 'authdeck-rules-profile-'));
  const removeDirs = () =>
    Promise.all([rm(dir, { recursive: true }), rm(profile, { recursive: true })]);
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeDevProfiles(dir, emu.url, emu.mailboxUrl);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: hosts }));
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS],
    })
    .catch(async (error: unknown) => {
      await removeDirs();
      throw error;
    });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  let helper: Page | null = null;
  const send = createWorkerClient(async (message) => {
    if (helper === null || helper.isClosed()) {
      helper = await context.newPage();
      await helper.goto(`chrome-extension://${extensionId}/manifest.json`);
    }
    return helper.evaluate(
      (m) => (globalThis as unknown as { chrome: PageChrome }).chrome.runtime.sendMessage(m),
      message,
    );
  });
  return {
    context,
    send,
    async close() {
      await context.close();
      await removeDirs();
    },
  };
}

/** What the page's own script gets from the gateway: HTTP status and SlaunchX result code. */
async function pageFetch(page: Page, url: string): Promise<{ status: number; code: string }> {
  return page.evaluate(async (target) => {
    const response = await fetch(target, { headers: { 'X-Client-Hash': 'e2e-client-0001' } });
    const body = (await response.json()) as { code?: unknown };
    return { status: response.status, code: String(body.code) };
  }, url);
}

let emu: RunningEmulator;
let browser: RuleBrowser;
let page: Page;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, mailboxPort: 0 });
  browser = await launchRuleBrowser(emu, ['http://127.0.0.1/*', 'http://localhost/*']);
  // The worker seeds the dev profiles on install, possibly after the first message.
  const wanted = devProfiles(emu.url, emu.mailboxUrl).length;
  await vi.waitFor(
    async () => {
      expect((await browser.send('profiles/list', {})).length).toBe(wanted);
    },
    { timeout: 20_000 },
  );
  page = await browser.context.newPage();
  await page.goto(`${emu.url}/demo/`);
});

afterAll(async () => {
  await browser.close();
  await emu.close();
});

describe('header rules in Chromium', () => {
  it("adds the access code and Cloudflare headers to the page's requests while enabled", async () => {
    const listed = await browser.send('header-rules/list', {});
    expect(listed.find((r) => r.profileId === PROFILE_ID)).toMatchObject({
      domain: '127.0.0.1',
      enabled: false,
      missingPermission: false,
    });
    const url = `${emu.url}${PUBLIC_KEY_PATH}`;
    expect(await pageFetch(page, url)).toEqual({ status: 403, code: 'PORTAL_MISMATCH' });

    const on = await browser.send('header-rules/set', { profileId: PROFILE_ID, enabled: true });
    expect(on.find((r) => r.profileId === PROFILE_ID)?.enabled).toBe(true);
    // Session rules apply to requests started after updateSessionRules resolved.
    await expect.poll(() => pageFetch(page, url)).toEqual({ status: 200, code: '2000' });

    await browser.send('header-rules/set', { profileId: PROFILE_ID, enabled: false });
    await expect.poll(() => pageFetch(page, url)).toEqual({ status: 403, code: 'PORTAL_MISMATCH' });
  });

  it('leaves requests to another host of the same server alone', async () => {
    await browser.send('header-rules/set', { profileId: PROFILE_ID, enabled: true });
    const own = `${emu.url}${PUBLIC_KEY_PATH}`;
    await expect.poll(() => pageFetch(page, own)).toEqual({ status: 200, code: '2000' });
    // The same server and port as `localhost`, from its own page there (the demo pages' CSP
    // allows only same-origin fetches). The extension holds that host too, so only the rule's
    // condition (the profile's origin, 127.0.0.1) keeps the headers off.
    const otherOrigin = emu.url.replace('//127.0.0.1:', '//localhost:');
    expect(otherOrigin).not.toBe(emu.url);
    const other = await browser.context.newPage();
    await other.goto(`${otherOrigin}/demo/`);
    expect(await pageFetch(other, `${otherOrigin}${PUBLIC_KEY_PATH}`)).toEqual({
      status: 403,
      code: 'PORTAL_MISMATCH',
    });
    await other.close();
    await browser.send('header-rules/set', { profileId: PROFILE_ID, enabled: false });
  });
});
