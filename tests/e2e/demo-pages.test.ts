/**
 * The emulator's demo pages (`/demo/<provider>/`) in real Chromium: each page runs its
 * provider's real sign-in flow, MFA step included, against the emulator on the same origin.
 * Codes come from where a tester would take them: the TOTP secret from the controls, email and
 * SMS codes from the dev mailbox, captcha answers from `X-Emulator-Captcha-Answer`.
 */
import { get as httpGet } from 'node:http';
import { TOTP } from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CSP } from '../../emulator/demo/demo-pages';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import vectors from '../data/secure-channel-v2.json';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-sync',
  '--no-first-run',
];
const SX_PASSWORD = 'Correct-Horse-42'; // providers.md §7
const IDAAS_CLIENT_ID = 'nTo1eRIub60vPb54WeE6aojPwYwImtl4';
const KOODRIVE_ACCOUNT = '0027188460911';

let emulator: RunningEmulator;
let browser: Browser;
let context: BrowserContext;
/** CSP violations and uncaught page errors of the current test: there must be none. */
let problems: string[];

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}

/** A GET whose path goes out exactly as written (no URL normalisation). */
function rawGet(path: string): Promise<{ status: number; csp: string | undefined }> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const request = httpGet({ hostname, port, path }, (response) => {
      response.resume();
      const csp = response.headers['content-security-policy'];
      resolve({ status: response.statusCode ?? 0, csp: typeof csp === 'string' ? csp : undefined });
    });
    request.on('error', reject);
  });
}

const MessageList = v.object({
  messages: v.array(v.object({ ID: v.string(), To: v.array(v.object({ Address: v.string() })) })),
});
const Message = v.object({ Text: v.string() });

/** The 6-digit code of the newest mail or SMS to `to`, once it has arrived (providers.md §5). */
async function mailedCode(to: string): Promise<string> {
  const newestId = async () => {
    const list = v.parse(MessageList, await getJson(`${emulator.mailboxUrl}/api/v1/messages`));
    return list.messages.find((m) => m.To.some((t) => t.Address === to))?.ID ?? null;
  };
  await poll(newestId).not.toBeNull();
  const id = await newestId();
  if (id === null) throw new Error(`no message to ${to}`);
  const { Text } = v.parse(Message, await getJson(`${emulator.mailboxUrl}/api/v1/message/${id}`));
  const code = /\b\d{6}\b/.exec(Text)?.[0];
  if (code === undefined) throw new Error(`no 6-digit code in "${Text}"`);
  return code;
}

async function totpSecret(account: string): Promise<string> {
  const url = `${emulator.url}/__emulator/accounts/slaunchx/${encodeURIComponent(account)}/totp`;
  return v.parse(v.object({ secret: v.string() }), await getJson(url)).secret;
}

/** RFC 6238 with the §1.3 parameters; otpauth's defaults are SHA-1, 6 digits, 30 s. */
const totpNow = (secret: string) => new TOTP({ secret }).generate();

/** A 6-digit code that is not valid one step either side of now. */
function wrongTotp(secret: string): string {
  const totp = new TOTP({ secret });
  const valid = [-30_000, 0, 30_000].map((d) => totp.generate({ timestamp: Date.now() + d }));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c)) ?? '444444';
}

async function openPage(path: string): Promise<Page> {
  const page = await context.newPage();
  // Runs through the debugging protocol, so the page's own CSP does not block it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('CSP violation') || text.includes('Content Security Policy')) {
      problems.push(text);
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  if (path !== '') await page.goto(path);
  return page;
}

async function expectSignedIn(page: Page, who: string): Promise<void> {
  await page.getByTestId('signed-in').waitFor({ state: 'visible' });
  expect(await page.getByTestId('signed-in-as').textContent()).toContain(`Signed in as`);
  expect(await page.getByTestId('signed-in-as').textContent()).toContain(who);
}

async function expectError(page: Page, code: string): Promise<string> {
  await poll(() => page.getByTestId('error-code').textContent()).toBe(code);
  return (await page.getByTestId('error-message').textContent()) ?? '';
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, mailboxPort: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser.close();
  await emulator.close();
});

beforeEach(async () => {
  const reset = await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
  expect(reset.status).toBe(200);
  // A fresh context per test: its own localStorage, so its own X-Client-Hash and rate windows.
  context = await browser.newContext({ baseURL: emulator.url });
  problems = [];
});

afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

describe('demo pages: serving', () => {
  it('the index links every provider page and lists the seed accounts', async () => {
    const page = await openPage('/demo/');
    const links = page.getByTestId('provider-links').locator('a');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'slaunchx/?portal=system',
      'slaunchx/?portal=consumer',
      'idaas/',
      'koodrive/',
      'cloudbase/',
    ]);
    const seeds = (await page.getByTestId('seed-accounts').textContent()) ?? '';
    for (const account of [
      'admin@slaunchx.test',
      'pending@slaunchx.test',
      'user@slaunchx.test',
      'nomfa@slaunchx.test',
      'zhangsan@qq.com',
      'disabled@qq.com',
      KOODRIVE_ACCOUNT,
      'zhangsan@example.com',
      'nopass',
    ]) {
      expect(seeds).toContain(account);
    }
    await page.getByTestId('link-koodrive').click();
    await page.waitForURL(`${emulator.url}/demo/koodrive/`);
    await page.getByTestId('account').waitFor({ state: 'visible' });
  });

  it('answers with the strict CSP, redirects folders to their slash and keeps to its folder', async () => {
    const index = await fetch(`${emulator.url}/demo/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(DEMO_CSP);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await fetch(`${emulator.url}/demo/slaunchx/main.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(DEMO_CSP);

    const folder = await fetch(`${emulator.url}/demo/slaunchx?portal=consumer`, {
      redirect: 'manual',
    });
    expect(folder.status).toBe(302);
    expect(folder.headers.get('location')).toBe('/demo/slaunchx/?portal=consumer');

    // Sent byte for byte: fetch would resolve the dot segments before they left the client.
    for (const path of [
      '/demo/%2e%2e/demo-pages.ts',
      '/demo/%2e%2e%2fdemo-pages.ts',
      '/demo/slaunchx/%2e%2e/%2e%2e/demo-pages.ts',
      '/demo/..%5cdemo-pages.ts',
      '/demo/slaunchx/missing.js',
    ]) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.csp, path).toBe(DEMO_CSP);
    }
  });

  it('is not served by an emulator started with --production', async () => {
    const production = await startEmulator({ port: 0, mailboxPort: 0, production: true });
    try {
      for (const path of ['/demo/', '/demo/slaunchx/', '/demo/shared/page.js']) {
        const response = await fetch(`${production.url}${path}`);
        expect(response.status, path).toBe(404);
      }
    } finally {
      await production.close();
    }
  });
});

/** What `/demo/slaunchx/envelope.js` exports, as far as the vector test uses it. */
interface EnvelopeModule {
  importSessionKeys(raw: Uint8Array): Promise<{ aes: CryptoKey; hmac: CryptoKey }>;
  sealRequest(args: {
    key: CryptoKey;
    sessionId: string;
    method: string;
    path: string;
    plaintext: string;
    timestamp: number;
    nonce: Uint8Array;
  }): Promise<Uint8Array>;
  openResponse(args: {
    key: CryptoKey;
    sessionId: string;
    requestNonce: Uint8Array;
    envelope: Uint8Array;
  }): Promise<{ timestamp: number; plaintext: string }>;
  verifyKeyConfirmation(hmac: CryptoKey, sessionId: string, b64: string): Promise<boolean>;
}

// secure-channel-v2.md §7 vectors, copied to tests/data/secure-channel-v2.json.
const Hex = v.pipe(v.string(), v.regex(/^([0-9a-f]{2})*$/));
const RequestVector = v.object({
  type: v.literal('request'),
  key: Hex,
  sessionId: v.string(),
  method: v.string(),
  path: v.string(),
  timestamp: v.number(),
  nonce: Hex,
  plaintext: v.string(),
  envelope: Hex,
});
const ResponseVector = v.object({
  type: v.literal('response'),
  key: Hex,
  sessionId: v.string(),
  requestNonce: Hex,
  plaintext: v.string(),
  envelope: Hex,
});
const ScVectors = v.object({
  envelopes: v.array(v.variant('type', [RequestVector, ResponseVector])),
  keyConfirmation: v.object({ key: Hex, sessionId: v.string(), expected: v.string() }),
});

function scVectors() {
  const parsed = v.parse(ScVectors, vectors);
  return {
    requests: parsed.envelopes.filter(
      (e): e is v.InferOutput<typeof RequestVector> => e.type === 'request',
    ),
    responses: parsed.envelopes.filter(
      (e): e is v.InferOutput<typeof ResponseVector> => e.type === 'response',
    ),
    keyConfirmation: parsed.keyConfirmation,
  };
}

async function signInWithPassword(page: Page, email: string): Promise<void> {
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(SX_PASSWORD);
  await page.getByTestId('sign-in').click();
}

async function chooseMethod(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor();
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('code').fill(code);
  await page.getByTestId('verify-code').click();
}

describe('demo pages: SlaunchX over Secure Channel v2', () => {
  it('reproduces the SCv2 test vectors with the page code in Chromium', async () => {
    const page = await openPage('/demo/slaunchx/');
    // A string, so the test's own module transform leaves this import() alone.
    await page.evaluate(
      "import('/demo/slaunchx/envelope.js').then((m) => { globalThis.scv2Demo = m; })",
    );
    const { requests, responses, keyConfirmation } = scVectors();
    const results = await page.evaluate(
      async (vec) => {
        const sc = (globalThis as unknown as { scv2Demo: EnvelopeModule }).scv2Demo;
        const bytes = (hex: string) =>
          Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
        const hex = (b: Uint8Array) =>
          Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        const codeOf = (error: unknown) =>
          typeof error === 'object' && error !== null && 'code' in error
            ? String(error.code)
            : 'no code';
        const sealed: string[] = [];
        for (const e of vec.requests) {
          const { aes } = await sc.importSessionKeys(bytes(e.key));
          const args = { ...e, key: aes, nonce: bytes(e.nonce) };
          sealed.push(hex(await sc.sealRequest(args)));
        }
        const opened: string[] = [];
        const refused: string[] = [];
        for (const e of vec.responses) {
          const { aes } = await sc.importSessionKeys(bytes(e.key));
          const args = { key: aes, sessionId: e.sessionId, requestNonce: bytes(e.requestNonce) };
          const envelope = bytes(e.envelope);
          opened.push((await sc.openResponse({ ...args, envelope })).plaintext);
          const flippedTag = envelope.slice();
          flippedTag[flippedTag.length - 1] = (flippedTag[flippedTag.length - 1] ?? 0) ^ 1;
          const requestType = envelope.slice();
          requestType[3] = 0x01;
          for (const bad of [flippedTag, requestType]) {
            await sc.openResponse({ ...args, envelope: bad }).then(
              () => refused.push('accepted'),
              (error: unknown) => refused.push(codeOf(error)),
            );
          }
        }
        const kc = vec.keyConfirmation;
        const { hmac } = await sc.importSessionKeys(bytes(kc.key));
        const confirmation = [
          await sc.verifyKeyConfirmation(hmac, kc.sessionId, kc.expected),
          await sc.verifyKeyConfirmation(hmac, `${kc.sessionId}x`, kc.expected),
        ];
        return { sealed, opened, refused, confirmation };
      },
      { requests, responses, keyConfirmation },
    );

    expect(results.sealed).toEqual(requests.map((e) => e.envelope));
    expect(results.opened).toEqual(responses.map((e) => e.plaintext));
    expect(results.refused).toEqual(
      responses.flatMap(() => ['SC.DECRYPT_FAILED', 'SC.ENVELOPE_MALFORMED']),
    );
    expect(results.confirmation).toEqual([true, false]);
  });

  it('signs in to the system portal with an authenticator code after a wrong one', async () => {
    const secret = await totpSecret('admin@slaunchx.test');
    const page = await openPage('/demo/slaunchx/?portal=system');
    await signInWithPassword(page, 'admin@slaunchx.test');
    await poll(() => page.getByTestId('masked-email').textContent()).toBe('a***n@slaunchx.test');
    await chooseMethod(page, 'method-otp');
    const codeInputs = page.locator('[data-step="code"] input');
    expect(await codeInputs.count()).toBe(1);
    expect(await page.getByTestId('code').getAttribute('autocomplete')).toBe('one-time-code');
    expect(await page.getByTestId('code').getAttribute('inputmode')).toBe('numeric');

    await enterCode(page, wrongTotp(secret));
    expect(await expectError(page, 'AUTH.MFA_CODE_INVALID')).toBe(
      'The verification code is incorrect',
    );
    await enterCode(page, totpNow(secret));
    await expectSignedIn(page, 'admin@slaunchx.test');
    expect(await page.getByTestId('profile').textContent()).toContain('system');

    // The page really spoke SCv2 under its stable X-Client-Hash (SCv2 §3 step 5).
    const clientHash = (await page.getByTestId('client-hash').textContent()) ?? '';
    expect(clientHash).toMatch(/^[0-9a-f]{32}$/);
    const sessions = v.parse(
      v.object({
        secureChannel: v.array(v.object({ clientHash: v.string(), envelopesReceived: v.number() })),
      }),
      await getJson(`${emulator.url}/__emulator/sessions`),
    );
    const ours = sessions.secureChannel.filter((s) => s.clientHash === clientHash);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.envelopesReceived).toBe(3); // initiate, the wrong complete, the right one
  });

  it('signs in to the system portal with a backup code', async () => {
    const page = await openPage('/demo/slaunchx/?portal=system');
    await signInWithPassword(page, 'admin@slaunchx.test');
    await chooseMethod(page, 'method-backup');
    expect(await page.getByTestId('code').getAttribute('inputmode')).toBe('text');
    await enterCode(page, 'BKUP-00001');
    await expectSignedIn(page, 'admin@slaunchx.test');
  });

  it('signs in to the system portal with an emailed code', async () => {
    const page = await openPage('/demo/slaunchx/?portal=system');
    await signInWithPassword(page, 'admin@slaunchx.test');
    await chooseMethod(page, 'method-email');
    await page.getByTestId('resend-code').waitFor({ state: 'visible' });
    expect(await page.getByTestId('resend-code').isDisabled()).toBe(true); // resendAfter 60 s
    await enterCode(page, await mailedCode('admin@slaunchx.test'));
    await expectSignedIn(page, 'admin@slaunchx.test');
  });

  it('signs in to the consumer portal without MFA', async () => {
    const page = await openPage('/demo/slaunchx/?portal=consumer');
    expect(await page.getByTestId('portal-name').textContent()).toBe('consumer');
    await signInWithPassword(page, 'nomfa@slaunchx.test');
    await expectSignedIn(page, 'nomfa@slaunchx.test');
    expect(await page.getByTestId('profile').textContent()).toContain('consumer');

    // Signing out revokes the tokens and closes the channel (SCv2 §5).
    const clientHash = (await page.getByTestId('client-hash').textContent()) ?? '';
    await page.getByTestId('sign-out').click();
    await page.getByTestId('email').waitFor({ state: 'visible' });
    const sessions = v.parse(
      v.object({ secureChannel: v.array(v.object({ clientHash: v.string() })) }),
      await getJson(`${emulator.url}/__emulator/sessions`),
    );
    expect(sessions.secureChannel.filter((s) => s.clientHash === clientHash)).toEqual([]);
  });

  it('shows pending approval when the code was right but the account is not approved', async () => {
    const secret = await totpSecret('pending@slaunchx.test');
    const page = await openPage('/demo/slaunchx/?portal=system');
    await signInWithPassword(page, 'pending@slaunchx.test');
    await chooseMethod(page, 'method-otp');
    await enterCode(page, totpNow(secret));
    await page.getByTestId('pending-approval').waitFor({ state: 'visible' });
    expect(await page.getByTestId('signed-in').isVisible()).toBe(false);
  });
});

/** Opens the IDaaS page, solves its captcha from the emulator's answer header, asks for a code. */
async function idaasCodeStep(email: string): Promise<Page> {
  const page = await openPage('');
  const captcha = page.waitForResponse((r) => r.url().endsWith('/api/v2/sdk/captcha/graphic'));
  await page.goto('/demo/idaas/');
  const answer = (await captcha).headers()['x-emulator-captcha-answer'];
  expect(answer).toMatch(/^[0-9A-Z]{4}$/);
  await poll(() => page.getByTestId('captcha-image').getAttribute('src')).toMatch(
    /^data:image\/svg\+xml;base64,/,
  );
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/v2/sdk/send-email-verify-code'));
  await page.getByTestId('email').fill(email);
  await page.getByTestId('captcha-answer').fill(answer ?? '');
  await page.getByTestId('send-code').click();
  const headers = (await sent).headers();
  expect(headers['x-client-id']).toBe(IDAAS_CLIENT_ID);
  for (const name of ['x-device-fingerprint', 'x-operating-sys-version', 'x-agent']) {
    expect(headers[name], name).toBeTruthy();
  }
  await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor();
  return page;
}

/** The code is ASCII digits, so one UTF-16 unit is one digit. */
const digitsOf = (code: string) => code.split('');
const digitBoxes = (page: Page) => page.locator('[data-step="code"] input');
const boxValues = (page: Page) =>
  digitBoxes(page).evaluateAll((boxes) =>
    boxes.map((box) => (box instanceof HTMLInputElement ? box.value : '?')),
  );
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('demo pages: IDaaS', () => {
  it('signs in with the captcha answer and the mailed code typed into six boxes', async () => {
    const page = await idaasCodeStep('zhangsan@qq.com');
    expect(await digitBoxes(page).count()).toBe(6);
    expect(
      await digitBoxes(page).evaluateAll((boxes) => boxes.map((b) => b.getAttribute('maxlength'))),
    ).toEqual(['1', '1', '1', '1', '1', '1']);
    const code = await mailedCode('zhangsan@qq.com');
    await page.getByTestId('code-digit-1').click();
    await page.keyboard.type(code); // each digit moves focus on to the next box
    expect(await boxValues(page)).toEqual(digitsOf(code));
    await page.getByTestId('verify-code').click();
    await expectSignedIn(page, 'zhangsan@qq.com');
    const claims = (await page.getByTestId('id-token-claims').textContent()) ?? '';
    expect(claims).toContain(`"aud": "${IDAAS_CLIENT_ID}"`);
    expect(claims).toContain('"email": "zhangsan@qq.com"');
  });

  it('spreads a pasted code over the boxes and walks back with Backspace', async () => {
    const page = await idaasCodeStep('zhangsan@qq.com');
    const code = await mailedCode('zhangsan@qq.com');
    await page.getByTestId('code-digit-3').evaluate((box, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', ` ${text.slice(0, 3)}-${text.slice(3)} `);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, code);
    expect(await boxValues(page)).toEqual(digitsOf(code));
    expect(await focusedTestId(page)).toBe('code-digit-6');

    await page.keyboard.press('Backspace'); // clears the last box, stays there
    await page.keyboard.press('Backspace'); // empty box: back to the fifth, cleared
    expect(await boxValues(page)).toEqual([...digitsOf(code.slice(0, 4)), '', '']);
    expect(await focusedTestId(page)).toBe('code-digit-5');

    await page.keyboard.type(code.slice(4));
    expect(await boxValues(page)).toEqual(digitsOf(code));
    await page.getByTestId('verify-code').click();
    await expectSignedIn(page, 'zhangsan@qq.com');
  });

  it('shows the provider code and message of a refused email', async () => {
    const page = await openPage('');
    const captcha = page.waitForResponse((r) => r.url().endsWith('/api/v2/sdk/captcha/graphic'));
    await page.goto('/demo/idaas/');
    const answer = (await captcha).headers()['x-emulator-captcha-answer'] ?? '';
    await page.getByTestId('email').fill('disabled@qq.com');
    await page.getByTestId('captcha-answer').fill(answer);
    await page.getByTestId('send-code').click();
    expect(await expectError(page, 'IDAAS.SDK.USER.0039')).not.toBe('');
    // The spent captcha was replaced by a new one.
    await poll(() => page.getByTestId('captcha-answer').inputValue()).toBe('');
  });
});

describe('demo pages: Koodrive', () => {
  it('signs in with account and password after showing a wrong-password error', async () => {
    const page = await openPage('/demo/koodrive/');
    await page.getByTestId('account').fill(KOODRIVE_ACCOUNT);
    await page.getByTestId('password').fill('not-the-password1');
    const login = page.waitForRequest((r) => r.url().endsWith('/koodrive/ose/v1/auth/login'));
    await page.getByTestId('sign-in').click();
    expect((await login).headers()['x-hw-agentname']).toBe('authdeck-demo');
    expect(await expectError(page, '10001')).toBe('Incorrect account or password');

    await page.getByTestId('password').fill('123qweASD143');
    await page.getByTestId('sign-in').click();
    await expectSignedIn(page, KOODRIVE_ACCOUNT);
  });

  it('signs in with an SMS code typed into a plain text field', async () => {
    const page = await openPage('/demo/koodrive/');
    await page.getByTestId('use-sms').click();
    await page.getByTestId('sms-account').fill(KOODRIVE_ACCOUNT);
    await page.getByTestId('send-code').click();
    await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor();
    const input = page.getByTestId('code');
    expect(await input.getAttribute('type')).toBe('text');
    expect(await input.getAttribute('name')).toBe('code');
    expect(await input.getAttribute('autocomplete')).toBeNull();
    await input.fill(await mailedCode(KOODRIVE_ACCOUNT));
    await page.getByTestId('verify-code').click();
    await expectSignedIn(page, KOODRIVE_ACCOUNT);
  });
});

describe('demo pages: CloudBase', () => {
  it('signs in with username and password', async () => {
    const page = await openPage('/demo/cloudbase/');
    await page.getByTestId('username').fill('zhangsan');
    await page.getByTestId('password').fill('example password');
    await page.getByTestId('sign-in').click();
    await expectSignedIn(page, 'zhangsan');
  });

  it('signs in with an emailed code typed into a password-type field', async () => {
    const page = await openPage('/demo/cloudbase/');
    await page.getByTestId('use-email-code').click();
    await page.getByTestId('email').fill('zhangsan@example.com');
    await page.getByTestId('send-code').click();
    await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor();
    const input = page.getByTestId('code');
    expect(await input.getAttribute('type')).toBe('password');
    expect(await input.getAttribute('name')).toBe('otp');
    expect(await input.getAttribute('maxlength')).toBe('6');
    await input.fill(await mailedCode('zhangsan@example.com'));
    await page.getByTestId('verify-code').click();
    await expectSignedIn(page, 'zhangsan@example.com');
  });

  it('asks for the captcha after three failures and signs in with X-Captcha-Token', async () => {
    const page = await openPage('/demo/cloudbase/');
    await page.getByTestId('username').fill('zhangsan');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.getByTestId('password').fill(`wrong password ${attempt}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/auth/v1/signin'));
      await page.getByTestId('sign-in').click();
      expect((await answered).status()).toBe(400);
      expect(await expectError(page, 'invalid_username_or_password')).not.toBe('');
    }
    await page.getByTestId('password').fill('example password');
    const captcha = page.waitForResponse((r) => r.url().endsWith('/auth/v1/captcha/data'));
    await page.getByTestId('sign-in').click();
    const answer = (await captcha).headers()['x-emulator-captcha-answer'] ?? '';
    await page.getByTestId('captcha-answer').fill(answer);
    expect(await page.getByTestId('error-code').textContent()).toBe('captcha_required');
    const retried = page.waitForRequest((r) => r.url().endsWith('/auth/v1/signin'));
    await page.getByTestId('captcha-submit').click();
    expect((await retried).headers()['x-captcha-token']).toBeTruthy();
    await expectSignedIn(page, 'zhangsan');
  });
});
