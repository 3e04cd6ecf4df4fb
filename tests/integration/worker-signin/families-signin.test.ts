import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src/messaging/signin-protocol';
import {
  expectStep,
  localDump,
  resetEmulator,
  saveProfile,
  startTestEmulator,
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

const testProfile = (
  family: ProfileInput['family'],
  identifier: string,
  extra: Partial<ProfileInput> = {},
): ProfileInput => ({
  name: `${family} ${identifier}`,
  family,
  baseUrl: emu.url,
  environment: 'test',
  identifier,
  ...extra,
});

describe('IDaaS, Koodrive and CloudBase through the worker', () => {
  it('IDaaS: the identifier goes out, the captcha reaches the UI with its test hint, the code comes from the mailbox', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(
      w,
      testProfile('idaas', 'zhangsan@qq.com', {
        clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4',
        mailboxUrl: emu.mailboxUrl,
      }),
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    const captcha = expectStep(flow, 'captcha');
    expect(captcha.image).toMatch(/^data:image\//);
    expect(captcha.hint).toMatch(/^\w+$/);
    expect(flow.autoFilled).toEqual([{ step: 'credentials', source: 'mailbox' }]);

    const done = await w.value('signin/advance', {
      flowId: flow.flowId,
      input: { kind: 'captcha', answer: captcha.hint ?? '' },
    });
    expectStep(done, 'done');
    expect(done.autoFilled.at(-1)).toEqual({ step: 'code', source: 'mailbox', method: 'EMAIL' });
    const [session] = await w.value('sessions/list', {});
    expect(session).toMatchObject({
      family: 'idaas',
      account: { email: 'zhangsan@qq.com' },
      canRefresh: true,
    });
    expect(session?.refreshExpiresAt).toEqual(expect.any(Number));
    const refreshed = await w.value('sessions/refresh', { id: session?.id ?? '' });
    expect(refreshed.lastError).toBeUndefined();
  });

  it('IDaaS without a mailbox waits for the user at every step', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(
      w,
      testProfile('idaas', 'zhangsan@qq.com', { clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4' }),
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    expectStep(flow, 'credentials');
    expect(flow.autoFilled).toEqual([]);
  });

  it('Koodrive: a saved password signs in at once; the refresh rotates the tokens', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(
      w,
      testProfile('koodrive', '0027188460911', { agentName: 'authdeck-it' }),
      '123qweASD143',
    );
    const flow = await w.value('signin/start', { profileId: profile.id });
    expectStep(flow, 'done');
    expect(flow.autoFilled).toEqual([{ step: 'credentials', source: 'saved-password' }]);
    const [session] = await w.value('sessions/list', {});
    expect(session).toMatchObject({ family: 'koodrive', tokenType: 'AT' });
    const before = await w.value('sessions/reveal-token', { id: session?.id ?? '' });
    expect(before.accessToken).toMatch(/^AT /);
    const refreshed = await w.value('sessions/refresh', { id: session?.id ?? '' });
    expect(refreshed.lastError).toBeUndefined();
    const after = await w.value('sessions/reveal-token', { id: session?.id ?? '' });
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await localDump()).not.toContain('123qweASD143');
  });

  it('Koodrive code mode: the SMS code is read from the mailbox', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(
      w,
      testProfile('koodrive', '0027188460911', {
        agentName: 'authdeck-it',
        mailboxUrl: emu.mailboxUrl,
      }),
    );
    const flow = await w.value('signin/start', { profileId: profile.id, mode: 'code' });
    expectStep(flow, 'done');
    expect(flow.autoFilled).toEqual([
      { step: 'credentials', source: 'mailbox' },
      { step: 'code', source: 'mailbox', method: 'SMS' },
    ]);
  });

  it('CloudBase: password sign-in, and the e-mail code mode through the mailbox', async () => {
    const { w } = await unlockedWorker();
    const password = await saveProfile(w, testProfile('cloudbase', 'zhangsan'), 'example password');
    expectStep(await w.value('signin/start', { profileId: password.id }), 'done');

    const code = await saveProfile(
      w,
      testProfile('cloudbase', 'zhangsan@example.com', { mailboxUrl: emu.mailboxUrl }),
    );
    const flow = await w.value('signin/start', { profileId: code.id, mode: 'code' });
    expectStep(flow, 'done');
    expect(flow.autoFilled.at(-1)).toEqual({ step: 'code', source: 'mailbox', method: 'EMAIL' });
    const sessions = await w.value('sessions/list', {});
    expect(sessions.map((s) => s.profileId)).toEqual([password.id, code.id]);
    expect(sessions.every((s) => s.family === 'cloudbase')).toBe(true);
  });

  it('a wrong typed password comes back on the credentials step and is not remembered', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(w, testProfile('cloudbase', 'zhangsan'));
    const first = await w.value('signin/start', { profileId: profile.id });
    const again = await w.value('signin/advance', {
      flowId: first.flowId,
      input: { kind: 'credentials', identifier: 'zhangsan', password: 'nope', remember: true },
    });
    expect(expectStep(again, 'credentials').error?.code).toBe('invalid_username_or_password');
    expect((await w.value('profiles/list', {}))[0]?.hasPassword).toBe(false);
  });
});
