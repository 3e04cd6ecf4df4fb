import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { createKoodriveAdapter } from '../../../src/providers/koodrive';
import type { KoodriveProfile } from '../../../src/providers/profile';
import {
  as,
  koodriveProfile,
  mailedCode,
  resetEmulator,
  startTestEmulator,
  type Emulator,
} from './harness';

const ACCOUNT = '0027188460911'; // providers.md §7
const PASSWORD = '123qweASD143';

async function passwordLogin(profile: KoodriveProfile, password = PASSWORD) {
  const adapter = createKoodriveAdapter({ fetch });
  const first = as(await adapter.start(profile, { mode: 'password' }), 'credentials');
  const step = await adapter.advance(profile, first.state, {
    kind: 'credentials',
    identifier: ACCOUNT,
    password,
  });
  return { adapter, step };
}

describe('Koodrive sign-in against the emulator', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(async () => {
    await resetEmulator(emu);
  });

  it('authType 1: account and password give tokens and the user info', async () => {
    const { step } = await passwordLogin(koodriveProfile(emu.url));
    const { tokens } = as(step, 'done');
    expect(tokens.accessToken).toMatch(/^AT [0-9a-f]{48}$/);
    expect(tokens.expiresAt - tokens.obtainedAt).toBe(1_800_000);
    expect(tokens.account).toMatchObject({ phone: ACCOUNT, login: ACCOUNT });
    expect(tokens.account.id).toMatch(/^\d+$/); // seed 003: userId is a numeric string
  });

  it('authType 2: the SMS code from the mailbox is verified, then the captchaToken signs in', async () => {
    const profile = koodriveProfile(emu.url);
    const adapter = createKoodriveAdapter({ fetch });
    const first = as(await adapter.start(profile, { mode: 'code' }), 'credentials');
    const since = Date.now();
    const code = as(
      await adapter.advance(profile, first.state, { kind: 'credentials', identifier: ACCOUNT }),
      'code',
    );
    expect(code).toMatchObject({ method: 'SMS', destination: ACCOUNT });
    const done = as(
      await adapter.advance(profile, code.state, {
        kind: 'code',
        code: await mailedCode(emu, ACCOUNT, since),
      }),
      'done',
    );
    expect(done.tokens.accessToken).toMatch(/^AT /);
  });

  it('refresh rotates the session; the old refresh token is then refused with 10004', async () => {
    const profile = koodriveProfile(emu.url);
    const { adapter, step } = await passwordLogin(profile);
    const tokens = as(step, 'done').tokens;
    const next = await adapter.refresh(profile, tokens);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(next.account).toEqual(tokens.account);
    const error = await adapter.refresh(profile, tokens).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '10004', provider: 'koodrive' });
  });

  it('a wrong password re-presents the credentials with 10001', async () => {
    const { step } = await passwordLogin(koodriveProfile(emu.url), 'wrong-password');
    expect(as(step, 'credentials').error).toMatchObject({
      code: '10001',
      meaning: 'Wrong account or password.',
    });
  });

  it('a wrong SMS code keeps the code step with 10002', async () => {
    const profile = koodriveProfile(emu.url);
    const adapter = createKoodriveAdapter({ fetch });
    const first = as(await adapter.start(profile, { mode: 'code' }), 'credentials');
    const code = as(
      await adapter.advance(profile, first.state, { kind: 'credentials', identifier: ACCOUNT }),
      'code',
    );
    const again = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: '000000' }),
      'code',
    );
    expect(again.error?.code).toBe('10002');
  });

  it('the 5th failure locks the account and ends the flow with 10005', async () => {
    const profile = koodriveProfile(emu.url);
    for (let i = 0; i < 4; i++) {
      const { step } = await passwordLogin(profile, 'wrong-password');
      expect(as(step, 'credentials').error?.code).toBe('10001');
    }
    const { step } = await passwordLogin(profile, 'wrong-password');
    expect(as(step, 'error').error.code).toBe('10005');
  });
});

describe('Koodrive with numeric codes (--koodrive-numeric-code)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ koodriveNumericCode: true });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads code 0 as success and numeric error codes as their string', async () => {
    const raw = await fetch(`${emu.url}/koodrive/ose/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hw-agentName': 'probe' },
      body: JSON.stringify({ account: ACCOUNT, authType: '1', password: PASSWORD }),
    });
    expect(((await raw.json()) as { code: unknown }).code).toBe(0); // the mode is really on
    const profile = koodriveProfile(emu.url);
    expect(as((await passwordLogin(profile)).step, 'done').tokens.accessToken).toMatch(/^AT /);
    expect(as((await passwordLogin(profile, 'wrong')).step, 'credentials').error?.code).toBe(
      '10001',
    );
  });
});
