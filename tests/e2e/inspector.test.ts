/**
 * Issue 6 §5: a SlaunchX sign-in run from the real popup against the emulator, then the DevTools
 * panel opened as an extension page (no devtools API: it reads the worker's request log) shows
 * that flow, its decoded access token claims and its lint state, with the password masked until
 * revealed; and the popup's Sessions view lists the session's own requests and claims.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectStep,
  openTab,
  poll,
  popupWithNewVault,
  shown,
  startSignIn,
  submitPassword,
  SX_PASSWORD,
  useSigninSuite,
} from './signin-helpers';

const suite = useSigninSuite();

const NO_MFA = 'SlaunchX consumer · no MFA';

async function signInWithoutMfa(popup: Page): Promise<void> {
  await startSignIn(popup, NO_MFA);
  await submitPassword(popup, SX_PASSWORD);
  await expectStep(popup, 'step-done');
}

/** The step of this kind in the shown flow, opened. */
async function openStep(panel: Page, kind: string) {
  const step = panel.locator(`[data-testid="flow-step"][data-kind="${kind}"]`).first();
  await (await shown(step.getByTestId('step-toggle'))).click();
  await shown(step.getByTestId('step-detail'));
  return step;
}

describe('the auth inspector', () => {
  it("shows the extension's own sign-in in the panel: steps, claims, lint, masked password", async () => {
    const browser = suite.browser();
    const popup = await popupWithNewVault(browser);
    await signInWithoutMfa(popup);

    const panel = await browser.openPage('devtools-panel.html');
    expect(await (await shown(panel.getByTestId('devtools-mode'))).textContent()).toBe(
      "Extension log only: open DevTools to follow a page's traffic too.",
    );
    const row = await shown(panel.getByTestId('flow-row').first());
    expect(await row.getAttribute('data-family')).toBe('slaunchx');
    expect(await row.textContent()).toContain('extension');
    const detail = await shown(panel.getByTestId('flow-detail'));
    // SCv2 §3 handshake, the sign-in that needs no MFA (providers.md §1.3), then whose it is.
    await poll(async () =>
      (
        await detail
          .getByTestId('flow-step')
          .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))
      ).join(' '),
    ).toBe('sc-public-key sc-open initiate profile');

    // The extension sends every header the gateway and the channel ask for: nothing to flag.
    expect(await (await shown(panel.getByTestId('lint-clean'))).textContent()).toBe(
      'No findings: this flow breaks none of the rules the inspector checks.',
    );
    expect(await panel.getByTestId('lint-finding').count()).toBe(0);

    // The log masks tokens; decoding fetches the entries, and the token stays masked.
    await panel.getByTestId('flow-decode').click();
    const token = await shown(panel.getByTestId('flow-tokens').getByTestId('token').first());
    const claims = JSON.parse((await token.getByTestId('jwt-claims').textContent()) ?? '') as {
      sub: string;
      portal: string;
      exp: number;
      iat: number;
    };
    expect(claims).toMatchObject({ sub: 'ACC_CON_002', portal: 'consumer' });
    expect(claims.exp).toBeGreaterThan(claims.iat);
    expect(await token.getByTestId('token-value').textContent()).toMatch(/^eyJ.…$/);
    expect(await token.getByTestId('jwt-exp-relative').textContent()).toMatch(/^expires in /);

    // The password the initiate call carried: masked until that entry is revealed.
    const initiate = await openStep(panel, 'initiate');
    const plaintext = initiate.getByTestId('request-plaintext-body');
    expect(await plaintext.textContent()).toContain('"password": "Corr…"');
    expect(await plaintext.textContent()).not.toContain(SX_PASSWORD);
    const envelope = initiate.getByTestId('envelope').first();
    expect(await envelope.getAttribute('data-ok')).toBe('true');
    await initiate.getByTestId('step-reveal').click();
    await poll(() => plaintext.textContent()).toContain(`"password": "${SX_PASSWORD}"`);
    await initiate.getByTestId('step-reveal').click();
    await poll(() => plaintext.textContent()).not.toContain(SX_PASSWORD);
  });

  it("lists the session's own requests in the popup and decodes its claims", async () => {
    const popup = await popupWithNewVault(suite.browser());
    await signInWithoutMfa(popup);
    await openTab(popup, 'sessions');
    const row = await shown(popup.getByTestId('session-row'));

    await row.getByTestId('session-log-toggle').click();
    const entries = row.getByTestId('session-log-entry');
    await poll(() => entries.count()).toBeGreaterThan(0);
    expect(await entries.allTextContents()).toContain(
      'POST /web/v1/consumer/auth/login/initiate 200',
    );

    await row.getByTestId('session-tools-toggle').click();
    await row.getByTestId('session-claims').click();
    const claims = await shown(row.getByTestId('jwt-claims'));
    expect(await claims.textContent()).toContain('"sub": "ACC_CON_002"');
  });
});
