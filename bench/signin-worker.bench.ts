/**
 * Issue 4 "Benchmarks": a SlaunchX OTP sign-in through the real worker in Chromium, from the
 * `signin/start` message to the reply that reports the session stored (credentials typed, the
 * OTP filled from the linked vault account), as a ratio to the same sign-in through
 * `createSlaunchxAdapter` called directly in Node, against the same emulator in the same run.
 *
 * Both sides do the same wire work per run: public key, SC open, initiate, complete, profile.
 * Before each run, untimed: the emulator is reset (its rate limit counts per X-Client-Hash,
 * and the worker has one per browser profile) and a fresh account is created (a TOTP code is
 * accepted once per account and window); on the worker side the vault is locked and unlocked,
 * which drops its SC session as the reset made the emulator forget it, and the profile is
 * re-linked to the new account through `profiles/save`. Needs a current build (`npx wxt build`).
 */
import { TOTP } from 'otpauth';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import type { FlowStep } from '../src/providers/flow';
import type { SlaunchxProfile } from '../src/providers/profile';
import { createSlaunchxAdapter } from '../src/providers/slaunchx';
import { launchExtensionBrowser, type ExtensionBrowser } from '../tests/e2e/harness';
import { figure, type Bench } from './harness';

const SECRET = 'JBSWY3DPEHPK3PXP';
const PASSWORD = 'Correct-Horse-42';
const PASSPHRASE = 'bench passphrase for the signin worker';
const ACCESS_CODE = 'demo-system-portal';
const WARMUP = 3;
const RUNS = 21;

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** Resets the emulator and creates a fresh OTP-only account; answers its e-mail. */
async function freshAccount(emu: RunningEmulator, name: string): Promise<string> {
  await post(`${emu.url}/__emulator/reset`, {});
  const email = `${name}@slaunchx.test`;
  await post(`${emu.url}/__emulator/accounts`, {
    provider: 'slaunchx',
    portal: 'system',
    email,
    password: PASSWORD,
    mfaMethods: ['OTP'],
    totpSecret: SECRET,
  });
  return email;
}

/** One side of the comparison: an untimed preparation, then the timed sign-in. */
interface Side<T> {
  prepare(i: number): Promise<T>;
  run(prepared: T): Promise<void>;
}

/**
 * Median times of both sides, their runs interleaved so that load from elsewhere on a shared
 * machine falls on both alike; `WARMUP` untimed rounds first.
 */
async function medians<A, B>(a: Side<A>, b: Side<B>): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  const once = async <T>(side: Side<T>, i: number, into: number[]) => {
    const prepared = await side.prepare(i);
    const start = performance.now();
    await side.run(prepared);
    if (i >= WARMUP) into.push(performance.now() - start);
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await once(a, i, times[0]);
    await once(b, i, times[1]);
  }
  const median = (list: number[]) =>
    [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)] ?? Number.NaN;
  return [median(times[0]), median(times[1])];
}

/** The worker side: one browser profile, one vault account, one profile re-linked per run. */
async function workerSide(
  emu: RunningEmulator,
  browser: ExtensionBrowser,
): Promise<Side<{ profileId: string; email: string }>> {
  await browser.send('vault/create', { passphrase: PASSPHRASE });
  const account = await browser.send('accounts/add-uri', {
    uri: `otpauth://totp/SlaunchX:bench?secret=${SECRET}&issuer=SlaunchX`,
  });
  let profileId: string | undefined;
  const prepare = async (i: number) => {
    const email = await freshAccount(emu, `worker${String(i)}`);
    await browser.send('vault/lock', {});
    await browser.send('vault/unlock', { passphrase: PASSPHRASE });
    const saved = await browser.send('profiles/save', {
      profile: {
        ...(profileId === undefined ? {} : { id: profileId }),
        name: 'SlaunchX bench',
        family: 'slaunchx',
        baseUrl: emu.url,
        environment: 'test',
        identifier: email,
        portal: 'system',
        accessCode: ACCESS_CODE,
        otpAccountId: account.id,
      },
    });
    profileId = saved.id;
    return { profileId: saved.id, email };
  };
  const run = async ({ profileId: id, email }: { profileId: string; email: string }) => {
    const flow = await browser.send('signin/start', { profileId: id });
    const done = await browser.send('signin/advance', {
      flowId: flow.flowId,
      input: { kind: 'credentials', identifier: email, password: PASSWORD },
    });
    if (done.step.step !== 'done' || done.sessionId === undefined) {
      throw new Error(`worker sign-in ended in ${done.step.step}`);
    }
  };
  return { prepare, run };
}

/** The baseline: the adapter itself, a fresh one (so a fresh SC session) per run. */
function adapterSide(emu: RunningEmulator): Side<string> {
  const totp = new TOTP({ secret: SECRET });
  const profile: SlaunchxProfile = {
    family: 'slaunchx',
    baseUrl: emu.url,
    environment: 'test',
    clientHash: 'bench-adapter-client-hash',
    portal: 'system',
    accessCode: ACCESS_CODE,
  };
  const prepare = (i: number) => freshAccount(emu, `adapter${String(i)}`);
  const run = async (email: string) => {
    const adapter = createSlaunchxAdapter({ fetch });
    let step: FlowStep = await adapter.start(profile);
    for (let guard = 0; guard < 6 && 'state' in step; guard++) {
      const input =
        step.step === 'credentials'
          ? ({ kind: 'credentials', identifier: email, password: PASSWORD } as const)
          : step.step === 'choose-method'
            ? ({ kind: 'choose-method', method: 'OTP' } as const)
            : ({ kind: 'code', code: totp.generate() } as const);
      step = await adapter.advance(profile, step.state, input);
    }
    if (step.step !== 'done') throw new Error(`adapter sign-in ended in ${step.step}`);
  };
  return { prepare, run };
}

const bench: Bench = async () => {
  const emu = await startEmulator({ port: 0, mailboxPort: 0 });
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchExtensionBrowser();
    // As a user who saved the profile in the options page: the origin is granted, so the
    // worker's requests need no CORS preflight.
    await browser.grantSiteAccess('http://127.0.0.1/*');
    const [subjectMs, baselineMs] = await medians(await workerSide(emu, browser), adapterSide(emu));
    return [
      figure(
        'SlaunchX OTP sign-in through the worker in Chromium (signin/start → session stored)',
        subjectMs,
        'the SlaunchX adapter called directly in Node (same 5 requests)',
        baselineMs,
        'worker side: messages from an extension page, the OTP filled from the linked vault account, the session written to the encrypted vault',
      ),
    ];
  } finally {
    await browser?.close();
    await emu.close();
  }
};

export default bench;
