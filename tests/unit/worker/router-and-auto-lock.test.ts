import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUiRouter, toErrorPayload } from '../../../src/messaging/router';
import { vaultKeyItem } from '../../../src/platform/stores';
import { AUTO_LOCK_ALARM, createAutoLock } from '../../../src/worker/auto-lock';
import { createWorkerFixture, EXTENSION_ID, type WorkerFixture } from './worker-fixture';

const PASS = 'correct horse battery';

describe('message checks', () => {
  let w: WorkerFixture;
  beforeEach(() => {
    w = createWorkerFixture();
  });

  it('refuses a content script (page URL) and another extension, doing nothing', async () => {
    for (const sender of [
      { id: EXTENSION_ID, url: 'https://evil.example/login' },
      { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' },
      { id: EXTENSION_ID },
    ]) {
      const reply = await w.send('vault/create', { passphrase: PASS }, sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'SENDER_REFUSED' } });
    }
    expect((await w.value('vault/status', {})).state).toBe('absent');
  });

  it('refuses unknown types, unknown fields and wrong types with BAD_REQUEST or UNKNOWN_MESSAGE', async () => {
    const route = createUiRouter({} as never, {
      extensionId: EXTENSION_ID,
      extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
    });
    const sender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
    expect(
      await route({ channel: 'authdeck/ui', type: 'vault/explode', payload: {} }, sender),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_MESSAGE' },
    });
    expect(
      await route({ channel: 'other', type: 'vault/status', payload: {} }, sender),
    ).toBeUndefined();
    expect(await w.send('vault/unlock', { passphrase: PASS, extra: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await w.send('accounts/hotp-next', { id: 42 } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('passes coded errors through and hides the text of unexpected ones', () => {
    const coded = Object.assign(new Error('Digits must be 6 to 10'), { code: 'OTP_DIGITS' });
    expect(toErrorPayload(coded)).toEqual({
      code: 'OTP_DIGITS',
      message: 'Digits must be 6 to 10',
    });
    const leaky = new Error('secret JBSWY3DPEHPK3PXP leaked');
    expect(toErrorPayload(leaky)).toEqual({
      code: 'INTERNAL',
      message: expect.not.stringContaining('JBSW') as string,
    });
  });
});

describe('auto-lock', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  function setup(minutes: number) {
    let now = 1_000_000;
    let locks = 0;
    const autoLock = createAutoLock({
      alarms: fakeBrowser.alarms,
      settings: () => Promise.resolve({ autoLockMinutes: minutes, clipboardClearSeconds: 30 }),
      lock: () => {
        locks++;
        return Promise.resolve();
      },
      now: () => now,
    });
    return { autoLock, locks: () => locks, advance: (ms: number) => (now += ms) };
  }

  it('arms an alarm for the configured idle time and locks when it fires', async () => {
    const { autoLock, locks } = setup(15);
    await autoLock.rearm();
    const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 14 * 60_000);
    await autoLock.onAlarm('something-else');
    expect(locks()).toBe(0);
    await autoLock.onAlarm(AUTO_LOCK_ALARM);
    expect(locks()).toBe(1);
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
  });

  it('locks when the screen locks but not when merely idle', async () => {
    const { autoLock, locks } = setup(15);
    await autoLock.onIdleState('idle');
    expect(locks()).toBe(0);
    await autoLock.onIdleState('locked');
    expect(locks()).toBe(1);
  });

  it('clears the alarm when auto-lock is off', async () => {
    const { autoLock } = setup(15);
    await autoLock.rearm();
    const off = setup(0);
    await off.autoLock.rearm();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
  });

  it('locks the real vault service: the session key is removed', async () => {
    const w = createWorkerFixture();
    await w.value('vault/create', { passphrase: PASS });
    await w.value('vault/lock', {});
    expect(await vaultKeyItem.getValue()).toBeNull();
  });
});
