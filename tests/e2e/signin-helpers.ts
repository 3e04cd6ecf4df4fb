/**
 * Shared steps of the sign-in end-to-end tests (issue 4): the emulator's controls and dev
 * mailbox seen from Node, and the popup and options page driven as a user would. Waits are on
 * conditions only (locators, `expect.poll`), with generous limits for a busy machine.
 */
import { TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

export const PASSPHRASE = 'correct horse battery staple';
/** providers.md §7 seed passwords. */
export const SX_PASSWORD = 'Correct-Horse-42';
export const KOODRIVE_PASSWORD = '123qweASD143';
export const CLOUDBASE_PASSWORD = 'example password';

export const WAIT_MS = 30_000;

/** Waits until the locator is visible and answers it. */
export async function shown(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  return locator;
}

export const poll = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: WAIT_MS, interval: 100 });

export interface SigninSuite {
  emu(): RunningEmulator;
  browser(): ExtensionBrowser;
}

/**
 * One emulator per file, reset before every test, and a fresh browser profile per test with a
 * test profile for every emulator account and site access to the emulator's loopback origin.
 */
export function useSigninSuite(): SigninSuite {
  let emu: RunningEmulator | null = null;
  let browser: ExtensionBrowser | null = null;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, mailboxPort: 0 });
  });
  afterAll(async () => {
    await emu?.close();
  });
  beforeEach(async () => {
    if (emu === null) throw new Error('the emulator did not start');
    await resetEmulator(emu);
    browser = await launchExtensionBrowser({
      devProfiles: { authUrl: emu.url, mailboxUrl: emu.mailboxUrl },
    });
    await browser.grantSiteAccess('http://127.0.0.1/*');
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  return {
    emu: () => {
      if (emu === null) throw new Error('the emulator did not start');
      return emu;
    },
    browser: () => {
      if (browser === null) throw new Error('no browser: use it inside a test');
      return browser;
    },
  };
}

/* ── the emulator, from Node ─────────────────────────────────────────────────────────────── */

async function json(url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export async function resetEmulator(emu: RunningEmulator): Promise<void> {
  await json(`${emu.url}/__emulator/reset`, {});
}

export async function advanceEmulatorClock(emu: RunningEmulator, advanceMs: number) {
  await json(`${emu.url}/__emulator/clock`, { advanceMs });
}

export async function totpSecret(emu: RunningEmulator, account: string): Promise<string> {
  const url = `${emu.url}/__emulator/accounts/slaunchx/${encodeURIComponent(account)}/totp`;
  return v.parse(v.object({ secret: v.string() }), await json(url)).secret;
}

export const totpNow = (secret: string) => new TOTP({ secret }).generate();

const MessageList = v.object({
  messages: v.array(v.object({ ID: v.string(), To: v.array(v.object({ Address: v.string() })) })),
});

/** Ids of the mailbox's messages to `to`, newest first (providers.md §5). */
export async function mailTo(emu: RunningEmulator, to: string): Promise<string[]> {
  const list = v.parse(MessageList, await json(`${emu.mailboxUrl}/api/v1/messages`));
  return list.messages.filter((m) => m.To.some((t) => t.Address === to)).map((m) => m.ID);
}

/** The 6-digit code of the newest message to `to`, once there is one. */
export async function mailedCode(emu: RunningEmulator, to: string): Promise<string> {
  await poll(async () => (await mailTo(emu, to)).length).toBeGreaterThan(0);
  const [id] = await mailTo(emu, to);
  const message = v.parse(
    v.object({ Text: v.string() }),
    await json(`${emu.mailboxUrl}/api/v1/message/${id ?? ''}`),
  );
  const code = /\b\d{6}\b/.exec(message.Text)?.[0];
  if (code === undefined) throw new Error(`no 6-digit code in "${message.Text}"`);
  return code;
}

/** What the SlaunchX profile endpoint answers for an access token (providers.md §1.4). */
export async function slaunchxProfileStatus(emu: RunningEmulator, accessToken: string) {
  const response = await fetch(`${emu.url}/web/v1/system/profile`, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'X-PORTAL-ACCESS-CODE': 'demo-system-portal',
      'X-Client-Hash': 'e2e-token-check',
      'CF-Connecting-IP': '127.0.0.1',
      'Cf-Ray': 'e2e',
      'cf-ipcountry': 'XX',
      Accept: 'application/json',
    },
  });
  const body = v.parse(v.object({ code: v.string() }), await response.json());
  return { status: response.status, code: body.code };
}

/* ── the popup ───────────────────────────────────────────────────────────────────────────── */

/** A popup tab on a new vault (absent → created → unlocked). */
export async function popupWithNewVault(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.openPage('popup.html');
  await (await shown(popup.getByTestId('create-passphrase'))).fill(PASSPHRASE);
  await popup.getByTestId('create-confirm').fill(PASSPHRASE);
  await popup.getByTestId('create-submit').click();
  await shown(popup.getByTestId('add-account'));
  return popup;
}

/** Adds an account by otpauth URI from the codes list; answers its row. */
export async function addAccountByUri(popup: Page, uri: string, label: string): Promise<Locator> {
  await popup.getByTestId('tab-codes').click();
  await (await shown(popup.getByTestId('add-account'))).click();
  await (await shown(popup.getByTestId('add-uri-input'))).fill(uri);
  await popup.getByTestId('add-uri-submit').click();
  return shown(popup.getByTestId('account-row').filter({ hasText: label }));
}

/** Opens an account's details (with its backup codes panel) from the codes list. */
export async function openAccountDetails(popup: Page, label: string): Promise<void> {
  await popup.getByTestId('tab-codes').click();
  const row = await shown(popup.getByTestId('account-row').filter({ hasText: label }));
  await row.getByTestId('account-details').click();
  await shown(popup.getByTestId('backup-paste'));
}

export async function openTab(popup: Page, tab: 'codes' | 'signin' | 'sessions') {
  await (await shown(popup.getByTestId(`tab-${tab}`))).click();
}

/** Sign in tab → the profile's "Sign in" button; the flow panel then shows its first step. */
export async function startSignIn(popup: Page, profileName: string): Promise<void> {
  await openTab(popup, 'signin');
  const row = await shown(popup.getByTestId('profile-row').filter({ hasText: profileName }));
  await row.getByTestId('profile-signin').click();
}

/** Types the password at the credentials step (identifier prefilled from the profile). */
export async function submitPassword(popup: Page, password: string): Promise<void> {
  await (await shown(popup.getByTestId('credentials-password'))).fill(password);
  await popup.getByTestId('credentials-submit').click();
}

const STEP_IDS = [
  'step-credentials',
  'step-captcha',
  'step-choose-method',
  'step-send-code',
  'step-code',
  'step-done',
  'step-pending-approval',
  'step-error',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The flow step the popup shows now, or null (no flow panel, or busy between two). */
export async function shownStep(popup: Page): Promise<StepId | null> {
  for (const id of STEP_IDS) {
    if (await popup.getByTestId(id).isVisible()) return id;
  }
  return null;
}

/** Waits until the popup shows `step`; fails with the step it shows instead. */
export async function expectStep(popup: Page, step: StepId): Promise<void> {
  await poll(() => shownStep(popup)).toBe(step);
}

export async function autoFillNotes(popup: Page): Promise<string[]> {
  return popup.getByTestId('autofill-note').allTextContents();
}

/* ── the options page ────────────────────────────────────────────────────────────────────── */

/**
 * Options page → the profile's Edit → its "vault account" select set to the account whose
 * option text holds `accountText` → Save, and waits for the saved notice.
 */
export async function linkVaultAccount(
  browser: ExtensionBrowser,
  profileId: string,
  accountText: string,
): Promise<void> {
  const options = await browser.openPage('options.html');
  const row = await shown(
    options.locator(`[data-testid="profile-row"][data-profile-id="${profileId}"]`),
  );
  await row.getByTestId('profile-edit').click();
  const select = await shown(options.getByTestId('profile-otp-account'));
  const option = select.locator('option', { hasText: accountText });
  await poll(() => option.count()).toBe(1);
  const value = await option.getAttribute('value');
  if (value === null) throw new Error(`no value on the option for ${accountText}`);
  await select.selectOption(value);
  await options.getByTestId('profile-save').click();
  await poll(() => options.getByTestId('profile-saved').textContent()).toMatch(/saved/i);
  expect(await options.getByTestId('permission-warning').count()).toBe(0);
  await options.close();
}
