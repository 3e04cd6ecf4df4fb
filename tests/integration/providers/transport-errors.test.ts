import { afterEach, describe, expect, it } from 'vitest';
import { createCloudbaseAdapter } from '../../../src/providers/cloudbase';
import type { AdapterDeps, ProviderAdapter } from '../../../src/providers/flow';
import { createIdaasAdapter } from '../../../src/providers/idaas';
import { createKoodriveAdapter } from '../../../src/providers/koodrive';
import type { Profile } from '../../../src/providers/profile';
import { createSlaunchxAdapter } from '../../../src/providers/slaunchx';
import { as, tinyServer, type TinyServer } from './harness';

/** Each family with a profile for a base URL and the credentials its first network step takes. */
const FAMILIES: {
  family: Profile['family'];
  make: (deps: AdapterDeps) => ProviderAdapter;
  profile: (baseUrl: string) => Profile;
  input: { identifier: string; password?: string };
}[] = [
  {
    family: 'slaunchx',
    make: createSlaunchxAdapter,
    profile: (baseUrl) => ({
      family: 'slaunchx',
      baseUrl,
      environment: 'test',
      clientHash: 'it-transport-hash',
      portal: 'system',
      accessCode: 'demo-system-portal',
    }),
    input: { identifier: 'admin@slaunchx.test', password: 'Correct-Horse-42' },
  },
  {
    family: 'idaas',
    make: createIdaasAdapter,
    profile: (baseUrl) => ({
      family: 'idaas',
      baseUrl,
      environment: 'test',
      clientHash: 'it-transport-hash',
      clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4',
    }),
    input: { identifier: 'zhangsan@qq.com' },
  },
  {
    family: 'koodrive',
    make: createKoodriveAdapter,
    profile: (baseUrl) => ({
      family: 'koodrive',
      baseUrl,
      environment: 'test',
      clientHash: 'it-transport-hash',
      agentName: 'it',
    }),
    input: { identifier: '0027188460911', password: '123qweASD143' },
  },
  {
    family: 'cloudbase',
    make: createCloudbaseAdapter,
    profile: (baseUrl) => ({
      family: 'cloudbase',
      baseUrl,
      environment: 'test',
      clientHash: 'it-transport-hash',
    }),
    input: { identifier: 'zhangsan', password: 'example password' },
  },
];

/** What a misbehaving server sends back. */
const MISBEHAVIOUR: Record<string, (res: import('node:http').ServerResponse) => void> = {
  'answers an HTML error page': (res) => {
    res
      .writeHead(502, { 'content-type': 'text/html' })
      .end('<html><h1>502 Bad Gateway</h1></html>');
  },
  'answers non-JSON under a JSON content type': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"success": tru');
  },
  'answers JSON that is not the provider\u2019s shape': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1,"data":"yes"}');
  },
};

let server: TinyServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function firstStep(
  f: (typeof FAMILIES)[number],
  baseUrl: string,
  deps: Partial<AdapterDeps> = {},
) {
  const adapter = f.make({ fetch, ...deps });
  const profile = f.profile(baseUrl);
  const first = as(await adapter.start(profile), 'credentials');
  return adapter.advance(profile, first.state, { kind: 'credentials', ...f.input });
}

describe.each(FAMILIES)('$family over a real socket', (f) => {
  for (const [what, answer] of Object.entries(MISBEHAVIOUR)) {
    it(`a server that ${what} gives RESPONSE_INVALID`, async () => {
      server = await tinyServer((_req, res) => {
        answer(res);
      });
      const step = as(await firstStep(f, server.url), 'credentials');
      expect(step.error).toMatchObject({ code: 'RESPONSE_INVALID', provider: f.family });
    });
  }

  it('a server that never answers gives TIMEOUT after the adapter\u2019s timeout', async () => {
    let seen = 0;
    server = await tinyServer(() => {
      seen++; // hold the request open: no answer, ever
    });
    const started = Date.now();
    const step = as(await firstStep(f, server.url, { timeoutMs: 300 }), 'credentials');
    expect(step.error).toMatchObject({ code: 'TIMEOUT', provider: f.family });
    expect(seen).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a closed port gives NETWORK', async () => {
    const closed = await tinyServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const step = as(await firstStep(f, url), 'credentials');
    expect(step.error).toMatchObject({ code: 'NETWORK', provider: f.family });
  });
});
