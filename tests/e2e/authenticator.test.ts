import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Example:alice@example.com?secret=${SECRET}&issuer=Example`;
const PASSPHRASE = 'correct horse battery staple';

/** The codes valid just before and at this moment: the popup may show either at a boundary. */
function expectedCodes(): string[] {
  const totp = new TOTP({ secret: SECRET });
  const now = Date.now();
  return [totp.generate({ timestamp: now - 2_000 }), totp.generate({ timestamp: now })];
}

async function shownCode(popup: Page): Promise<string> {
  const cell = popup.getByTestId('account-code').first();
  await expect
    .poll(async () => (await cell.textContent())?.replace(/\s/g, '') ?? '')
    .toMatch(/^\d{6}$/);
  return ((await cell.textContent()) ?? '').replace(/\s/g, '');
}

describe('authenticator core in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('creates a vault, adds an account by URI and shows the live TOTP code', async () => {
    const popup = await browser.openPage('popup.html');
    await popup.getByTestId('create-passphrase').fill(PASSPHRASE);
    await popup.getByTestId('create-confirm').fill(PASSPHRASE);
    await popup.getByTestId('create-submit').click();

    await popup.getByTestId('add-account').click();
    await popup.getByTestId('add-uri-input').fill(URI);
    await popup.getByTestId('add-uri-submit').click();

    await expect.poll(() => popup.getByTestId('account-row').count()).toBe(1);
    await expect
      .poll(() => popup.getByTestId('account-row').first().textContent())
      .toContain('Example');
    const code = await shownCode(popup);
    expect(expectedCodes()).toContain(code);
    await popup.close();
  });

  it('still shows the code after the service worker is stopped', async () => {
    await browser.stopWorker();
    const popup = await browser.openPage('popup.html');
    const code = await shownCode(popup);
    expect(expectedCodes()).toContain(code);
    await popup.close();
  });

  it('locks, refuses a wrong passphrase and unlocks with the right one', async () => {
    const popup = await browser.openPage('popup.html');
    await shownCode(popup);
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock-passphrase').fill('not the passphrase');
    await popup.getByTestId('unlock-submit').click();
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toBeTruthy();
    expect(await popup.getByTestId('account-row').count()).toBe(0);

    await popup.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await popup.getByTestId('unlock-submit').click();
    const code = await shownCode(popup);
    expect(expectedCodes()).toContain(code);
    await popup.close();
  });

  it('keeps the vault locked across a worker stop', async () => {
    const popup = await browser.openPage('popup.html');
    await shownCode(popup);
    await popup.getByTestId('lock').click();
    await expect.poll(() => popup.getByTestId('unlock-passphrase').count()).toBe(1);
    await browser.stopWorker();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('unlock-passphrase').count()).toBe(1);
    expect(await popup.getByTestId('account-row').count()).toBe(0);
  });
});
