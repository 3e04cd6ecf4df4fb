/**
 * Real Chromium (Debian's /usr/bin/chromium) with the built extension loaded, in a fresh
 * temporary profile that is removed on close. Playwright does not notice a stopped or restarted
 * service worker, so worker stops go through CDP and are confirmed by CDP events.
 *
 * With `devProfiles`, the build is copied to a temporary directory with `dev-profiles.json`
 * added (as `npm start` does), so the worker seeds a test profile per emulator account on
 * install; the copy goes on close and `.output/chrome-mv3` itself is never changed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { createWorkerClient } from '../../src/messaging/client';
import type { SendToWorker } from '../../src/messaging/protocol';
import { devProfiles, writeDevProfiles } from '../../scripts/dev-profiles';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Seed a test profile for every emulator account (scripts/dev-profiles.ts). */
  devProfiles?: { authUrl: string; mailboxUrl: string };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab. */
  openPage(path: string): Promise<Page>;
  /** Stops every service worker and resolves once CDP reports ours stopped. */
  stopWorker(): Promise<void>;
  /**
   * Sends one protocol message from an extension page, as the popup does, and answers its value
   * (a refusal throws `WorkerError`). For setup steps that are not the subject of a test.
   */
  send: SendToWorker;
  /**
   * Moves every alarm whose name starts with `prefix` to fire now, and answers their names.
   * The worker's listener then runs as it would at the scheduled time. Unpacked extensions
   * have no minimum alarm delay (packed ones: 30 s).
   */
  fireAlarmsNow(prefix: string): Promise<string[]>;
  /**
   * Grants the extension access to `pattern` (e.g. `http://127.0.0.1/*`) as a user does in
   * chrome://extensions → Details → Site access. Chrome's `permissions.request` prompt cannot
   * be answered from automation (no CDP or Playwright hook), and it stays open in headless
   * mode; an origin granted beforehand makes the request resolve `true` without one.
   */
  grantSiteAccess(pattern: string): Promise<void>;
  close(): Promise<void>;
}

/** What an extension page sees of the extension API (only the calls made here). */
/** What chrome://extensions sees of its private API (only the call made here). */
interface ExtensionsPageChrome {
  developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> };
}

interface PageChrome {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: {
    getAll(): Promise<{ name: string }[]>;
    create(name: string, info: { when: number }): Promise<void>;
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The build to load: the build itself, or a temporary copy with `dev-profiles.json`. */
async function prepareExtension(options: LaunchOptions): Promise<{ dir: string; copy: boolean }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  if (options.devProfiles === undefined) return { dir: EXTENSION_DIR, copy: false };
  const dir = await mkdtemp(join(tmpdir(), 'authdeck-ext-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeDevProfiles(dir, options.devProfiles.authUrl, options.devProfiles.mailboxUrl);
  return { dir, copy: true };
}

export async function launchExtensionBrowser(
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const extension = await prepareExtension(options);
  const profile = await mkdtemp(join(tmpdir(), 'authdeck-e2e-'));
  const removeDirs = async () => {
    await rm(profile, { recursive: true, force: true });
    if (extension.copy) await rm(extension.dir, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        `--disable-extensions-except=${extension.dir}`,
        `--load-extension=${extension.dir}`,
        ...CHROMIUM_ARGS,
      ],
    });
  } catch (error) {
    await removeDirs();
    throw error;
  }
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const browser = wire(context, new URL(worker.url()).host, removeDirs);
    if (options.devProfiles !== undefined) {
      await waitForDevProfiles(browser, options.devProfiles);
    }
    return browser;
  } catch (error) {
    await context.close();
    await removeDirs();
    throw error;
  }
}

/** The worker seeds on `runtime.onInstalled`, which may finish after the first page opens. */
async function waitForDevProfiles(
  browser: ExtensionBrowser,
  urls: { authUrl: string; mailboxUrl: string },
): Promise<void> {
  const wanted = devProfiles(urls.authUrl, urls.mailboxUrl).map((p) => p.id ?? '');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ids = new Set((await browser.send('profiles/list', {})).map((p) => p.id));
    if (wanted.every((id) => ids.has(id))) return;
    if (Date.now() > deadline) {
      throw new Error(`the worker did not seed the dev profiles (has ${[...ids].join(', ')})`);
    }
    // Polling the worker, not sleeping: each round trip is one message.
    await new Promise<void>((done) => setImmediate(done));
  }
}

function wire(
  context: BrowserContext,
  extensionId: string,
  removeDirs: () => Promise<void>,
): ExtensionBrowser {
  let cdp: CDPSession | null = null;
  let helper: Page | null = null;
  /** A quiet extension page to run messages and alarm calls from (no UI script of ours). */
  async function helperPage(): Promise<Page> {
    if (helper === null || helper.isClosed()) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      helper = page;
    }
    return helper;
  }
  const rawSend = async (message: unknown) =>
    (await helperPage()).evaluate(
      (m) => (globalThis as unknown as { chrome: PageChrome }).chrome.runtime.sendMessage(m),
      message,
    );

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
        const onUpdate = (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
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
    send: createWorkerClient(rawSend),
    async fireAlarmsNow(prefix) {
      return (await helperPage()).evaluate(async (start) => {
        const { alarms } = (globalThis as unknown as { chrome: PageChrome }).chrome;
        const names = (await alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith(start));
        // Re-creating an alarm under its name replaces it (chrome.alarms.create).
        for (const name of names) await alarms.create(name, { when: Date.now() });
        return names;
      }, prefix);
    },
    async grantSiteAccess(pattern) {
      const page = await context.newPage();
      try {
        await page.goto(`chrome://extensions/?id=${extensionId}`);
        await page.evaluate(
          ([id, host]) =>
            (
              globalThis as unknown as { chrome: ExtensionsPageChrome }
            ).chrome.developerPrivate.addHostPermission(id, host),
          [extensionId, pattern] as const,
        );
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      await removeDirs();
    },
  };
}
