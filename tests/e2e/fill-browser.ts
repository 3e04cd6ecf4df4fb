/**
 * A browser for the fill tests and the page-load benchmark: Chromium with a copy of the built
 * extension. Kept free of Vitest imports so that bench/page-load.bench.ts can use it too.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createWorkerClient } from '../../src/messaging/client';
import type { SendToWorker } from '../../src/messaging/protocol';
import { CHROMIUM, EXTENSION_DIR } from './harness';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What the fill tests need of a browser with the extension (a subset of harness.ts's). */
export interface FillBrowser {
  context: BrowserContext;
  extensionId: string;
  openPage(path: string): Promise<Page>;
  send: SendToWorker;
  close(): Promise<void>;
}

interface PageChrome {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Chromium with a copy of the built extension whose manifest already holds `hostPermissions`.
 * harness.ts's `grantSiteAccess` (developerPrivate.addHostPermission) grants nothing to an
 * extension whose host permissions are all optional — Chromium 156 reports
 * `hostAccess: ON_ALL_SITES, hosts: []` after it — and `permissions.request` prompts cannot be
 * answered headless; a granted-at-install copy is the one way to test with site access. The
 * build itself stays as shipped: no host permissions.
 */
export async function launchFillBrowser(hostPermissions: string[]): Promise<FillBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'authdeck-fill-ext-'));
  const profile = await mkdtemp(join(tmpdir(), 'authdeck-fill-profile-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: hostPermissions }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  let helper: Page | null = null;
  const openPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  const send = createWorkerClient(async (message) => {
    if (helper === null || helper.isClosed()) helper = await openPage('manifest.json');
    return helper.evaluate(
      (m) => (globalThis as unknown as { chrome: PageChrome }).chrome.runtime.sendMessage(m),
      message,
    );
  });
  return {
    context,
    extensionId,
    openPage,
    send,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
