import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src/messaging/signin-protocol';
import {
  addEmulatorTotp,
  expectStep,
  localDump,
  PASSPHRASE,
  PASSWORD,
  saveProfile,
  startTestEmulator,
  storedState,
  tinyServer,
  unlockedWorker,
  type Emulator,
} from './harness';
import type { TinyServer } from '../providers/harness';

let emu: Emulator; // only for a real TOTP account in the vault
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

let server: TinyServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const profileAt = (family: 'slaunchx' | 'cloudbase', baseUrl: string): ProfileInput =>
  family === 'slaunchx'
    ? {
        name: 'SlaunchX elsewhere',
        family,
        baseUrl,
        environment: 'test',
        identifier: 'admin@slaunchx.test',
        portal: 'system',
        accessCode: 'demo-system-portal',
      }
    : { name: 'CloudBase elsewhere', family, baseUrl, environment: 'test', identifier: 'zhangsan' };

/** A vault with an account and backup codes, a profile with a saved password, and the state. */
async function prepared(family: 'slaunchx' | 'cloudbase', baseUrl: string, timeoutMs?: number) {
  const { w, net } = await unlockedWorker(timeoutMs === undefined ? {} : { timeoutMs });
  const otpAccountId = await addEmulatorTotp(w, emu, 'admin@slaunchx.test');
  await w.value('backup/add', { id: otpAccountId, text: 'BKUP-00001\nBKUP-00002' });
  const profile = await saveProfile(w, { ...profileAt(family, baseUrl), otpAccountId }, PASSWORD);
  return { w, net, profile, before: await storedState(w) };
}

/** Starts the sign-in; the auto-filled credentials meet the failure and the step waits. */
async function failedStart(p: Awaited<ReturnType<typeof prepared>>) {
  const flow = await p.w.value('signin/start', { profileId: p.profile.id });
  expect(flow.autoFilled).toEqual([{ step: 'credentials', source: 'saved-password' }]);
  const sent = p.net.urls.length;
  // Asked again (a popup reopening, a restarted worker), the step is not filled twice.
  p.w.restart();
  expect(await p.w.value('signin/current', {})).toEqual(flow);
  expect(p.net.urls.length).toBe(sent);
  // Nothing stored was lost or changed, and the vault still opens.
  await p.w.value('vault/lock', {});
  await p.w.value('vault/unlock', { passphrase: PASSPHRASE });
  expect(await storedState(p.w)).toEqual(p.before);
  expect(await localDump()).not.toContain(PASSWORD);
  return expectStep(flow, 'credentials').error;
}

describe.each(['slaunchx', 'cloudbase'] as const)('%s: a provider that fails', (family) => {
  it('an unreachable URL (closed port) ends in NETWORK', async () => {
    const closed = await tinyServer(() => undefined);
    await closed.close();
    const error = await failedStart(await prepared(family, closed.url));
    expect(error).toMatchObject({ code: 'NETWORK', provider: family });
    expect(error?.meaning).toMatch(/could not be reached/);
  });

  it('a server answering garbage ends in RESPONSE_INVALID', async () => {
    server = await tinyServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": tru');
    });
    const error = await failedStart(await prepared(family, server.url));
    expect(error).toMatchObject({ code: 'RESPONSE_INVALID', provider: family });
  });

  it('a server that never answers ends in TIMEOUT after the adapter timeout', async () => {
    server = await tinyServer(() => undefined); // holds every request open
    const started = Date.now();
    const error = await failedStart(await prepared(family, server.url, 300));
    expect(error).toMatchObject({ code: 'TIMEOUT', provider: family });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('profiles that cannot be used', () => {
  it('refuses a production profile over plain http at save, and stores nothing', async () => {
    const { w } = await unlockedWorker();
    const reply = await w.send('profiles/save', {
      profile: { ...profileAt('cloudbase', emu.url), environment: 'production' },
      password: PASSWORD,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INSECURE_URL' } });
    expect(await w.value('profiles/list', {})).toEqual([]);
    expect(await w.vault.read()).not.toHaveProperty('profileSecrets');
  });

  it('refuses to start a sign-in while the vault is locked', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(w, profileAt('cloudbase', emu.url));
    await w.value('vault/lock', {});
    const reply = await w.send('signin/start', { profileId: profile.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});
