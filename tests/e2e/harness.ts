/**
 * Real Chromium (Debian's /usr/bin/chromium) with the built extension loaded, in a fresh
 * temporary profile that is removed on close. Playwright does not notice a stopped or restarted
 * service worker, so worker stops go through CDP and are confirmed by CDP events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab. */
  openPage(path: string): Promise<Page>;
  /** Stops every service worker and resolves once CDP reports ours stopped. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchExtensionBrowser(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'authdeck-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    let cdp: CDPSession | null = null;

    return {
      context,
      extensionId,
      async openPage(path) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      async stopWorker() {
        if (!cdp) {
          const page = context.pages()[0] ?? (await context.newPage());
          cdp = await context.newCDPSession(page);
          await cdp.send('ServiceWorker.enable');
        }
        const session = cdp;
        const stopped = new Promise<void>((resolveStopped) => {
          const onUpdate = (event: {
            versions: { scriptURL: string; runningStatus: string }[];
          }) => {
            const ours = event.versions.filter((v) => v.scriptURL.includes(extensionId));
            if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
              session.off('ServiceWorker.workerVersionUpdated', onUpdate);
              resolveStopped();
            }
          };
          session.on('ServiceWorker.workerVersionUpdated', onUpdate);
        });
        await session.send('ServiceWorker.stopAllWorkers');
        await stopped;
      },
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
