import { describe, expect, it } from 'vitest';
import { createCloudbaseAdapter } from '../../../src/providers/cloudbase';
import { ProviderError } from '../../../src/providers/errors';
import type { FlowStep, ProviderAdapter, Tokens } from '../../../src/providers/flow';
import { createIdaasAdapter } from '../../../src/providers/idaas';
import { createKoodriveAdapter } from '../../../src/providers/koodrive';
import type { Profile } from '../../../src/providers/profile';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import { cloudbaseProfile, idaasProfile, koodriveProfile, slaunchxProfile } from './profiles';

/** Answers that break the documented contract in each way a server can. */
const GARBAGE: Record<string, () => Response> = {
  'an HTML page': () =>
    new Response('<html><body>Bad gateway</body></html>', {
      status: 502,
      headers: { 'content-type': 'text/html' },
    }),
  'JSON content type with a non-JSON body': () =>
    new Response('{"code": "0", oops', { headers: { 'content-type': 'application/json' } }),
  'no content type': () => new Response(null, { status: 200 }),
  'JSON of the wrong shape': () =>
    new Response(JSON.stringify({ hello: 'world', data: [1, 2, 3] }), {
      headers: { 'content-type': 'application/json' },
    }),
  'JSON with mistyped fields': () =>
    new Response(
      JSON.stringify({
        code: '0',
        success: true,
        data: { sessionInfo: { accessToken: 42 } },
        access_token: 7,
        captcha_id: null,
      }),
      { headers: { 'content-type': 'application/json' } },
    ),
};

const answerAll =
  (make: () => Response): typeof fetch =>
  () =>
    Promise.resolve(make());

interface Case {
  name: string;
  profile: Profile;
  make: (fetchImpl: typeof globalThis.fetch) => ProviderAdapter;
  credentials: { identifier: string; password?: string };
}

const CASES: Case[] = [
  {
    name: 'SlaunchX',
    profile: slaunchxProfile,
    make: (fetch) => createSlaunchxAdapter({ fetch }),
    credentials: { identifier: 'admin@slaunchx.test', password: 'Correct-Horse-42' },
  },
  {
    name: 'IDaaS',
    profile: idaasProfile,
    make: (fetch) => createIdaasAdapter({ fetch }),
    credentials: { identifier: 'zhangsan@qq.com' },
  },
  {
    name: 'Koodrive',
    profile: koodriveProfile,
    make: (fetch) => createKoodriveAdapter({ fetch }),
    credentials: { identifier: '0027188460911', password: '123qweASD143' },
  },
  {
    name: 'CloudBase',
    profile: cloudbaseProfile,
    make: (fetch) => createCloudbaseAdapter({ fetch }),
    credentials: { identifier: 'zhangsan', password: 'example password' },
  },
];

async function submitCredentials(c: Case, fetchImpl: typeof fetch): Promise<FlowStep> {
  const adapter = c.make(fetchImpl);
  const first = await adapter.start(c.profile);
  if (first.step !== 'credentials') throw new Error(`unexpected first step ${first.step}`);
  return adapter.advance(c.profile, first.state, { kind: 'credentials', ...c.credentials });
}

const someTokens = (family: Profile['family']): Tokens => ({
  family,
  accessToken: 'access',
  refreshToken: 'refresh',
  tokenType: 'Bearer',
  expiresAt: 0,
  obtainedAt: 0,
  account: {},
});

describe('responses that break the contract become RESPONSE_INVALID', () => {
  for (const c of CASES) {
    for (const [what, make] of Object.entries(GARBAGE)) {
      it(`${c.name}: ${what} re-presents the credentials step with RESPONSE_INVALID`, async () => {
        const step = await submitCredentials(c, answerAll(make));
        expect(step.step).toBe('credentials');
        if (step.step !== 'credentials') return;
        expect(step.error?.code).toBe('RESPONSE_INVALID');
        expect(step.error?.provider).toBe(c.profile.family);
      });
    }
  }

  for (const c of CASES) {
    it(`${c.name}: refresh rejects with a RESPONSE_INVALID ProviderError`, async () => {
      const adapter = c.make(
        answerAll(GARBAGE['JSON of the wrong shape'] ?? (() => new Response())),
      );
      const failure = await adapter
        .refresh(c.profile, someTokens(c.profile.family))
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ProviderError);
      expect(failure).toMatchObject({ code: 'RESPONSE_INVALID', provider: c.profile.family });
    });
  }
});
