import { beforeEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../src/messaging/signin-protocol';
import { signinFlowItem } from '../../../src/platform/stores';
import { makeState } from '../../../src/providers/adapter-kit';
import { retryAtOf } from '../../../src/worker/signin/flow-record';
import { createWorkerFixture, type WorkerFixture } from '../worker/worker-fixture';

const PASS = 'correct horse battery';
const SECRET = 'Saved-Password-77';

/** A CloudBase signin endpoint: the right password gets tokens, any other a 401. */
function cloudbase() {
  const seen: string[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    seen.push(input instanceof Request ? input.url : input.toString());
    const text = typeof init?.body === 'string' ? init.body : '{}';
    const body = JSON.parse(text) as { password?: string };
    const ok = body.password === SECRET;
    const answer = ok
      ? {
          token_type: 'Bearer',
          access_token: 'abcd-access-token',
          refresh_token: 'refresh-secret',
          expires_in: 7200,
        }
      : { error: 'invalid_username_or_password', error_description: 'wrong' };
    return Promise.resolve(
      new Response(JSON.stringify(answer), {
        status: ok ? 200 : 401,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { fetch: fetchImpl, seen };
}

describe('the flow engine', () => {
  let net: ReturnType<typeof cloudbase>;
  let w: WorkerFixture;
  let profile: ProfileView;

  async function setup(password: string | undefined) {
    await w.value('vault/create', { passphrase: PASS });
    profile = await w.value('profiles/save', {
      profile: {
        name: 'CloudBase',
        family: 'cloudbase',
        baseUrl: 'http://127.0.0.1:9',
        environment: 'test',
        identifier: 'zhangsan',
      },
      ...(password === undefined ? {} : { password }),
    });
  }

  beforeEach(() => {
    net = cloudbase();
    w = createWorkerFixture({ fetch: net.fetch });
  });

  it('refuses to start while the vault is locked or absent', async () => {
    await setup(undefined);
    await w.value('vault/lock', {});
    expect(await w.send('signin/start', { profileId: profile.id })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(net.seen).toEqual([]);
  });

  it('signs in with the saved password; the view holds no state and no usable token', async () => {
    await setup(SECRET);
    const flow = await w.value('signin/start', { profileId: profile.id });
    expect(flow.step).toMatchObject({ step: 'done', tokens: { accessToken: 'abcd…' } });
    expect(flow.autoFilled).toEqual([{ step: 'credentials', source: 'saved-password' }]);
    const stored = JSON.stringify(await signinFlowItem.getValue());
    for (const text of [JSON.stringify(flow), stored]) {
      expect(text).not.toContain('abcd-access-token');
      expect(text).not.toContain('refresh-secret');
      expect(text).not.toContain(SECRET);
    }
    expect(
      await w.send('signin/advance', {
        flowId: flow.flowId,
        input: { kind: 'code', code: '123456' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FLOW_FINISHED' } });
  });

  it('fills a refused step once: the error waits for the user, in this life and the next', async () => {
    await setup('Wrong-Password-1');
    const flow = await w.value('signin/start', { profileId: profile.id });
    expect(flow.step).toMatchObject({
      step: 'credentials',
      error: { code: 'invalid_username_or_password' },
    });
    expect(flow.step).not.toHaveProperty('state');
    expect(net.seen).toHaveLength(1);
    w.restart();
    expect(await w.value('signin/current', {})).toEqual(flow);
    expect(net.seen).toHaveLength(1);
  });

  it('an auto-fill a stopped worker had marked is not sent again; an unmarked one is resumed', async () => {
    await setup(SECRET);
    const waiting = {
      flowId: 'flow-1',
      profileId: profile.id,
      family: 'cloudbase' as const,
      startedAt: w.clock.now,
      step: {
        step: 'credentials' as const,
        state: makeState('cloudbase', 'credentials', { mode: 'password' }),
        mode: 'password' as const,
        modes: ['password' as const, 'code' as const],
        identifier: 'username' as const,
        password: true,
      },
      seq: 3,
      autoFilled: [],
    };
    await signinFlowItem.setValue({ ...waiting, autoSeq: 3 });
    expect((await w.value('signin/current', {}))?.step.step).toBe('credentials');
    expect(net.seen).toEqual([]);

    await signinFlowItem.setValue(waiting);
    expect((await w.value('signin/current', {}))?.step.step).toBe('done');
    expect(net.seen).toHaveLength(1);
  });

  it('answers FLOW_NOT_FOUND for another flow id, and cancel ends the flow', async () => {
    await setup(undefined);
    const flow = await w.value('signin/start', { profileId: profile.id });
    const input = { kind: 'credentials' as const, identifier: 'zhangsan', password: SECRET };
    expect(await w.send('signin/advance', { flowId: 'other', input })).toMatchObject({
      ok: false,
      error: { code: 'FLOW_NOT_FOUND' },
    });
    expect(await w.value('signin/cancel', { flowId: 'other' })).toBeNull();
    expect(await w.value('signin/current', {})).toEqual(flow);
    expect(await w.value('signin/cancel', { flowId: flow.flowId })).toBeNull();
    expect(await w.value('signin/current', {})).toBeNull();
  });

  it('an empty typed password uses the saved one', async () => {
    await setup(SECRET);
    // No identifier saved: the step waits, then the user types only the user name.
    const { id, name, family, baseUrl, environment } = profile;
    await w.value('profiles/save', {
      profile: { id, name, family, baseUrl, environment, identifier: '' },
    });
    const flow = await w.value('signin/start', { profileId: profile.id });
    expect(flow.step.step).toBe('credentials');
    expect(net.seen).toEqual([]);
    const done = await w.value('signin/advance', {
      flowId: flow.flowId,
      input: { kind: 'credentials', identifier: 'zhangsan' },
    });
    expect(done.step.step).toBe('done');
    expect(done.autoFilled).toEqual([{ step: 'credentials', source: 'saved-password' }]);
  });

  it('turns a rate limit into retryAt', () => {
    const error = {
      code: 'RATE_LIMITED',
      provider: 'slaunchx' as const,
      message: 'slow',
      meaning: 'slow',
      retryAfterMs: 30_000,
    };
    expect(retryAtOf({ step: 'error', error }, 1_000)).toBe(31_000);
    const step = {
      step: 'code' as const,
      state: makeState('slaunchx', 'code', {}),
      method: 'EMAIL' as const,
      canResend: true,
      alternatives: [],
      error,
    };
    expect(retryAtOf(step, 1_000)).toBe(31_000);
    expect(retryAtOf({ ...step, error: undefined }, 1_000)).toBeUndefined();
  });
});
