import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signinFlowItem } from '../../../src/platform/stores';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import {
  adapterProfileOf,
  addBackupOnlyAccount,
  addEmulatorTotp,
  cachedSession,
  expectStep,
  localDump,
  PASSWORD,
  resetEmulator,
  saveProfile,
  slaunchxInput,
  startTestEmulator,
  storedState,
  unlockedWorker,
  type Emulator,
} from './harness';

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

async function scSessions(): Promise<unknown[]> {
  const res = await fetch(`${emu.url}/__emulator/sessions`);
  return ((await res.json()) as { secureChannel: unknown[] }).secureChannel;
}

describe('SlaunchX system sign-in through the worker', () => {
  it('fills the saved password, picks OTP and fills the TOTP of the linked vault account', async () => {
    const { w } = await unlockedWorker();
    const otpAccountId = await addEmulatorTotp(w, emu, 'admin@slaunchx.test');
    const profile = await saveProfile(
      w,
      slaunchxInput(emu, 'admin@slaunchx.test', { otpAccountId }),
      PASSWORD,
    );
    expect(profile.hasPassword).toBe(true);

    const flow = await w.value('signin/start', { profileId: profile.id });
    expectStep(flow, 'done');
    expect(flow.autoFilled).toEqual([
      { step: 'credentials', source: 'saved-password' },
      { step: 'choose-method', source: 'vault-totp', method: 'OTP' },
      { step: 'code', source: 'vault-totp', method: 'OTP' },
    ]);
    const [session] = await w.value('sessions/list', {});
    expect(session).toMatchObject({
      id: flow.sessionId,
      profileId: profile.id,
      profileName: profile.name,
      family: 'slaunchx',
      account: { email: 'admin@slaunchx.test' },
      canRefresh: true,
    });
    const { accessToken } = await w.value('sessions/reveal-token', { id: flow.sessionId ?? '' });
    expect(session?.maskedAccessToken).toBe(`${accessToken.slice(0, 4)}…`);
    // The view of the done step carries no usable token.
    expect(JSON.stringify(flow)).not.toContain(accessToken);
    const local = await localDump();
    expect(local).not.toContain(PASSWORD);
    expect(local).not.toContain(accessToken);
    expect(local).not.toContain(accessToken.slice(0, 40));
  });

  it('answers with the next backup code and marks it used only once the server accepted it', async () => {
    const { w } = await unlockedWorker();
    const otpAccountId = await addBackupOnlyAccount(w, ['BKUP-00001', 'BKUP-00002']);
    const profile = await saveProfile(
      w,
      slaunchxInput(emu, 'admin@slaunchx.test', { otpAccountId }),
      PASSWORD,
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    expectStep(flow, 'done');
    expect(flow.autoFilled.slice(1)).toEqual([
      { step: 'choose-method', source: 'backup-code', method: 'BACKUP_CODE' },
      { step: 'code', source: 'backup-code', method: 'BACKUP_CODE' },
    ]);
    const codes = await w.value('backup/list', { id: otpAccountId });
    expect(codes.map((c) => c.usedAt !== null)).toEqual([true, false]);
  });

  it('keeps a refused backup code unused and waits for the user, who may type another', async () => {
    const { w } = await unlockedWorker();
    const otpAccountId = await addBackupOnlyAccount(w, ['BKUP-99999', 'BKUP-00002']);
    const profile = await saveProfile(
      w,
      slaunchxInput(emu, 'admin@slaunchx.test', { otpAccountId }),
      PASSWORD,
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    const code = expectStep(flow, 'code');
    expect(code.error?.code).toBe('AUTH.MFA_CODE_INVALID');
    expect(
      (await w.value('backup/list', { id: otpAccountId })).every((c) => c.usedAt === null),
    ).toBe(true);
    // The refused step is not filled again, not even by a stopped and restarted worker.
    w.restart();
    expect(await w.value('signin/current', {})).toEqual(flow);

    const done = await w.value('signin/advance', {
      flowId: flow.flowId,
      input: { kind: 'code', code: 'BKUP-00002' },
    });
    expectStep(done, 'done');
    const codes = await w.value('backup/list', { id: otpAccountId });
    expect(codes.map((c) => c.usedAt !== null)).toEqual([false, true]);
  });

  it('EMAIL: sends the code and reads it from the dev mailbox of a test profile', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(
      w,
      slaunchxInput(emu, 'admin@slaunchx.test', { mailboxUrl: emu.mailboxUrl }),
      PASSWORD,
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    expectStep(flow, 'done');
    expect(flow.autoFilled.slice(1)).toEqual([
      { step: 'choose-method', source: 'mailbox', method: 'EMAIL' },
      { step: 'send-code', source: 'mailbox', method: 'EMAIL' },
      { step: 'code', source: 'mailbox', method: 'EMAIL' },
    ]);
  });

  it('consumer portal, EMAIL only: a typed password with remember is kept for next time', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(
      w,
      slaunchxInput(emu, 'user@slaunchx.test', { mailboxUrl: emu.mailboxUrl }),
    );
    const first = await w.value('signin/start', { profileId: profile.id });
    expectStep(first, 'credentials');
    const flow = await w.value('signin/advance', {
      flowId: first.flowId,
      input: {
        kind: 'credentials',
        identifier: 'user@slaunchx.test',
        password: PASSWORD,
        remember: true,
      },
    });
    expectStep(flow, 'done');
    expect(flow.autoFilled).toEqual([
      { step: 'send-code', source: 'mailbox', method: 'EMAIL' },
      { step: 'code', source: 'mailbox', method: 'EMAIL' },
    ]);
    const [saved] = await w.value('profiles/list', {});
    expect(saved?.hasPassword).toBe(true);
    expect(await localDump()).not.toContain(PASSWORD);
    const again = await w.value('signin/start', { profileId: profile.id });
    expect(again.autoFilled[0]).toEqual({ step: 'credentials', source: 'saved-password' });
    expectStep(again, 'done');
  });

  it('pending approval: the right TOTP ends in pending-approval, and no session is stored', async () => {
    const { w } = await unlockedWorker();
    const otpAccountId = await addEmulatorTotp(w, emu, 'pending@slaunchx.test');
    const profile = await saveProfile(
      w,
      slaunchxInput(emu, 'pending@slaunchx.test', { otpAccountId }),
      PASSWORD,
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    expect(expectStep(flow, 'pending-approval').message).not.toBe('');
    expect(flow.autoFilled.at(-1)).toEqual({ step: 'code', source: 'vault-totp', method: 'OTP' });
    expect(await w.value('sessions/list', {})).toEqual([]);
  });

  it('a worker stop between every two steps changes nothing', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(w, slaunchxInput(emu, 'admin@slaunchx.test'));
    const start = await w.value('signin/start', { profileId: profile.id });
    expectStep(start, 'credentials');
    w.restart();
    expect(await w.value('signin/current', {})).toEqual(start);
    const choose = await w.value('signin/advance', {
      flowId: start.flowId,
      input: { kind: 'credentials', identifier: 'admin@slaunchx.test', password: PASSWORD },
    });
    expect(expectStep(choose, 'choose-method').methods).toEqual(['EMAIL', 'OTP', 'BACKUP_CODE']);
    w.restart();
    expect(await w.value('signin/current', {})).toEqual(choose);
    const code = await w.value('signin/advance', {
      flowId: start.flowId,
      input: { kind: 'choose-method', method: 'OTP' },
    });
    expectStep(code, 'code');
    w.restart();
    expect(await w.value('signin/current', {})).toEqual(code);
    const res = await fetch(`${emu.url}/__emulator/accounts/slaunchx/admin@slaunchx.test/totp`);
    const { secret } = (await res.json()) as { secret: string };
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
    const done = await w.value('signin/advance', {
      flowId: start.flowId,
      input: { kind: 'code', code: totp },
    });
    expectStep(done, 'done');
    w.restart();
    expect(await w.value('signin/current', {})).toEqual(done);
    const [session] = await w.value('sessions/list', {});
    expect(session?.id).toBe(done.sessionId);
    expect(done.autoFilled).toEqual([]);
    // One SC session served every step: the stored one was resumed after each stop.
    expect(await scSessions()).toHaveLength(1);
    // The flow record never held the tokens in the clear once done.
    const { accessToken } = await w.value('sessions/reveal-token', { id: session?.id ?? '' });
    expect(JSON.stringify(await signinFlowItem.getValue())).not.toContain(accessToken);
  });

  it('signs out: logout at the provider, session, alarm and SC session gone, the rest kept', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(w, slaunchxInput(emu, 'nomfa@slaunchx.test'), PASSWORD);
    const flow = await w.value('signin/start', { profileId: profile.id });
    const sessionId = flow.sessionId ?? '';
    expect((await w.value('sessions/list', {}))[0]?.refreshAt).toEqual(expect.any(Number));
    expect(await scSessions()).toHaveLength(1);
    const before = await storedState(w);
    const { tokens } = await cachedSession(sessionId);

    expect(await w.value('sessions/sign-out', { id: sessionId })).toBeNull();
    expect(await w.value('sessions/list', {})).toEqual([]);
    expect(await scSessions()).toHaveLength(0);
    // providers.md §1.4: logout revoked the token family at the provider.
    const adapter = createSlaunchxAdapter({ fetch });
    const target = await adapterProfileOf(profile.id);
    if (target.family !== 'slaunchx') return expect.fail('not a SlaunchX profile');
    await expect(adapter.accountProfile(target, tokens)).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
    });
    expect(await storedState(w)).toEqual(before);
    const reveal = await w.send('sessions/reveal-token', { id: sessionId });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
  });
});
