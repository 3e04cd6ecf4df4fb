/**
 * Issue 4 §3 and §5: a stored SlaunchX session refreshes itself once the emulator's clock has
 * passed its expiry, and on demand from the Sessions view.
 *
 * Why the alarm is moved forward: the worker arms one `chrome.alarms` alarm per session at
 * expiry − min(5 min, 10 % of the lifetime) on the browser's clock (refresh-schedule.ts), 55 min
 * after a SlaunchX sign-in. Moving the emulator's clock does not move the browser's, and
 * nothing can move a service worker's clock, so the test re-creates that same alarm, under the
 * same name, to fire now (unpacked extensions have no minimum delay). The worker then runs the
 * path it runs at the scheduled time: woken from a stop by `alarms.onAlarm`, refresh, store,
 * re-arm.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProfileInput, ProfileView, SessionView } from '../../src/messaging/signin-protocol';
import type { ExtensionBrowser } from './harness';
import {
  advanceEmulatorClock,
  openTab,
  PASSPHRASE,
  poll,
  shown,
  slaunchxProfileStatus,
  SX_PASSWORD,
  totpSecret,
  useSigninSuite,
} from './signin-helpers';

const ADMIN = 'admin@slaunchx.test';
const HOUR_MS = 3_600_000;
const REFRESH_ALARMS = 'authdeck:refresh:';

const suite = useSigninSuite();

/** The profile's input with `otpAccountId` set (a view also carries `hasPassword`). */
function linked(profile: ProfileView, otpAccountId: string): ProfileInput {
  const input: ProfileInput & { hasPassword?: boolean } = { ...profile, otpAccountId };
  delete input.hasPassword;
  return input;
}

/**
 * Setup, not the subject here: a vault with the admin's TOTP linked to `dev-slx-admin`, and a
 * sign-in run through the worker's messages. Answers the stored session.
 */
async function signedInAdmin(browser: ExtensionBrowser): Promise<SessionView> {
  await browser.send('vault/create', { passphrase: PASSPHRASE });
  const secret = await totpSecret(suite.emu(), ADMIN);
  const account = await browser.send('accounts/add-uri', {
    uri: `otpauth://totp/SlaunchX:${encodeURIComponent(ADMIN)}?secret=${secret}&issuer=SlaunchX`,
  });
  const profile = (await browser.send('profiles/list', {})).find((p) => p.id === 'dev-slx-admin');
  if (profile === undefined) throw new Error('dev-slx-admin was not seeded');
  await browser.send('profiles/save', { profile: linked(profile, account.id) });
  const flow = await browser.send('signin/start', { profileId: 'dev-slx-admin' });
  const done = await browser.send('signin/advance', {
    flowId: flow.flowId,
    input: { kind: 'credentials', identifier: ADMIN, password: SX_PASSWORD },
  });
  expect(done.step.step).toBe('done');
  const [session, ...others] = await browser.send('sessions/list', {});
  expect(others).toEqual([]);
  if (session === undefined) throw new Error('no session after a done step');
  return session;
}

/** The Sessions tab's row with its access token revealed: answers the clear token. */
async function revealedToken(popup: Page): Promise<string> {
  await openTab(popup, 'sessions');
  const row = await shown(popup.getByTestId('session-row'));
  const masked = (await row.getByTestId('session-token').textContent()) ?? '';
  await row.getByTestId('session-reveal').click();
  await poll(() => row.getByTestId('session-token').textContent()).not.toBe(masked);
  return (await row.getByTestId('session-token').textContent()) ?? '';
}

describe('auth sessions in the worker', () => {
  it('refreshes itself from its alarm once the emulator clock has passed expiry', async () => {
    const browser = suite.browser();
    const before = await signedInAdmin(browser);
    // What the worker schedules: 5 minutes ahead of a one-hour token.
    expect(before.expiresAt - before.obtainedAt).toBe(HOUR_MS);
    expect(before.refreshAt).toBe(before.expiresAt - 5 * 60_000);
    const popup = await browser.openPage('popup.html');
    const oldToken = await revealedToken(popup);
    expect(await slaunchxProfileStatus(suite.emu(), oldToken)).toEqual({
      status: 200,
      code: '2000',
    });

    await advanceEmulatorClock(suite.emu(), HOUR_MS + 60_000);
    expect(await slaunchxProfileStatus(suite.emu(), oldToken)).toEqual({
      status: 401,
      code: 'AUTH.TOKEN_EXPIRED',
    });
    await browser.stopWorker(); // the alarm has to wake it, as it would after 55 minutes
    expect(await browser.fireAlarmsNow(REFRESH_ALARMS)).toEqual([`${REFRESH_ALARMS}${before.id}`]);

    const refreshed = async () => (await browser.send('sessions/list', {}))[0];
    await poll(async () => (await refreshed())?.expiresAt ?? 0).toBeGreaterThan(before.expiresAt);
    const after = await refreshed();
    expect(after?.id).toBe(before.id);
    expect(after?.lastError).toBeUndefined();
    // Re-armed for the new token.
    expect(after?.refreshAt).toBe((after?.expiresAt ?? 0) - 5 * 60_000);

    await popup.reload();
    const newToken = await revealedToken(popup);
    expect(newToken).not.toBe(oldToken);
    expect(await slaunchxProfileStatus(suite.emu(), newToken)).toEqual({
      status: 200,
      code: '2000',
    });
  });

  it('refreshes on demand from the Sessions view with a new token and a later expiry', async () => {
    const browser = suite.browser();
    const before = await signedInAdmin(browser);
    const popup = await browser.openPage('popup.html');
    const oldToken = await revealedToken(popup);
    // A minute on: the emulator's JWTs carry `iat` in seconds, so a refresh within the second
    // of the sign-in could mint the very same access token.
    await advanceEmulatorClock(suite.emu(), 60_000);

    const row = popup.getByTestId('session-row');
    await row.getByTestId('session-refresh').click();
    await poll(() => row.getByTestId('session-status').textContent()).toBe('Session refreshed.');
    // The clear token is dropped on refresh; the masked one is back until revealed again.
    expect(await row.getByTestId('session-token').textContent()).toMatch(/^.{4}…$/);
    const newToken = await revealedToken(popup);
    expect(newToken).not.toBe(oldToken);
    const [after] = await browser.send('sessions/list', {});
    expect(after?.expiresAt).toBeGreaterThan(before.expiresAt);
    expect(await slaunchxProfileStatus(suite.emu(), newToken)).toEqual({
      status: 200,
      code: '2000',
    });
  });
});
