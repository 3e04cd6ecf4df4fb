import { describe, expect, it } from 'vitest';
import { createCloudbaseAdapter } from '../../../src/providers/cloudbase';
import {
  parseFlowState,
  toViewStep,
  type FlowStep,
  type ProviderAdapter,
} from '../../../src/providers/flow';
import { createIdaasAdapter } from '../../../src/providers/idaas';
import { createKoodriveAdapter } from '../../../src/providers/koodrive';
import { parseProfile, type Profile, type ProviderFamily } from '../../../src/providers/profile';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import { fakeFetch } from './fake-fetch';
import { cloudbaseProfile, idaasProfile, koodriveProfile, slaunchxProfile } from './profiles';

const noNetwork: typeof fetch = () => Promise.reject(new Error('no network in this test'));

const ADAPTERS: { family: ProviderFamily; profile: Profile; adapter: ProviderAdapter }[] = [
  {
    family: 'slaunchx',
    profile: slaunchxProfile,
    adapter: createSlaunchxAdapter({ fetch: noNetwork }),
  },
  { family: 'idaas', profile: idaasProfile, adapter: createIdaasAdapter({ fetch: noNetwork }) },
  {
    family: 'koodrive',
    profile: koodriveProfile,
    adapter: createKoodriveAdapter({ fetch: noNetwork }),
  },
  {
    family: 'cloudbase',
    profile: cloudbaseProfile,
    adapter: createCloudbaseAdapter({ fetch: noNetwork }),
  },
];

function expectStep<K extends FlowStep['step']>(
  step: FlowStep,
  kind: K,
): Extract<FlowStep, { step: K }> {
  expect(step.step).toBe(kind);
  if (step.step !== kind) throw new Error(`expected ${kind}, got ${step.step}`);
  return step as Extract<FlowStep, { step: K }>;
}

describe('the first step of every family', () => {
  it.each([
    ['slaunchx', 'email', true, ['password']],
    ['idaas', 'email', false, ['code']],
    ['koodrive', 'account', true, ['password', 'code']],
    ['cloudbase', 'username', true, ['password', 'code']],
  ] as const)(
    '%s asks for %s (password: %s) without touching the network',
    async (family, identifier, password, modes) => {
      const { profile, adapter } = ADAPTERS.find((a) => a.family === family) ?? {};
      if (!profile || !adapter) throw new Error('missing adapter');
      const step = expectStep(await adapter.start(profile), 'credentials');
      expect(step).toMatchObject({ identifier, password, modes });
      expect(step.state).toMatchObject({ v: 1, family, step: 'credentials' });
    },
  );

  it('code mode asks only for where to send the code', async () => {
    const kd = expectStep(
      await createKoodriveAdapter({ fetch: noNetwork }).start(koodriveProfile, { mode: 'code' }),
      'credentials',
    );
    expect(kd).toMatchObject({ mode: 'code', password: false, identifier: 'account' });
    const cb = expectStep(
      await createCloudbaseAdapter({ fetch: noNetwork }).start(cloudbaseProfile, { mode: 'code' }),
      'credentials',
    );
    expect(cb).toMatchObject({ mode: 'code', password: false, identifier: 'email-or-phone' });
  });

  it.each(ADAPTERS)(
    'a production $family profile over http ends at once in INSECURE_URL',
    async ({ profile, adapter }) => {
      const production = { ...profile, environment: 'production' } as Profile;
      const step = expectStep(await adapter.start(production), 'error');
      expect(step.error.code).toBe('INSECURE_URL');
      await expect(
        adapter.refresh(production, {
          family: profile.family,
          accessToken: 'a',
          refreshToken: 'r',
          tokenType: 'Bearer',
          expiresAt: 0,
          obtainedAt: 0,
          account: {},
        }),
      ).rejects.toMatchObject({ code: 'INSECURE_URL' });
    },
  );

  it('a production profile over https may start', async () => {
    const production: Profile = {
      ...koodriveProfile,
      environment: 'production',
      baseUrl: 'https://api.example.com',
    };
    expectStep(await createKoodriveAdapter({ fetch: noNetwork }).start(production), 'credentials');
  });
});

describe('flow state', () => {
  it('survives a JSON round trip, as storage.session keeps it', async () => {
    const { profile, adapter } = ADAPTERS[2] ?? {};
    if (!profile || !adapter) throw new Error('missing adapter');
    const step = expectStep(await adapter.start(profile), 'credentials');
    expect(JSON.parse(JSON.stringify(step))).toEqual(step);
    expect(parseFlowState(JSON.parse(JSON.stringify(step.state)))).toEqual(step.state);
  });

  it('parseFlowState refuses what is not a flow state', () => {
    expect(parseFlowState(null)).toBeNull();
    expect(parseFlowState({ v: 2, family: 'idaas', step: 'code', data: {} })).toBeNull();
    expect(parseFlowState({ v: 1, family: 'nope', step: 'code', data: {} })).toBeNull();
    expect(parseFlowState({ v: 1, family: 'idaas', step: 'code', data: [] })).toBeNull();
  });

  it.each(ADAPTERS)(
    "the $family adapter given another family's state ends in FLOW_STATE_INVALID",
    async ({ profile, adapter }) => {
      const foreign: ProviderFamily = profile.family === 'idaas' ? 'koodrive' : 'idaas';
      const state = {
        v: 1 as const,
        family: foreign,
        step: 'code' as const,
        data: { account: 'x', expiresAt: 1 },
      };
      const step = expectStep(
        await adapter.advance(profile, state, { kind: 'code', code: '123456' }),
        'error',
      );
      expect(step.error.code).toBe('FLOW_STATE_INVALID');
    },
  );

  it('a state whose data lost its fields ends in FLOW_STATE_INVALID', async () => {
    const adapter = createKoodriveAdapter({ fetch: noNetwork });
    const state = {
      v: 1 as const,
      family: 'koodrive' as const,
      step: 'code' as const,
      data: { account: 7 },
    };
    const step = expectStep(
      await adapter.advance(koodriveProfile, state, { kind: 'code', code: '1' }),
      'error',
    );
    expect(step.error.code).toBe('FLOW_STATE_INVALID');
  });

  it('an input that does not fit the step re-presents the step with INPUT_INVALID', async () => {
    const adapter = createKoodriveAdapter({ fetch: noNetwork });
    const first = expectStep(await adapter.start(koodriveProfile), 'credentials');
    const again = expectStep(
      await adapter.advance(koodriveProfile, first.state, { kind: 'code', code: '123456' }),
      'credentials',
    );
    expect(again.error?.code).toBe('INPUT_INVALID');
    const noPassword = expectStep(
      await adapter.advance(koodriveProfile, first.state, { kind: 'credentials', identifier: 'x' }),
      'credentials',
    );
    expect(noPassword.error?.code).toBe('INPUT_INVALID');
  });

  it('toViewStep hides the state from the popup and keeps the rest', async () => {
    const step = expectStep(
      await createIdaasAdapter({ fetch: noNetwork }).start(idaasProfile),
      'credentials',
    );
    const view = toViewStep(step);
    expect(view).not.toHaveProperty('state');
    expect(view).toMatchObject({ step: 'credentials', identifier: 'email' });
  });

  it('a profile of the wrong family is a wiring bug and throws', async () => {
    await expect(createIdaasAdapter({ fetch: noNetwork }).start(koodriveProfile)).rejects.toThrow(
      TypeError,
    );
  });
});

describe('parseProfile', () => {
  it('accepts the fixtures and names what is wrong with a broken profile', () => {
    for (const { profile } of ADAPTERS)
      expect(parseProfile(profile)).toEqual({ ok: true, profile });
    const broken = parseProfile({ ...slaunchxProfile, clientHash: 'short', portal: 'admin' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toMatch(/clientHash|portal/);
  });
});

describe('Koodrive reads code as a string or a number', () => {
  const session = {
    accessToken: 'AT 3b91',
    expiresIn: 1800,
    issuedAt: '1772006999088',
    refreshToken: '0e0e',
  };
  const user = {
    userId: '1882575898755117312',
    firstname: 'firstname',
    surname: 'surname',
    phone: '0027188460911',
    email: '',
  };

  it.each([
    ['"0"', '0'],
    ['0', 0],
  ] as const)('code %s is success', async (_label, code) => {
    const fetch = fakeFetch({
      'POST /koodrive/ose/v1/auth/login': () => ({
        body: { code, msg: 'Success', data: { userInfo: user, sessionInfo: session } },
      }),
    });
    const adapter = createKoodriveAdapter({ fetch, now: () => 1_000 });
    const first = expectStep(await adapter.start(koodriveProfile), 'credentials');
    const done = expectStep(
      await adapter.advance(koodriveProfile, first.state, {
        kind: 'credentials',
        identifier: '0027188460911',
        password: 'pw',
      }),
      'done',
    );
    expect(done.tokens).toMatchObject({
      accessToken: 'AT 3b91',
      refreshToken: '0e0e',
      expiresAt: 1_000 + 1_800_000,
    });
    expect(done.tokens.account).toEqual({
      id: user.userId,
      login: '0027188460911',
      displayName: 'firstname surname',
      phone: user.phone,
    });
    expect(fetch.calls[0]?.body).toEqual({
      account: '0027188460911',
      authType: '1',
      password: 'pw',
    });
    expect(fetch.calls[0]?.headers.get('x-hw-agentName')).toBe('authdeck');
  });

  it.each([
    ['"10001"', '10001'],
    ['10001', 10001],
  ] as const)('error code %s becomes ProviderError code "10001"', async (_label, code) => {
    const fetch = fakeFetch({
      'POST /koodrive/ose/v1/auth/login': () => ({
        body: { code, msg: 'Account or password error' },
      }),
    });
    const adapter = createKoodriveAdapter({ fetch });
    const first = expectStep(await adapter.start(koodriveProfile), 'credentials');
    const again = expectStep(
      await adapter.advance(koodriveProfile, first.state, {
        kind: 'credentials',
        identifier: 'a',
        password: 'b',
      }),
      'credentials',
    );
    expect(again.error).toMatchObject({
      code: '10001',
      message: 'Account or password error',
      meaning: 'Wrong account or password.',
    });
  });
});
