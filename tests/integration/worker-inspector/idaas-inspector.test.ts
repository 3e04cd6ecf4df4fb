/** An IDaaS sign-in (captcha, mailed code) in the worker's request log, against the emulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntryView } from '../../../src/messaging/inspector-protocol';
import {
  expectStep,
  resetEmulator,
  saveProfile,
  startTestEmulator,
  unlockedWorker,
  type Emulator,
} from '../worker-signin/harness';

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

const pathOf = (e: LogEntryView) => new URL(e.entry.request.url).pathname;

function bodyOf(entries: LogEntryView[], path: string, side: 'request' | 'response') {
  const found = entries.find((e) => pathOf(e) === path) ?? expect.fail(`no entry for ${path}`);
  const text =
    side === 'request' ? found.entry.request.postData?.text : found.entry.response.content.text;
  return { seq: found.seq, body: JSON.parse(text ?? 'null') as Record<string, unknown> };
}

describe('the request log of an IDaaS sign-in', () => {
  it('holds every step, tagged with the flow, with codes and tokens masked until revealed', async () => {
    const { w } = await unlockedWorker();
    const profile = await saveProfile(w, {
      name: 'IDaaS local',
      family: 'idaas',
      baseUrl: emu.url,
      environment: 'test',
      identifier: 'zhangsan@qq.com',
      clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4',
      mailboxUrl: emu.mailboxUrl,
    });
    const flow = await w.value('signin/start', { profileId: profile.id });
    const captcha = expectStep(flow, 'captcha');
    const done = await w.value('signin/advance', {
      flowId: flow.flowId,
      input: { kind: 'captcha', answer: captcha.hint ?? '' },
    });
    expectStep(done, 'done');

    const { entries } = await w.value('inspector/log', {});
    expect(entries.map(pathOf)).toEqual([
      '/api/v2/sdk/captcha/graphic',
      '/api/v2/sdk/captcha/graphic/verify',
      '/api/v2/sdk/send-email-verify-code',
      '/api/v2/sdk/login/email-verify-code',
    ]);
    for (const e of entries)
      expect(e).toMatchObject({ profileId: profile.id, flowId: flow.flowId });

    const verify = bodyOf(entries, '/api/v2/sdk/captcha/graphic/verify', 'request').body;
    expect(verify.captcha_code).toMatch(/…$/);
    expect(verify.captcha_code).not.toBe(captcha.hint);
    const send = bodyOf(entries, '/api/v2/sdk/send-email-verify-code', 'request').body;
    expect(send).toMatchObject({ email: 'zhangsan@qq.com', type: 'LOGIN_EMS' });
    expect(send.captcha_token).toMatch(/^.{4}…$/);
    const login = bodyOf(entries, '/api/v2/sdk/login/email-verify-code', 'request');
    expect(login.body.verify_code).toBe('…');
    const answer = bodyOf(entries, '/api/v2/sdk/login/email-verify-code', 'response').body;
    expect(answer.session_token).toMatch(/^.{4}…$/);
    expect(answer.id_token).toMatch(/^.{4}…$/);

    const revealed = await w.value('inspector/reveal', { seq: login.seq });
    const sentCode = JSON.parse(revealed.entry.request.postData?.text ?? 'null') as {
      verify_code: string;
    };
    expect(sentCode.verify_code).toMatch(/^\d{6}$/);
    const token = (
      JSON.parse(revealed.entry.response.content.text ?? 'null') as {
        session_token: string;
      }
    ).session_token;
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(JSON.stringify(entries)).not.toContain(sentCode.verify_code);
  });
});
