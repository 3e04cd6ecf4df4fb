/**
 * Issue 4 "Bad input" in the real options page and popup: a production profile over plain
 * http is refused with its message, a profile whose server does not answer ends in a clear
 * error, and a backup code the provider refuses stays unused. Nothing stored is lost.
 */
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WorkerError } from '../../src/messaging/client';
import {
  addAccountByUri,
  expectStep,
  linkVaultAccount,
  openAccountDetails,
  poll,
  popupWithNewVault,
  shown,
  startSignIn,
  submitPassword,
  SX_PASSWORD,
  useSigninSuite,
} from './signin-helpers';

const suite = useSigninSuite();
const DEV_PROFILE_COUNT = 7;

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Options page → Add → a SlaunchX system profile with these basics → Save. */
async function fillNewSlaunchxProfile(
  options: Page,
  fields: { name: string; environment: 'production' | 'test'; baseUrl: string },
) {
  await (await shown(options.getByTestId('profile-add'))).click();
  await (await shown(options.getByTestId('profile-name'))).fill(fields.name);
  await options.getByTestId('profile-family').selectOption('slaunchx');
  await options.getByTestId('profile-environment').selectOption(fields.environment);
  await options.getByTestId('profile-base-url').fill(fields.baseUrl);
  await options.getByTestId('profile-identifier').fill('admin@slaunchx.test');
  await options.getByTestId('profile-access-code').fill('demo-system-portal');
  await options.getByTestId('profile-save').click();
}

describe('bad input', () => {
  it('refuses a production profile with an http:// URL in the options page and stores nothing', async () => {
    const browser = suite.browser();
    const options = await browser.openPage('options.html');
    await fillNewSlaunchxProfile(options, {
      name: 'Production over http',
      environment: 'production',
      baseUrl: 'http://auth.example.com',
    });

    const form = options.getByTestId('options-profile-form');
    await poll(() => form.getByTestId('error').textContent()).toBe(
      'Use an https:// address. Plain http:// is allowed only for test profiles on this computer (localhost or 127.0.0.1).',
    );
    expect(await options.getByTestId('profile-saved').textContent()).toBe('');
    const names = (await browser.send('profiles/list', {})).map((p) => p.name);
    expect(names).toHaveLength(DEV_PROFILE_COUNT);
    expect(names).not.toContain('Production over http');

    // The worker applies the same rule to anything that reaches it.
    const refused = await browser
      .send('profiles/save', {
        profile: {
          name: 'Production over http',
          family: 'cloudbase',
          baseUrl: 'http://127.0.0.1:8787',
          environment: 'production',
          identifier: '',
        },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkerError);
    expect(refused).toMatchObject({ code: 'INSECURE_URL' });
  });

  it('ends a sign-in against a base URL nobody answers in a NETWORK error and keeps every profile', async () => {
    const browser = suite.browser();
    const popup = await popupWithNewVault(browser);
    const options = await browser.openPage('options.html');
    await fillNewSlaunchxProfile(options, {
      name: 'Nobody home',
      environment: 'test',
      baseUrl: `http://127.0.0.1:${String(await closedPort())}`,
    });
    await poll(() => options.getByTestId('profile-saved').textContent()).toBe(
      'Profile “Nobody home” saved.',
    );
    await options.close();

    await popup.bringToFront();
    await startSignIn(popup, 'Nobody home');
    await submitPassword(popup, SX_PASSWORD);
    // The flow can go on (nothing was created at the provider): the credentials step again,
    // with the error above it, so the user can retry once the server is back.
    const error = popup.getByTestId('flow-error');
    await poll(() => error.getByTestId('error-code').textContent()).toBe('NETWORK');
    expect(await error.getByTestId('error-message').textContent()).not.toBe('');
    await expectStep(popup, 'step-credentials');

    const names = (await browser.send('profiles/list', {})).map((p) => p.name);
    expect(names).toHaveLength(DEV_PROFILE_COUNT + 1);
    expect(names).toContain('Nobody home');
    expect(await browser.send('sessions/list', {})).toEqual([]);
  });

  it('keeps a backup code the provider refuses unused and waits for the user', async () => {
    const browser = suite.browser();
    const popup = await popupWithNewVault(browser);
    const label = 'stale-backup-codes';
    await addAccountByUri(
      popup,
      `otpauth://hotp/SlaunchX:${label}?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=SlaunchX&counter=0`,
      label,
    );
    await openAccountDetails(popup, label);
    await popup.getByTestId('backup-paste').fill('BKUP-99999'); // not one of the account's
    await popup.getByTestId('backup-add').click();
    await poll(() => popup.getByTestId('backup-count').textContent()).toBe('1 of 1 unused.');
    await linkVaultAccount(browser, 'dev-slx-admin', label);

    await popup.bringToFront();
    await startSignIn(popup, 'SlaunchX system · admin');
    await submitPassword(popup, SX_PASSWORD);
    await expectStep(popup, 'step-code');
    await poll(() => popup.getByTestId('flow-error').getByTestId('error-code').textContent()).toBe(
      'AUTH.MFA_CODE_INVALID',
    );
    expect(await popup.getByTestId('code-prompt').isVisible()).toBe(true);

    await openAccountDetails(popup, label);
    await poll(() => popup.getByTestId('backup-count').textContent()).toBe('1 of 1 unused.');
  });
});
