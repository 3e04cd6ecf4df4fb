import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import { refreshAlarmName, refreshAlarmTime } from '../../../src/worker/signin/refresh-schedule';
import {
  adapterProfileOf,
  addEmulatorTotp,
  cachedSession,
  PASSPHRASE,
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

async function advanceEmulatorClock(advanceMs: number): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs }),
  });
  expect(res.status).toBe(200);
}

/** A signed-in SlaunchX consumer session (no MFA) and the worker that holds it. */
async function signedIn(options: Parameters<typeof unlockedWorker>[0] = {}) {
  const { w, net } = await unlockedWorker(options);
  const profile = await saveProfile(w, slaunchxInput(emu, 'nomfa@slaunchx.test'), PASSWORD);
  const flow = await w.value('signin/start', { profileId: profile.id });
  const sessionId = flow.sessionId ?? expect.fail('no session');
  return { w, net, profile, sessionId };
}

describe('sessions refresh themselves', () => {
  it('the refresh alarm, once the provider clock passed expiry, brings new tokens and the next alarm', async () => {
    const { w, sessionId } = await signedIn();
    const before = await cachedSession(sessionId);
    const alarm = await fakeBrowser.alarms.get(refreshAlarmName(sessionId));
    // providers.md §1.4: 3600 s tokens, so the refresh comes 5 minutes ahead of expiry.
    expect(alarm?.scheduledTime).toBe(before.tokens.expiresAt - 300_000);
    expect(alarm?.scheduledTime).toBe(refreshAlarmTime(before.tokens, Date.now()));

    await advanceEmulatorClock(3_601_000);
    await w.signin.onAlarm(refreshAlarmName(sessionId));

    const after = await cachedSession(sessionId);
    expect(after.tokens.refreshToken).not.toBe(before.tokens.refreshToken);
    expect(after.tokens.accessToken).not.toBe(before.tokens.accessToken);
    expect(after.lastError).toBeUndefined();
    const [view] = await w.value('sessions/list', {});
    expect(view).toMatchObject({
      id: sessionId,
      canRefresh: true,
      expiresAt: after.tokens.expiresAt,
    });
    expect(view?.refreshAt).toBe(refreshAlarmTime(after.tokens, Date.now()));
    const target = await adapterProfileOf(after.profileId);
    if (target.family !== 'slaunchx') return expect.fail('not SlaunchX');
    expect(
      await createSlaunchxAdapter({ fetch }).accountProfile(target, after.tokens),
    ).toMatchObject({
      email: 'nomfa@slaunchx.test',
    });
  });

  it('concurrent refreshes in one worker life share one request', async () => {
    const { w, net, sessionId } = await signedIn();
    const [a, b] = await Promise.all([
      w.value('sessions/refresh', { id: sessionId }),
      w.value('sessions/refresh', { id: sessionId }),
      w.signin.onAlarm(refreshAlarmName(sessionId)),
    ]);
    expect(net.count('/auth/token/refresh')).toBe(1);
    expect(a).toEqual(b);
    expect(a.lastError).toBeUndefined();
  });

  it('a refresh token revoked by reuse ends in a clear lastError, no alarm, nothing lost', async () => {
    const { w, sessionId, profile } = await signedIn();
    const otpAccountId = await addEmulatorTotp(w, emu, 'admin@slaunchx.test');
    await w.value('backup/add', { id: otpAccountId, text: 'BKUP-00001\nBKUP-00002' });
    const { tokens } = await cachedSession(sessionId);
    const target = await adapterProfileOf(profile.id);
    // Out of band: the same refresh token twice; the provider revokes the family (§1.4).
    const thief = createSlaunchxAdapter({ fetch });
    await thief.refresh(target, tokens);
    await expect(thief.refresh(target, tokens)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_TOKEN_REUSED',
    });
    const before = await storedState(w);

    const view = await w.value('sessions/refresh', { id: sessionId });
    expect(['AUTH.TOKEN_INVALID', 'AUTH.REFRESH_TOKEN_REUSED']).toContain(view.lastError?.code);
    expect(view.lastError?.meaning).not.toBe('');
    expect(view.canRefresh).toBe(false);
    expect(view.refreshAt).toBeUndefined();
    expect(await fakeBrowser.alarms.get(refreshAlarmName(sessionId))).toBeUndefined();

    // The session stays (with its error), and so does everything else, across a restart.
    w.restart();
    expect(await w.value('sessions/list', {})).toEqual([view]);
    expect(await storedState(w)).toEqual(before);
    expect((await cachedSession(sessionId)).tokens).toEqual(tokens);
  });

  it('lock clears the session copy; an alarm while locked does nothing; unlock refreshes what expired', async () => {
    // CloudBase: plain HTTP, so our clock may jump ahead with the emulator's (SCv2 envelopes
    // would be refused as stale).
    const offset = { ms: 0 };
    const { w, net } = await unlockedWorker({ now: () => Date.now() + offset.ms });
    const profile = await saveProfile(
      w,
      {
        name: 'CloudBase',
        family: 'cloudbase',
        baseUrl: emu.url,
        environment: 'test',
        identifier: 'zhangsan',
      },
      'example password',
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    const sessionId = flow.sessionId ?? expect.fail('no session');
    const before = await cachedSession(sessionId);
    await w.value('vault/lock', {});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});

    await w.signin.onAlarm(refreshAlarmName(sessionId));
    expect(net.count('/auth/v1/token')).toBe(0);

    await advanceEmulatorClock(7_201_000); // providers.md §4: 7200 s tokens
    offset.ms = 7_201_000;
    await w.value('vault/unlock', { passphrase: PASSPHRASE });
    await vi.waitFor(async () => {
      expect((await cachedSession(sessionId)).tokens.obtainedAt).toBeGreaterThan(
        before.tokens.obtainedAt,
      );
    });
    expect(net.count('/auth/v1/token')).toBe(1);
    const after = await cachedSession(sessionId);
    expect(after.tokens.accessToken).not.toBe(before.tokens.accessToken);
    const alarm = await fakeBrowser.alarms.get(refreshAlarmName(sessionId));
    expect(alarm?.scheduledTime).toBe(refreshAlarmTime(after.tokens, 0));
  });
});
