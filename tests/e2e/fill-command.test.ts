/**
 * The `fill-otp` keyboard command (Alt+Shift+F, issue 5 §2) pressed for real. Chromium routes
 * extension shortcuts through its browser-window accelerators, which CDP and Playwright key
 * events never reach (fill-demo.test.ts can only check the declaration). An OS-level key press
 * does reach them: Chromium runs headful on its own Xvfb display and xdotool presses the keys
 * through XTEST, as a keyboard would.
 *
 * Needs `Xvfb` and `xdotool` (Debian: xvfb, xdotool; .ci/run installs them). Without them the
 * test is skipped and says why.
 */
import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOTP } from 'otpauth';
import { chromium, type Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { createWorkerClient } from '../../src/messaging/client';
import { CHROMIUM_ARGS, type FillBrowser } from './fill-browser';
import {
  activity,
  declaredCommands,
  extensionPage,
  PASSPHRASE,
  poll,
  tabIdOf,
} from './fill-helpers';
import { CHROMIUM, EXTENSION_DIR } from './harness';

const run = promisify(execFile);
const TOOLS = ['Xvfb', 'xdotool'];
const missing = TOOLS.filter((tool) => spawnSync('which', [tool]).status !== 0);
const available = missing.length === 0;
if (!available) {
  console.warn(
    `fill-command.test.ts: SKIPPED — ${missing.join(' and ')} not on PATH ` +
      '(apt-get install xvfb xdotool); the real Alt+Shift+F press cannot be tested here.',
  );
}

const SX_PASSWORD = 'Correct-Horse-42'; // providers.md §7

let xvfb: ChildProcess | null = null;
let display = '';
let emulator: RunningEmulator | null = null;
let browser: FillBrowser | null = null;

/** Xvfb on the first free display: `-displayfd` writes the number it took once it listens. */
async function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
  const args = ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'];
  const child = spawn('Xvfb', args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const fd = child.stdio[3];
  if (fd === null || fd === undefined) throw new Error('Xvfb: no display pipe');
  const number = await new Promise<string>((done, fail) => {
    let text = '';
    fd.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) done(text.trim());
    });
    child.once('exit', (code) => {
      fail(new Error(`Xvfb exited (${String(code)}) before taking a display`));
    });
  });
  return { child, display: `:${number}` };
}

/** As fill-browser.ts's `launchFillBrowser` (a build copy granted `hosts`), but headful. */
async function launchHeadful(hosts: string[], onDisplay: string): Promise<FillBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'authdeck-cmd-ext-'));
  const profile = await mkdtemp(join(tmpdir(), 'authdeck-cmd-profile-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: hosts }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    env: { ...process.env, DISPLAY: onDisplay },
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
      (m) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): unknown } } }
        ).chrome.runtime.sendMessage(m),
      message,
    );
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  };
  return { context, extensionId, openPage, send, close };
}

async function xdotool(...args: string[]): Promise<void> {
  await run('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 30_000 });
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}

beforeAll(async () => {
  if (!available) return;
  const started = await startXvfb();
  xvfb = started.child;
  display = started.display;
  emulator = await startEmulator({ port: 0, mailboxPort: 0 });
  browser = await launchHeadful(['http://127.0.0.1/*'], display);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  if (xvfb !== null && xvfb.exitCode === null) {
    const exited = new Promise((done) => xvfb?.once('exit', done));
    xvfb.kill('SIGTERM');
    await exited;
  }
});

describe('fill-otp keyboard command', () => {
  it.skipIf(!available)(
    'fills the SlaunchX code field on a real Alt+Shift+F press, and the sign-in completes',
    async () => {
      if (browser === null || emulator === null) throw new Error('setup did not run');
      const ext = await extensionPage(browser);
      expect(await declaredCommands(ext)).toContainEqual(
        expect.objectContaining({ name: 'fill-otp', shortcut: 'Alt+Shift+F' }),
      );
      const totpUrl = `${emulator.url}/__emulator/accounts/slaunchx/admin%40slaunchx.test/totp`;
      const { secret } = v.parse(v.object({ secret: v.string() }), await getJson(totpUrl));
      await browser.send('vault/create', { passphrase: PASSPHRASE });
      const uri = `otpauth://totp/SlaunchX:admin%40slaunchx.test?secret=${secret}&issuer=SlaunchX`;
      const accountId = (await browser.send('accounts/add-uri', { uri })).id;
      await browser.send('sites/bind', { accountId, origin: emulator.url, baseDomain: false });

      const page = await browser.context.newPage();
      await page.goto(`${emulator.url}/demo/slaunchx/?portal=system`);
      await page.getByTestId('email').fill('admin@slaunchx.test');
      await page.getByTestId('password').fill(SX_PASSWORD);
      await page.getByTestId('sign-in').click();
      await page.getByTestId('method-otp').click();
      await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor();
      const tabId = await tabIdOf(ext, page);
      expect(await page.getByTestId('code').inputValue()).toBe('');

      // The command goes to the active tab of the focused window: the demo tab, window focused.
      // Bare Xvfb has no window manager, so `windowactivate` (_NET_ACTIVE_WINDOW) is refused;
      // `windowfocus` sets the X input focus directly.
      await page.bringToFront();
      await xdotool('search', '--sync', '--onlyvisible', '--class', 'chromium', 'windowfocus');
      await poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
      await xdotool('key', '--clearmodifiers', 'alt+shift+f');

      const nearby = [-30_000, 0, 30_000].map((d) =>
        new TOTP({ secret }).generate({ timestamp: Date.now() + d }),
      );
      await poll(() => page.getByTestId('code').inputValue()).toMatch(/^\d{6}$/);
      expect(nearby).toContain(await page.getByTestId('code').inputValue());
      expect(await activity(browser, tabId)).toContain('command:filled');

      await page.getByTestId('verify-code').click();
      await page.getByTestId('signed-in').waitFor({ state: 'visible' });
      expect(await page.getByTestId('signed-in-as').textContent()).toContain('admin@slaunchx.test');
    },
  );
});
