import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  profilesItem,
  scStatesItem,
  sessionCacheItem,
  signinFlowItem,
  vaultKeyItem,
} from '../../../src/platform/stores';
import { AUTO_LOCK_ALARM } from '../../../src/worker/auto-lock';
import { startWorker } from '../../../src/worker/start';

const devFile = {
  profiles: [
    {
      id: 'dev-cloudbase',
      name: 'CloudBase',
      family: 'cloudbase',
      baseUrl: 'http://127.0.0.1:8787',
      environment: 'test',
      identifier: 'zhangsan',
      mailboxUrl: 'http://127.0.0.1:8025',
    },
  ],
};

const extra = { ...devFile.profiles[0], id: 'dev-extra', name: 'Extra' };

describe('the worker wiring (start.ts)', () => {
  const fetched: string[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    fetched.length = 0;
    vi.stubGlobal('fetch', (input: string | URL | Request) => {
      fetched.push(input instanceof Request ? input.url : input.toString());
      // The second read (browser start) finds one more profile in the file.
      const profiles = fetched.length === 1 ? devFile.profiles : [...devFile.profiles, extra];
      return Promise.resolve(new Response(JSON.stringify({ profiles })));
    });
    // The fake browser has no idle API; the screen-lock path is tested in tests/unit/worker.
    vi.spyOn(fakeBrowser.idle.onStateChanged, 'addListener').mockImplementation(() => undefined);
    startWorker();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('adds the packaged dev profiles on install and on browser start', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => {
      expect((await profilesItem.getValue()).map((p) => p.id)).toEqual(['dev-cloudbase']);
    });
    expect(fetched).toEqual([`chrome-extension://${fakeBrowser.runtime.id}/dev-profiles.json`]);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => {
      expect((await profilesItem.getValue()).map((p) => p.id)).toEqual([
        'dev-cloudbase',
        'dev-extra',
      ]);
    });
  });

  it('the auto-lock alarm clears the key, the session copy, the flow and the SC sessions', async () => {
    await vaultKeyItem.setValue('a2V5');
    await sessionCacheItem.setValue({});
    await scStatesItem.setValue({});
    await signinFlowItem.setValue({
      flowId: 'f',
      profileId: 'p',
      family: 'idaas',
      startedAt: 0,
      step: { step: 'pending-approval', message: '' },
      seq: 0,
      autoFilled: [],
    });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: AUTO_LOCK_ALARM,
      scheduledTime: 0,
      persistAcrossSessions: true,
    });
    await vi.waitFor(async () => {
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    });
  });
});
