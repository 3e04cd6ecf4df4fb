/**
 * Issue 4 §5, SlaunchX: sign-in and MFA from the real popup and options page against the
 * emulator, with the code taken from where the worker finds it (vault TOTP, backup codes, dev
 * mailbox) or typed by the user, and a worker stop between every two steps of a flow.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addAccountByUri,
  autoFillNotes,
  expectStep,
  linkVaultAccount,
  mailedCode,
  mailTo,
  openAccountDetails,
  openTab,
  poll,
  popupWithNewVault,
  shown,
  startSignIn,
  submitPassword,
  SX_PASSWORD,
  totpNow,
  totpSecret,
  useSigninSuite,
  type StepId,
} from './signin-helpers';

const ADMIN = 'admin@slaunchx.test';
const BACKUP_CODES = Array.from({ length: 10 }, (_, i) => `BKUP-${String(i + 1).padStart(5, '0')}`);

const suite = useSigninSuite();

async function expectOneSession(popup: Page, accountName: string, profileName: string) {
  await openTab(popup, 'sessions');
  const row = await shown(popup.getByTestId('session-row'));
  expect(await popup.getByTestId('session-row').count()).toBe(1);
  expect(await row.textContent()).toContain(accountName);
  expect(await row.getByTestId('session-profile').textContent()).toContain(profileName);
  // Masked until revealed (providers.md conventions: first 4 characters, then "…").
  expect(await row.getByTestId('session-token').textContent()).toMatch(/^.{4}…$/);
}

describe('SlaunchX sign-in from the popup', () => {
  it('fills the OTP from the linked vault account and stores the session', async () => {
    const browser = suite.browser();
    const popup = await popupWithNewVault(browser);
    const secret = await totpSecret(suite.emu(), ADMIN);
    const uri = `otpauth://totp/SlaunchX:${encodeURIComponent(ADMIN)}?secret=${secret}&issuer=SlaunchX`;
    await addAccountByUri(popup, uri, ADMIN);
    await linkVaultAccount(browser, 'dev-slx-admin', ADMIN);

    await popup.bringToFront();
    await startSignIn(popup, 'SlaunchX system · admin');
    await expectStep(popup, 'step-credentials');
    expect(await popup.getByTestId('credentials-identifier').inputValue()).toBe(ADMIN);
    await submitPassword(popup, SX_PASSWORD);

    await expectStep(popup, 'step-done');
    expect(await autoFillNotes(popup)).toContain('Code filled from your vault');
    await expectOneSession(popup, 'System Admin', 'SlaunchX system · admin');
  });

  it('answers with the next unused backup code and marks only that one used', async () => {
    const browser = suite.browser();
    const popup = await popupWithNewVault(browser);
    // An HOTP account makes no TOTP for the profile, so the worker picks BACKUP_CODE
    // (auto-fill.ts: linked TOTP › unused backup codes › mailbox).
    const label = 'admin-backup-codes';
    await addAccountByUri(
      popup,
      `otpauth://hotp/SlaunchX:${label}?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=SlaunchX&counter=0`,
      label,
    );
    await openAccountDetails(popup, label);
    await popup.getByTestId('backup-paste').fill(BACKUP_CODES.join('\n'));
    await popup.getByTestId('backup-add').click();
    await poll(() => popup.getByTestId('backup-count').textContent()).toBe('10 of 10 unused.');
    await linkVaultAccount(browser, 'dev-slx-admin', label);

    await popup.bringToFront();
    await startSignIn(popup, 'SlaunchX system · admin');
    await submitPassword(popup, SX_PASSWORD);
    await expectStep(popup, 'step-done');
    expect(await autoFillNotes(popup)).toContain('Backup code used');
    await expectOneSession(popup, 'System Admin', 'SlaunchX system · admin');

    await openAccountDetails(popup, label);
    await poll(() => popup.getByTestId('backup-count').textContent()).toBe('9 of 10 unused.');
    await popup.getByTestId('backup-reveal').click();
    const codes = popup.getByTestId('backup-code');
    await poll(() => codes.count()).toBe(10);
    const used = await codes.evaluateAll((items) =>
      items.filter((li) => li.getAttribute('data-used') === 'true').map((li) => li.textContent),
    );
    expect(used).toHaveLength(1);
    expect(used[0]).toContain('BKUP-00001');
  });

  it('reads the EMAIL code of a consumer account from the dev mailbox', async () => {
    const popup = await popupWithNewVault(suite.browser());
    await startSignIn(popup, 'SlaunchX consumer · e-mail code');
    await submitPassword(popup, SX_PASSWORD);

    await expectStep(popup, 'step-done');
    expect(await autoFillNotes(popup)).toContain('Code read from the dev mailbox');
    expect(await mailTo(suite.emu(), 'user@slaunchx.test')).toHaveLength(1);
    await expectOneSession(popup, 'Demo User', 'SlaunchX consumer · e-mail code');
  });

  it('shows pending approval after a right code for an account awaiting approval', async () => {
    const popup = await popupWithNewVault(suite.browser());
    await startSignIn(popup, 'SlaunchX system · pending approval');
    await submitPassword(popup, SX_PASSWORD);
    // No linked account: the OTP step waits for the user, who types the code.
    await expectStep(popup, 'step-code');
    const secret = await totpSecret(suite.emu(), 'pending@slaunchx.test');
    await popup.getByTestId('code-input').fill(totpNow(secret));
    await popup.getByTestId('code-submit').click();

    await expectStep(popup, 'step-pending-approval');
    expect(await popup.getByTestId('pending-message').textContent()).not.toBe('');
    await shown(popup.getByTestId('flow-restart'));
    await openTab(popup, 'sessions');
    await shown(popup.getByTestId('sessions-empty'));
  });

  it('continues the same flow at the same step after a worker stop between every two steps', async () => {
    const browser = suite.browser();
    const popup = await popupWithNewVault(browser);
    // A test profile without a mailbox or linked account: every step waits for the user.
    await browser.send('profiles/save', {
      profile: {
        name: 'SlaunchX system · by hand',
        family: 'slaunchx',
        baseUrl: suite.emu().url,
        environment: 'test',
        identifier: ADMIN,
        portal: 'system',
        accessCode: 'demo-system-portal',
      },
    });
    await startSignIn(popup, 'SlaunchX system · by hand');
    await expectStep(popup, 'step-credentials');
    const flowId = (await browser.send('signin/current', {}))?.flowId;
    expect(flowId).toBeTypeOf('string');

    const stopAndReopen = async (step: StepId) => {
      await browser.stopWorker();
      await popup.reload();
      // An interactive flow reopens on the Sign in tab by itself; a finished one does not.
      if (step === 'step-done') await openTab(popup, 'signin');
      await expectStep(popup, step);
      expect((await browser.send('signin/current', {}))?.flowId).toBe(flowId);
    };

    await stopAndReopen('step-credentials');
    await submitPassword(popup, SX_PASSWORD);
    await expectStep(popup, 'step-choose-method');
    await stopAndReopen('step-choose-method');
    await popup.getByTestId('method-EMAIL').click();
    await expectStep(popup, 'step-send-code');
    await stopAndReopen('step-send-code');
    await popup.getByTestId('send-code-submit').click();
    await expectStep(popup, 'step-code');
    await stopAndReopen('step-code');
    await popup.getByTestId('code-input').fill(await mailedCode(suite.emu(), ADMIN));
    await popup.getByTestId('code-submit').click();
    await expectStep(popup, 'step-done');
    await stopAndReopen('step-done');

    expect(await autoFillNotes(popup)).toEqual([]);
    await expectOneSession(popup, 'System Admin', 'SlaunchX system · by hand');
  });
});
