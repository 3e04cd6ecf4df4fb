import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../../src/messaging/signin-protocol';
import {
  scStatesItem,
  sessionCacheItem,
  signinFlowItem,
  vaultKeyItem,
} from '../../../src/platform/stores';
import type { Tokens } from '../../../src/providers/flow';
import { refreshAlarmName, refreshAlarmTime } from '../../../src/worker/signin/refresh-schedule';
import { createWorkerFixture, type WorkerFixture } from '../worker/worker-fixture';

const PASS = 'correct horse battery';
const HOUR = 3_600_000;

/** A CloudBase token endpoint that holds every answer until `release()`. */
function heldTokenEndpoint() {
  const seen: string[] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetchImpl: typeof fetch = async (input) => {
    seen.push(input instanceof Request ? input.url : input.toString());
    await gate;
    const n = seen.length;
    const body = {
      token_type: 'Bearer',
      access_token: `new-access-${n}`,
      refresh_token: `new-refresh-${n}`,
      expires_in: 7200,
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return {
    fetch: fetchImpl,
    seen,
    release: () => {
      release();
    },
  };
}

function tokensAt(now: number, lifetime = 2 * HOUR): Tokens {
  return {
    family: 'cloudbase',
    accessToken: 'old-access-token',
    refreshToken: 'old-refresh-token',
    tokenType: 'Bearer',
    expiresAt: now + lifetime,
    obtainedAt: now,
    account: { login: 'zhangsan' },
  };
}

async function withSession(w: WorkerFixture) {
  await w.value('vault/create', { passphrase: PASS });
  const profile: ProfileView = await w.value('profiles/save', {
    profile: {
      name: 'CloudBase',
      family: 'cloudbase',
      baseUrl: 'http://127.0.0.1:9',
      environment: 'test',
      identifier: 'zhangsan',
    },
  });
  const session = await w.signin.sessions.add(profile.id, tokensAt(w.clock.now));
  return { profile, session };
}

describe('single-flight refresh', () => {
  let net: ReturnType<typeof heldTokenEndpoint>;
  let w: WorkerFixture;
  beforeEach(() => {
    net = heldTokenEndpoint();
    w = createWorkerFixture({ fetch: net.fetch });
  });

  it('concurrent callers in one worker life share one request and one answer', async () => {
    const { session } = await withSession(w);
    const calls = [
      w.value('sessions/refresh', { id: session.id }),
      w.value('sessions/refresh', { id: session.id }),
      w.signin.onAlarm(refreshAlarmName(session.id)),
    ];
    await vi.waitFor(() => {
      expect(net.seen).toHaveLength(1);
    });
    net.release();
    const [a, b] = await Promise.all(calls);
    expect(net.seen).toEqual(['http://127.0.0.1:9/auth/v1/token']);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ maskedAccessToken: 'new-…', canRefresh: true });
    expect(a?.lastError).toBeUndefined();
  });

  it('a later refresh is a new request: the map only joins callers in flight', async () => {
    const { session } = await withSession(w);
    net.release();
    await w.value('sessions/refresh', { id: session.id });
    await w.value('sessions/refresh', { id: session.id });
    expect(net.seen).toHaveLength(2);
    const { accessToken } = await w.value('sessions/reveal-token', { id: session.id });
    expect(accessToken).toBe('new-access-2');
  });
});

describe('lock and unlock', () => {
  it('lock clears every secret from storage.session and keeps the sessions in the vault', async () => {
    const net = heldTokenEndpoint();
    const w = createWorkerFixture({ fetch: net.fetch });
    const { session } = await withSession(w);
    await signinFlowItem.setValue({
      flowId: 'f1',
      profileId: session.profileId,
      family: 'cloudbase',
      startedAt: w.clock.now,
      step: { step: 'pending-approval', message: 'wait' },
      seq: 0,
      autoFilled: [],
    });
    await scStatesItem.setValue({
      'http://127.0.0.1:9|h|c': {
        sessionId: 's',
        key: 'k',
        expiresAt: 0,
        keyId: 'k',
        clientHash: 'h',
      },
    });
    expect(await sessionCacheItem.getValue()).not.toBeNull();
    // Tokens live in the vault and storage.session only, never readable in storage.local.
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain('old-access-token');
    expect(local).not.toContain('old-refresh-token');

    await w.value('vault/lock', {});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await w.send('sessions/list', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(await w.value('signin/current', {})).toBeNull();

    // An alarm that fires while locked does nothing and keeps nothing in memory.
    await w.signin.onAlarm(refreshAlarmName(session.id));
    expect(net.seen).toEqual([]);
    expect(await vaultKeyItem.getValue()).toBeNull();

    await w.value('vault/unlock', { passphrase: PASS });
    expect(Object.keys((await sessionCacheItem.getValue()) ?? {})).toEqual([session.id]);
    const alarm = await fakeBrowser.alarms.get(refreshAlarmName(session.id));
    expect(alarm?.scheduledTime).toBe(refreshAlarmTime(session.tokens, w.clock.now));
    expect(net.seen).toEqual([]); // not expired: no refresh yet
  });

  it('unlock refreshes at once what expired while locked, and re-arms its alarm', async () => {
    const net = heldTokenEndpoint();
    net.release();
    const w = createWorkerFixture({ fetch: net.fetch });
    const { session } = await withSession(w);
    await w.value('vault/lock', {});
    w.clock.now += 3 * HOUR;
    w.restart(); // the browser stopped the worker meanwhile
    await w.value('vault/unlock', { passphrase: PASS });
    await vi.waitFor(async () => {
      expect((await w.value('sessions/list', {}))[0]?.maskedAccessToken).toBe('new-…');
    });
    expect(net.seen).toHaveLength(1);
    const [view] = await w.value('sessions/list', {});
    expect(view?.expiresAt).toBe(w.clock.now + 2 * HOUR);
    expect(view?.refreshAt).toBe(w.clock.now + 2 * HOUR - 5 * 60_000);
    expect(view?.id).toBe(session.id);
  });

  it('a refresh that fails for now keeps the session, records the error and retries in a minute', async () => {
    const w = createWorkerFixture(); // every request fails: no network
    const { session } = await withSession(w);
    const view = await w.value('sessions/refresh', { id: session.id });
    expect(view.lastError).toMatchObject({ code: 'NETWORK', provider: 'cloudbase' });
    expect(view.canRefresh).toBe(true);
    expect(view.refreshAt).toBe(w.clock.now + 60_000);
    const { accessToken } = await w.value('sessions/reveal-token', { id: session.id });
    expect(accessToken).toBe('old-access-token');
  });
});
