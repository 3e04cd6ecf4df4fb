import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src/messaging/signin-protocol';
import { clientHashItem, signinFlowItem } from '../../../src/platform/stores';
import type { Tokens } from '../../../src/providers/flow';
import { refreshAlarmName } from '../../../src/worker/signin/refresh-schedule';
import { createWorkerFixture, type WorkerFixture } from '../worker/worker-fixture';

const PASS = 'correct horse battery';
const SECRET = 'Profile-Password-93';

const input: ProfileInput = {
  name: 'Acme test',
  family: 'cloudbase',
  baseUrl: 'http://127.0.0.1:8787',
  environment: 'test',
  identifier: 'zhangsan',
};

const localDump = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

function tokensAt(now: number): Tokens {
  return {
    family: 'cloudbase',
    accessToken: 'access-token-value-123',
    refreshToken: 'refresh-token-value-456',
    tokenType: 'Bearer',
    expiresAt: now + 7_200_000,
    obtainedAt: now,
    account: { login: 'zhangsan' },
  };
}

describe('profiles', () => {
  let w: WorkerFixture;
  beforeEach(() => {
    w = createWorkerFixture();
  });

  it('saves a profile without a password while the vault is absent or locked', async () => {
    const saved = await w.value('profiles/save', { profile: input });
    expect(saved).toMatchObject({ ...input, hasPassword: false, id: expect.any(String) as string });
    expect(await w.value('profiles/list', {})).toEqual([saved]);
  });

  it('refuses a password while the vault is absent or locked, and changes nothing', async () => {
    expect(await w.send('profiles/save', { profile: input, password: SECRET })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    await w.value('vault/create', { passphrase: PASS });
    const saved = await w.value('profiles/save', { profile: input });
    await w.value('vault/lock', {});
    const reply = await w.send('profiles/save', {
      profile: { ...input, id: saved.id, name: 'Renamed' },
      password: SECRET,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await w.value('profiles/list', {})).toEqual([saved]);
  });

  it('keeps the password in the vault only: storage.local never holds it', async () => {
    await w.value('vault/create', { passphrase: PASS });
    const saved = await w.value('profiles/save', { profile: input, password: SECRET });
    expect(saved.hasPassword).toBe(true);
    expect(await localDump()).not.toContain(SECRET);
    expect((await w.vault.read()).profileSecrets).toEqual({ [saved.id]: { password: SECRET } });

    // Absent keeps it, a rename keeps it, null removes it.
    const renamed = await w.value('profiles/save', {
      profile: { ...input, id: saved.id, name: 'B' },
    });
    expect(renamed).toMatchObject({ id: saved.id, name: 'B', hasPassword: true });
    const cleared = await w.value('profiles/save', {
      profile: { ...input, id: saved.id },
      password: null,
    });
    expect(cleared.hasPassword).toBe(false);
    expect((await w.vault.read()).profileSecrets).toEqual({});
  });

  it('refuses an unknown id and a change of provider', async () => {
    const saved = await w.value('profiles/save', { profile: input });
    expect(await w.send('profiles/save', { profile: { ...input, id: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
    const other = { ...input, id: saved.id, family: 'idaas' as const, clientId: 'c' };
    expect(await w.send('profiles/save', { profile: other })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_FAMILY_FIXED' },
    });
  });

  it('delete removes the password, the sessions with their alarms, and the running flow', async () => {
    await w.value('vault/create', { passphrase: PASS });
    const keep = await w.value('profiles/save', { profile: { ...input, name: 'Keep' } });
    const gone = await w.value('profiles/save', { profile: input, password: SECRET });
    const mine = await w.signin.sessions.add(gone.id, tokensAt(w.clock.now));
    const theirs = await w.signin.sessions.add(keep.id, tokensAt(w.clock.now));
    await signinFlowItem.setValue({
      flowId: 'f1',
      profileId: gone.id,
      family: 'cloudbase',
      startedAt: w.clock.now,
      step: { step: 'pending-approval', message: 'wait' },
      seq: 0,
      autoFilled: [],
    });

    expect(await w.value('profiles/delete', { id: gone.id })).toBeNull();
    expect((await w.value('profiles/list', {})).map((p) => p.id)).toEqual([keep.id]);
    const contents = await w.vault.read();
    expect(contents.profileSecrets).toEqual({});
    expect(Object.keys(contents.sessions ?? {})).toEqual([theirs.id]);
    expect((await w.value('sessions/list', {})).map((s) => s.id)).toEqual([theirs.id]);
    expect(await fakeBrowser.alarms.get(refreshAlarmName(mine.id))).toBeUndefined();
    expect(await fakeBrowser.alarms.get(refreshAlarmName(theirs.id))).toBeDefined();
    expect(await signinFlowItem.getValue()).toBeNull();
  });

  it('a profile deleted while locked leaves nothing behind after the next unlock', async () => {
    await w.value('vault/create', { passphrase: PASS });
    const gone = await w.value('profiles/save', { profile: input, password: SECRET });
    const session = await w.signin.sessions.add(gone.id, tokensAt(w.clock.now));
    await w.value('vault/lock', {});
    await w.value('profiles/delete', { id: gone.id });
    await w.value('vault/unlock', { passphrase: PASS });
    const contents = await w.vault.read();
    expect(contents.profileSecrets).toEqual({});
    expect(contents.sessions).toEqual({});
    expect(await fakeBrowser.alarms.get(refreshAlarmName(session.id))).toBeUndefined();
  });
});

describe('the client hash', () => {
  it('is 32 hex characters, made once and kept across worker restarts', async () => {
    const w = createWorkerFixture();
    const [a, b] = await Promise.all([w.signin.clientHash.get(), w.signin.clientHash.get()]);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toBe(a);
    w.restart();
    expect(await w.signin.clientHash.get()).toBe(a);
    expect(await clientHashItem.getValue()).toBe(a);
  });

  it('differs between browser profiles', async () => {
    const first = await createWorkerFixture().signin.clientHash.get();
    const second = await createWorkerFixture().signin.clientHash.get(); // storage reset
    expect(second).not.toBe(first);
  });
});

describe('dev profiles', () => {
  const file = {
    profiles: [
      { ...input, id: 'dev-cb', name: 'Dev CloudBase' },
      { ...input, id: 'dev-keep', name: 'From the file' },
      { ...input, id: 'dev-bad', baseUrl: 'http://192.168.1.2' }, // refused: not loopback
      { ...input, name: 'no id' },
    ],
  };
  const serving =
    (body: unknown): typeof fetch =>
    () =>
      Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));

  it('adds the valid profiles not stored yet, on install and on startup', async () => {
    const w = createWorkerFixture({ fetch: serving(file) });
    await w.value('profiles/save', { profile: { ...input, name: 'Mine' } });
    expect(await w.signin.seedDevProfiles()).toBe(2);
    expect(await w.signin.seedDevProfiles()).toBe(0);
    const names = (await w.value('profiles/list', {})).map((p) => `${p.id}:${p.name}`);
    expect(names.slice(1)).toEqual(['dev-cb:Dev CloudBase', 'dev-keep:From the file']);
  });

  it('never overwrites a stored profile with the same id', async () => {
    const w = createWorkerFixture({ fetch: serving(file) });
    await w.signin.seedDevProfiles();
    await w.value('profiles/save', { profile: { ...input, id: 'dev-keep', name: 'Edited' } });
    await w.signin.seedDevProfiles();
    const kept = (await w.value('profiles/list', {})).find((p) => p.id === 'dev-keep');
    expect(kept?.name).toBe('Edited');
  });

  it('does nothing when the build has no such file', async () => {
    const missing = createWorkerFixture(); // its fetch rejects, like a missing packaged file
    expect(await missing.signin.seedDevProfiles()).toBe(0);
    const notFound = createWorkerFixture({
      fetch: () => Promise.resolve(new Response('', { status: 404 })),
    });
    expect(await notFound.signin.seedDevProfiles()).toBe(0);
    expect(await notFound.value('profiles/list', {})).toEqual([]);
  });
});
