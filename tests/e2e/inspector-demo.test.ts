/**
 * Issue 6 §5, from a recording: sign-ins run by the emulator's demo pages themselves (CloudBase
 * with a wrong password first, then SlaunchX consumer over SCv2), recorded by Chromium as a HAR
 * (Playwright's `recordHar`, bodies embedded), then loaded through "Load HAR file…" into the
 * DevTools panel opened as an extension tab — headless Chromium cannot open DevTools. The panel
 * shows both flows with their steps, the CloudBase access token's claims, the lint findings,
 * envelope metadata, and the password masked until revealed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { CHROMIUM, launchExtensionBrowser } from './harness';
import { CLOUDBASE_PASSWORD, poll, shown, SX_PASSWORD } from './signin-helpers';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, mailboxPort: 0 });
  dir = await mkdtemp(join(tmpdir(), 'authdeck-har-'));
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function signInOnCloudbase(page: Page): Promise<void> {
  await page.goto('/demo/cloudbase/');
  await page.getByTestId('username').fill('zhangsan');
  await page.getByTestId('password').fill('wrong password');
  await page.getByTestId('sign-in').click();
  await poll(() => page.getByTestId('error-code').textContent()).toBe(
    'invalid_username_or_password',
  );
  await page.getByTestId('password').fill(CLOUDBASE_PASSWORD);
  await page.getByTestId('sign-in').click();
  await shown(page.getByTestId('signed-in'));
}

async function signInOnSlaunchx(page: Page): Promise<void> {
  await page.goto('/demo/slaunchx/?portal=consumer');
  await page.getByTestId('email').fill('nomfa@slaunchx.test');
  await page.getByTestId('password').fill(SX_PASSWORD);
  await page.getByTestId('sign-in').click();
  await shown(page.getByTestId('signed-in'));
}

/** Runs both sign-ins in a plain Chromium context that records a HAR; answers its entry count. */
async function recordSignIns(harPath: string): Promise<number> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      baseURL: emulator.url,
      recordHar: { path: harPath, content: 'embed' },
    });
    const page = await context.newPage();
    await signInOnCloudbase(page);
    await signInOnSlaunchx(page);
    // The HAR is written when its context closes.
    await context.close();
  } finally {
    await browser.close();
  }
  const har = JSON.parse(await readFile(harPath, 'utf8')) as { log: { entries: unknown[] } };
  return har.log.entries.length;
}

const stepKinds = (panel: Page) =>
  panel
    .getByTestId('flow-detail')
    .getByTestId('flow-step')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')).join(' '));

const lintFindings = (panel: Page) =>
  panel
    .getByTestId('flow-detail')
    .getByTestId('lint-findings')
    .getByTestId('lint-finding')
    .evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-rule'), li.getAttribute('data-severity')]),
    );

async function selectFlow(panel: Page, family: string): Promise<void> {
  await panel.locator(`[data-testid="flow-row"][data-family="${family}"]`).click();
  await shown(panel.locator(`[data-testid="flow-detail"][data-flow^="page:"]`));
  await poll(() =>
    panel.locator('[data-testid="flow-row"][aria-current="true"]').getAttribute('data-family'),
  ).toBe(family);
}

/** The step of this kind (nth of them) in the shown flow, opened. */
async function openStep(panel: Page, kind: string, nth = 0) {
  const step = panel
    .getByTestId('flow-detail')
    .locator(`[data-testid="flow-step"][data-kind="${kind}"]`)
    .nth(nth);
  await step.getByTestId('step-toggle').click();
  await shown(step.getByTestId('step-detail'));
  return step;
}

/** The first decoded token's claims in the shown flow. */
async function firstClaims(panel: Page): Promise<Record<string, unknown>> {
  const token = await shown(panel.getByTestId('flow-tokens').getByTestId('token').first());
  expect(await token.getByTestId('token-value').textContent()).toMatch(/^eyJh…$/);
  return JSON.parse((await token.getByTestId('jwt-claims').textContent()) ?? '') as Record<
    string,
    unknown
  >;
}

/** Wrong password, then the right one (providers.md §4): two sign-in calls, one explained. */
async function expectCloudbaseFlow(panel: Page): Promise<void> {
  await poll(() => stepKinds(panel)).toBe('login login');
  expect(await panel.getByTestId('flow-outcome').textContent()).toBe('signed in');
  expect(await lintFindings(panel)).toEqual([['provider-error', 'info']]);
  expect(await panel.getByTestId('lint-finding').first().textContent()).toContain(
    'invalid_username_or_password',
  );
  const claims = await firstClaims(panel);
  expect(claims).toMatchObject({
    iss: 'https://cloudbase.emulator.test',
    sub: '9876543210123456789',
  });
  expect(Number(claims.exp) - Number(claims.iat)).toBe(7200);

  // The password is masked until its step is revealed, as for live page traffic.
  const signIn = await openStep(panel, 'login', 1);
  const body = signIn.getByTestId('request-body');
  expect(await body.textContent()).toContain('"password": "exam…"');
  expect(await body.textContent()).not.toContain(CLOUDBASE_PASSWORD);
  await signIn.getByTestId('step-reveal').click();
  await poll(() => body.textContent()).toContain(`"password": "${CLOUDBASE_PASSWORD}"`);
}

/** SCv2 §3 handshake, the consumer sign-in without MFA (providers.md §1.3), then the profile. */
async function expectSlaunchxFlow(panel: Page): Promise<void> {
  await poll(() => stepKinds(panel)).toBe('sc-public-key sc-open initiate profile');
  // The page sends every header the gateway and the channel ask for. (Playwright writes binary
  // request bodies as UTF-8 text, so the request envelopes' bytes are not the ones sent: only
  // the response envelopes, embedded as base64, are checked below.)
  expect((await lintFindings(panel)).filter(([, severity]) => severity === 'error')).toEqual([]);
  // The access token travels in plaintext in the profile call's Authorization header.
  expect(await firstClaims(panel)).toMatchObject({ sub: 'ACC_CON_002', portal: 'consumer' });

  const initiate = await openStep(panel, 'initiate');
  const response = initiate.getByTestId('envelope').last();
  expect(await response.getAttribute('data-ok')).toBe('true');
  expect(await response.getByTestId('envelope-session').textContent()).toMatch(
    /^scs_[0-9a-f]{32}$/,
  );
  expect(await response.getByTestId('envelope-nonce').textContent()).toMatch(/^[0-9a-f]{24}$/);
  expect(await response.getByTestId('envelope-size').textContent()).toMatch(/^\d+ bytes/);
}

describe('the panel fed a HAR recorded on the demo pages', () => {
  it('shows the recorded flows, their decoded tokens and lint findings', async () => {
    const harPath = join(dir, 'demo-sign-ins.har');
    const recorded = await recordSignIns(harPath);

    const browser = await launchExtensionBrowser();
    try {
      const panel = await browser.openPage('devtools-panel.html');
      await panel.getByTestId('har-file-input').setInputFiles(harPath);
      expect(await (await shown(panel.getByTestId('har-file-status'))).textContent()).toBe(
        `Page traffic from ${basename(harPath)}: ${String(recorded)} entries read.`,
      );
      await poll(() =>
        panel
          .getByTestId('flow-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-family')).sort()),
      ).toEqual(['cloudbase', 'slaunchx']);

      await selectFlow(panel, 'cloudbase');
      await expectCloudbaseFlow(panel);
      await selectFlow(panel, 'slaunchx');
      await expectSlaunchxFlow(panel);
      // The demo pages' scripts, styles and icons: counted, not shown.
      expect(await panel.getByTestId('note-page-skipped').textContent()).toMatch(
        /^Requests skipped as not auth traffic: [1-9]\d*$/,
      );
    } finally {
      await browser.close();
    }
  });
});
