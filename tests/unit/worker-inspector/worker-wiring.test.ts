/**
 * The inspector as the worker ships it (services.ts): requests of a sign-in land in the log,
 * masked until revealed and gone at lock; sessions export; header rules come back at worker
 * start. The network is a stand-in CloudBase answering `POST /auth/v1/signin`.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import { profilesItem } from '../../../src/platform/stores';
import { createWorkerServices } from '../../../src/worker/services';
import { createWorkerFixture, FAST_VAULT, POPUP } from '../../unit/worker/worker-fixture';
import { memoryRules } from './helpers';

const PASSWORD = 'pw-Correct-Horse-42';
const ACCESS = 'cb-access-token-0123456789';

/** CloudBase's signin, as providers.md §4 answers it. */
const cloudbase: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.endsWith('/auth/v1/signin') || init?.method !== 'POST') {
    return Promise.reject(new TypeError(`unexpected ${url}`));
  }
  const body = JSON.stringify({
    token_type: 'Bearer',
    access_token: ACCESS,
    refresh_token: 'cb-refresh-token-9876543210',
    expires_in: 7200,
    sub: 'user-42',
  });
  return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
};

async function signedIn() {
  const w = createWorkerFixture({ fetch: cloudbase });
  await w.value('vault/create', { passphrase: 'correct horse battery' });
  const profile = await w.value('profiles/save', {
    profile: {
      name: 'CloudBase local',
      family: 'cloudbase',
      baseUrl: 'http://127.0.0.1:8787',
      environment: 'test',
      identifier: 'zhangsan',
    },
    password: PASSWORD,
  });
  const flow = await w.value('signin/start', { profileId: profile.id });
  expect(flow.step.step).toBe('done');
  return { w, profile, flow };
}

describe('the request log in the worker', () => {
  it('logs the sign-in request tagged with its profile and flow, secrets masked', async () => {
    const { w, profile, flow } = await signedIn();
    const log = await w.value('inspector/log', {});
    expect(log.entries).toHaveLength(1);
    const [shown] = log.entries;
    expect(shown).toMatchObject({ seq: 1, profileId: profile.id, flowId: flow.flowId });
    expect(shown?.entry.request.url).toBe('http://127.0.0.1:8787/auth/v1/signin');
    expect(JSON.parse(shown?.entry.request.postData?.text ?? '')).toEqual({
      username: 'zhangsan',
      password: 'pw-C…',
    });
    expect(shown?.entry.response.content.text).toContain('"access_token":"cb-a…"');
    expect(JSON.stringify(log)).not.toContain(ACCESS);
    expect(JSON.stringify(log)).not.toContain(PASSWORD);

    const revealed = await w.value('inspector/reveal', { seq: 1 });
    expect(revealed.entry.request.postData?.text).toContain(PASSWORD);
    expect(revealed.entry.response.content.text).toContain(ACCESS);
    // storage.local never sees it.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(ACCESS);
  });

  it('empties at lock, and reveals nothing while locked', async () => {
    const { w } = await signedIn();
    await w.value('vault/lock', {});
    expect(await fakeBrowser.storage.session.get('requestLog')).toEqual({});
    expect((await w.value('inspector/log', {})).entries).toEqual([]);
    const reveal = await w.send('inspector/reveal', { seq: 1 });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('inspector/clear empties the log and numbering goes on', async () => {
    const { w, profile } = await signedIn();
    expect(await w.value('inspector/clear', {})).toBeNull();
    expect((await w.value('inspector/log', {})).entries).toEqual([]);
    await w.value('signin/start', { profileId: profile.id });
    expect((await w.value('inspector/log', {})).entries.map((e) => e.seq)).toEqual([2]);
  });
});

describe('session tools in the worker', () => {
  it('exports the session with its real token', async () => {
    const { w, flow } = await signedIn();
    const id = flow.sessionId ?? expect.fail('no session');
    const header = await w.value('sessions/export', { id, format: 'authorization-header' });
    expect(header.text).toBe(`Authorization: Bearer ${ACCESS}`);
    const json = JSON.parse(
      (await w.value('sessions/export', { id, format: 'json' })).text,
    ) as unknown;
    expect(json).toMatchObject({
      tokenType: 'Bearer',
      accessToken: ACCESS,
      refreshToken: 'cb-refresh-token-9876543210',
      account: { id: 'user-42', login: 'zhangsan' },
    });
    const curl = await w.value('sessions/export', { id, format: 'curl' });
    expect(curl.text).toContain(`-H 'Authorization: Bearer ${ACCESS}'`);
  });

  it('has no channel to close for a family without SCv2, and no session for an unknown id', async () => {
    const { w, flow } = await signedIn();
    const id = flow.sessionId ?? expect.fail('no session');
    expect(await w.send('sessions/close-channel', { id })).toMatchObject({
      ok: false,
      error: { code: 'NO_SECURE_CHANNEL' },
    });
    expect(await w.send('sessions/export', { id: 'gone', format: 'json' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_NOT_FOUND' },
    });
  });
});

describe('header rules in the worker', () => {
  it('are switched through the protocol and put back when a worker starts', async () => {
    fakeBrowser.reset();
    const rules = memoryRules();
    const build = () =>
      createWorkerServices({
        now: () => Date.now(),
        newId: () => crypto.randomUUID(),
        fetch: () => Promise.reject(new TypeError('no network')),
        alarms: browser.alarms,
        captureTab: () => Promise.reject(new Error('no tab')),
        scheduleClipboardClear: () => Promise.resolve(),
        devProfilesUrl: 'chrome-extension://authdeck-test/dev-profiles.json',
        extensionId: 'authdeck-test',
        extensionOrigin: 'chrome-extension://authdeck-test/',
        vaultOptions: FAST_VAULT,
        headerRulesApi: rules,
      });
    await profilesItem.setValue([
      {
        id: 'sx',
        name: 'SlaunchX local',
        family: 'slaunchx',
        baseUrl: 'http://127.0.0.1:8787',
        environment: 'test',
        identifier: 'admin@slaunchx.test',
        portal: 'system',
        accessCode: 'demo-system-portal',
        hasPassword: false,
      },
    ]);
    const first = build();
    const reply = await first.route(
      {
        channel: 'authdeck/ui',
        type: 'header-rules/set',
        payload: { profileId: 'sx', enabled: true },
      },
      POPUP,
    );
    expect(reply).toMatchObject({ ok: true, value: [{ profileId: 'sx', enabled: true }] });
    expect([...rules.rules.keys()]).toEqual([1]);

    rules.rules.clear(); // the browser closed: session rules gone, storage.local kept
    build();
    await vi.waitFor(() => {
      expect([...rules.rules.keys()]).toEqual([1]);
    });
  });
});
