/**
 * Test profiles for every emulator seed account (providers.md §7), written as
 * `dev-profiles.json` into a build by `npm start` and the end-to-end tests. The worker adds
 * them on install; a normal build has no such file.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProfileInput } from '../src/messaging/signin-protocol';

export function devProfiles(authUrl: string, mailboxUrl: string): ProfileInput[] {
  const test = { baseUrl: authUrl, environment: 'test' as const, mailboxUrl };
  const slaunchx = (portal: 'system' | 'consumer') => ({
    ...test,
    family: 'slaunchx' as const,
    portal,
    accessCode: portal === 'system' ? 'demo-system-portal' : 'demo-consumer-portal',
  });
  return [
    {
      id: 'dev-slx-admin',
      name: 'SlaunchX system · admin',
      identifier: 'admin@slaunchx.test',
      ...slaunchx('system'),
    },
    {
      id: 'dev-slx-pending',
      name: 'SlaunchX system · pending approval',
      identifier: 'pending@slaunchx.test',
      ...slaunchx('system'),
    },
    {
      id: 'dev-slx-user',
      name: 'SlaunchX consumer · e-mail code',
      identifier: 'user@slaunchx.test',
      ...slaunchx('consumer'),
    },
    {
      id: 'dev-slx-nomfa',
      name: 'SlaunchX consumer · no MFA',
      identifier: 'nomfa@slaunchx.test',
      ...slaunchx('consumer'),
    },
    {
      id: 'dev-idaas',
      name: 'IDaaS · e-mail code',
      identifier: 'zhangsan@qq.com',
      family: 'idaas',
      clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4',
      ...test,
    },
    {
      id: 'dev-koodrive',
      name: 'Koodrive',
      identifier: '0027188460911',
      family: 'koodrive',
      agentName: 'authdeck-dev',
      ...test,
    },
    {
      id: 'dev-cloudbase',
      name: 'CloudBase',
      identifier: 'zhangsan',
      family: 'cloudbase',
      ...test,
    },
  ];
}

export async function writeDevProfiles(
  buildDir: string,
  authUrl: string,
  mailboxUrl: string,
): Promise<void> {
  const body = JSON.stringify({ profiles: devProfiles(authUrl, mailboxUrl) }, null, 2);
  await writeFile(join(buildDir, 'dev-profiles.json'), `${body}\n`);
}
