import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../../src/providers/flow';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import type { ScClientFactory } from '../../../src/providers/slaunchx-api';
import { fakeFetch } from './fake-fetch';
import { slaunchxProfile as profile } from './profiles';

type Reply = {
  status?: number;
  code?: string;
  message?: string;
  data?: Record<string, unknown> | null;
  headers?: Record<string, string>;
};

/** An SC client that answers each path from a script (providers.md §1.2 wrappers), recording calls. */
function scriptedChannel(script: Record<string, Reply[]>) {
  const calls: { path: string; body: unknown; headers: Record<string, string> }[] = [];
  const factory: ScClientFactory = () => ({
    call(path, body, opts) {
      calls.push({ path, body, headers: opts?.headers ?? {} });
      const reply = script[path]?.shift();
      if (!reply) throw new Error(`no scripted reply for ${path}`);
      const code = reply.code ?? '2000';
      return Promise.resolve({
        status: reply.status ?? 200,
        encrypted: true,
        headers: new Headers(reply.headers),
        body: {
          version: '2.0.0',
          timestamp: 0,
          success: code === '2000',
          code,
          message: reply.message ?? 'SUCCESS',
          data: reply.data ?? null,
        },
      });
    },
    close: () => Promise.resolve(),
    state: () => null,
  });
  return { factory, calls };
}

const P = '/web/v1/system/auth';
const tokens = {
  accessToken: 'eyJ.access',
  refreshToken: 'refresh-1',
  expiresIn: 3600,
  accountStatus: null,
};
const initiateMfa = (methods: number[]) => ({
  data: {
    sessionId: 'login-1',
    mfaRequired: true,
    mfaMethods: methods,
    maskedEmail: 'a***n@slaunchx.test',
    expiresIn: 300,
  },
});
const profileFetch = () =>
  fakeFetch({
    'GET /web/v1/system/profile': () => ({
      body: {
        version: '2.0.0',
        timestamp: 0,
        success: true,
        code: '2000',
        message: 'SUCCESS',
        data: {
          accountId: 'ACC_1',
          email: 'admin@slaunchx.test',
          displayName: 'Admin',
          portal: 'system',
          mfaMethods: [],
          locale: 'en',
        },
      },
    }),
  });

function as<K extends FlowStep['step']>(step: FlowStep, kind: K): Extract<FlowStep, { step: K }> {
  expect(step.step).toBe(kind);
  if (step.step !== kind)
    throw new Error(`expected ${kind}, got ${step.step}: ${JSON.stringify(step)}`);
  return step as Extract<FlowStep, { step: K }>;
}

async function signIn(script: Record<string, Reply[]>, fetch = profileFetch()) {
  const channel = scriptedChannel(script);
  const adapter = createSlaunchxAdapter({
    fetch,
    createScClient: channel.factory,
    now: () => 1_000_000,
  });
  const first = as(await adapter.start(profile), 'credentials');
  const step = await adapter.advance(profile, first.state, {
    kind: 'credentials',
    identifier: ' admin@slaunchx.test ',
    password: 'Correct-Horse-42',
  });
  return { adapter, channel, step, fetch };
}

describe('SlaunchX flow', () => {
  it('offers the methods, takes an OTP and returns tokens with the profile identity', async () => {
    const { adapter, channel, step, fetch } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011001, 10011002, 10011005])],
      [`${P}/login/complete`]: [{ data: tokens }],
    });
    const choose = as(step, 'choose-method');
    expect(choose).toMatchObject({
      methods: ['EMAIL', 'OTP', 'BACKUP_CODE'],
      destination: 'a***n@slaunchx.test',
    });
    const code = as(
      await adapter.advance(profile, choose.state, { kind: 'choose-method', method: 'OTP' }),
      'code',
    );
    expect(code).toMatchObject({
      method: 'OTP',
      canResend: false,
      alternatives: ['EMAIL', 'BACKUP_CODE'],
    });
    const done = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: '123 456' }),
      'done',
    );
    expect(channel.calls.map((c) => c.body)).toEqual([
      { email: 'admin@slaunchx.test', password: 'Correct-Horse-42' },
      { sessionId: 'login-1', method: 10011002, code: '123456' },
    ]);
    expect(done.tokens).toEqual({
      family: 'slaunchx',
      accessToken: 'eyJ.access',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresAt: 1_000_000 + 3_600_000,
      obtainedAt: 1_000_000,
      account: {
        id: 'ACC_1',
        email: 'admin@slaunchx.test',
        displayName: 'Admin',
        login: 'admin@slaunchx.test',
      },
    });
    const profileCall = fetch.calls[0];
    expect(profileCall?.headers.get('authorization')).toBe('Bearer eyJ.access');
    expect(profileCall?.headers.get('x-portal-access-code')).toBe('demo-system-portal');
    expect(profileCall?.headers.get('cf-ipcountry')).toBe('XX');
  });

  it('with EMAIL as the only method asks to send, then takes the code, and can resend', async () => {
    const { adapter, channel, step } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011001])],
      [`${P}/login/mfa/send`]: [
        { data: { method: 10011001, expiresIn: 300, resendAfter: 60 } },
        { data: { method: 10011001, expiresIn: 300, resendAfter: 60 } },
      ],
    });
    const send = as(step, 'send-code');
    expect(send).toMatchObject({
      method: 'EMAIL',
      destination: 'a***n@slaunchx.test',
      alternatives: [],
    });
    const code = as(await adapter.advance(profile, send.state, { kind: 'send-code' }), 'code');
    expect(code).toMatchObject({
      method: 'EMAIL',
      canResend: true,
      expiresAt: 1_300_000,
      resendAt: 1_060_000,
    });
    as(await adapter.advance(profile, code.state, { kind: 'resend' }), 'code');
    expect(channel.calls.filter((c) => c.path.endsWith('/mfa/send')).map((c) => c.body)).toEqual([
      { sessionId: 'login-1', method: 10011001 },
      { sessionId: 'login-1', method: 10011001 },
    ]);
  });

  it('keeps the code step after a wrong code, with the provider message and the meaning', async () => {
    const { adapter, step } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011002])],
      [`${P}/login/complete`]: [
        {
          status: 401,
          code: 'AUTH.MFA_CODE_INVALID',
          message: 'The verification code is incorrect',
        },
      ],
    });
    const code = as(step, 'code');
    const again = as(
      await adapter.advance(profile, code.state, { kind: 'code', code: '000000' }),
      'code',
    );
    expect(again.state).toEqual(code.state);
    expect(again.error).toEqual({
      code: 'AUTH.MFA_CODE_INVALID',
      provider: 'slaunchx',
      httpStatus: 401,
      message: 'The verification code is incorrect',
      meaning: 'The verification code is incorrect.',
    });
  });

  it('reports a rate limit with its retry delay and keeps the step', async () => {
    const { adapter, step } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011002])],
      [`${P}/login/complete`]: [
        {
          status: 429,
          code: 'RATE_LIMITED',
          data: { retryAfter: 42 },
          headers: { 'Retry-After': '42' },
        },
      ],
    });
    const again = as(
      await adapter.advance(profile, as(step, 'code').state, { kind: 'code', code: '123456' }),
      'code',
    );
    expect(again.error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 42_000,
      httpStatus: 429,
    });
  });

  it('ends the flow when the login session is locked', async () => {
    const { adapter, step } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011002])],
      [`${P}/login/complete`]: [{ status: 401, code: 'AUTH.LOGIN_SESSION_LOCKED' }],
    });
    const end = as(
      await adapter.advance(profile, as(step, 'code').state, { kind: 'code', code: '123456' }),
      'error',
    );
    expect(end.error.code).toBe('AUTH.LOGIN_SESSION_LOCKED');
  });

  it('turns ACCOUNT_PENDING_APPROVAL into the pending-approval step', async () => {
    const { adapter, step } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011002])],
      [`${P}/login/complete`]: [
        {
          status: 403,
          code: 'ACCOUNT_PENDING_APPROVAL',
          message: 'Pending approval',
          data: { isPendingApproval: true },
        },
      ],
    });
    const pending = await adapter.advance(profile, as(step, 'code').state, {
      kind: 'code',
      code: '123456',
    });
    expect(pending).toEqual({ step: 'pending-approval', message: 'Pending approval' });
  });

  it('re-presents the credentials after a wrong password', async () => {
    const { step } = await signIn({
      [`${P}/login/initiate`]: [
        { status: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'Invalid credentials' },
      ],
    });
    expect(as(step, 'credentials').error).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      httpStatus: 401,
    });
  });

  it('refuses a method the server did not offer', async () => {
    const { adapter, step } = await signIn({
      [`${P}/login/initiate`]: [initiateMfa([10011001, 10011002])],
    });
    const choose = as(step, 'choose-method');
    const again = as(
      await adapter.advance(profile, choose.state, {
        kind: 'choose-method',
        method: 'BACKUP_CODE',
      }),
      'choose-method',
    );
    expect(again.error?.code).toBe('INPUT_INVALID');
  });

  it('keeps the tokens when the profile call fails after sign-in', async () => {
    const broken = fakeFetch({});
    const { step } = await signIn(
      { [`${P}/login/initiate`]: [{ data: { mfaRequired: false, ...tokens } }] },
      broken,
    );
    expect(as(step, 'done').tokens.account).toEqual({
      email: 'admin@slaunchx.test',
      login: 'admin@slaunchx.test',
    });
  });

  it('refreshes with the refresh token and logs out with the access token as Bearer', async () => {
    const channel = scriptedChannel({
      [`${P}/token/refresh`]: [
        { data: { ...tokens, accessToken: 'eyJ.next', refreshToken: 'refresh-2' } },
      ],
      [`${P}/logout`]: [{ data: null }],
    });
    const adapter = createSlaunchxAdapter({
      fetch: fakeFetch({}),
      createScClient: channel.factory,
      now: () => 5,
    });
    const old = {
      family: 'slaunchx' as const,
      accessToken: 'eyJ.access',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresAt: 0,
      obtainedAt: 0,
      account: { id: 'ACC_1' },
    };
    const next = await adapter.refresh(profile, old);
    expect(next).toMatchObject({
      accessToken: 'eyJ.next',
      refreshToken: 'refresh-2',
      expiresAt: 5 + 3_600_000,
      account: { id: 'ACC_1' },
    });
    await adapter.logout(profile, next);
    expect(channel.calls.map((c) => [c.path, c.body, c.headers['Authorization']])).toEqual([
      [`${P}/token/refresh`, { refreshToken: 'refresh-1' }, undefined],
      [`${P}/logout`, {}, 'Bearer eyJ.next'],
    ]);
  });
});
