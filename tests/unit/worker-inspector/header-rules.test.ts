/**
 * Header rules of test profiles. The browser side is `memoryRules()` (helpers.ts): an in-memory
 * session rule table and permission set behind the two functions the service is given, since
 * WXT's fake browser has no working declarativeNetRequest.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { headerRulesItem, profilesItem } from '../../../src/platform/stores';
import { buildHeaderRule } from '../../../src/worker/inspector/header-rules';
import { createHeaderRules } from '../../../src/worker/inspector/header-rules-service';
import type { ProfileRecord } from '../../../src/worker/signin/profile-rules';
import { countingBytes, memoryRules } from './helpers';

const slaunchx: ProfileRecord = {
  id: 'sx',
  name: 'SlaunchX local',
  family: 'slaunchx',
  baseUrl: 'http://127.0.0.1:8787',
  environment: 'test',
  identifier: 'admin@slaunchx.test',
  portal: 'system',
  accessCode: 'demo-system-portal',
  hasPassword: false,
};
const cloudbase: ProfileRecord = {
  id: 'cb',
  name: 'CloudBase staging',
  family: 'cloudbase',
  baseUrl: 'https://auth.staging.example/v1',
  environment: 'test',
  identifier: 'zhangsan',
  hasPassword: false,
};
const production: ProfileRecord = {
  ...slaunchx,
  id: 'prod',
  name: 'SlaunchX live',
  baseUrl: 'https://api.slaunchx.example',
  environment: 'production',
};

// countingBytes: 00 01 … 07 → the ray every rule in these tests carries.
const RAY = '0001020304050607-DEV';

describe('the header rule of a profile', () => {
  it('sets the Cloudflare headers and the portal code on page requests to the origin only', () => {
    expect(buildHeaderRule(slaunchx, 3, RAY)).toEqual({
      id: 3,
      priority: 1,
      action: {
        type: 'modifyHeaders',
        requestHeaders: [
          { header: 'CF-Connecting-IP', operation: 'set', value: '127.0.0.1' },
          { header: 'Cf-Ray', operation: 'set', value: RAY },
          { header: 'cf-ipcountry', operation: 'set', value: 'XX' },
          { header: 'X-PORTAL-ACCESS-CODE', operation: 'set', value: 'demo-system-portal' },
        ],
      },
      condition: {
        requestDomains: ['127.0.0.1'],
        urlFilter: '|http://127.0.0.1:8787/',
        resourceTypes: ['main_frame', 'sub_frame', 'xmlhttprequest', 'other'],
        excludedTabIds: [-1],
      },
    });
  });

  it('gives other families the Cloudflare headers only, on the origin of a base URL with a path', () => {
    const rule = buildHeaderRule(cloudbase, 1, RAY);
    expect(rule?.action.requestHeaders.map((h) => h.header)).toEqual([
      'CF-Connecting-IP',
      'Cf-Ray',
      'cf-ipcountry',
    ]);
    expect(rule?.condition).toMatchObject({
      requestDomains: ['auth.staging.example'],
      urlFilter: '|https://auth.staging.example/',
    });
  });

  it('is never built for a production profile', () => {
    expect(buildHeaderRule(production, 1, RAY)).toBeNull();
  });
});

describe('switching header rules', () => {
  let api: ReturnType<typeof memoryRules>;
  const service = () =>
    createHeaderRules({
      store: headerRulesItem,
      profiles: async () => profilesItem.getValue(),
      api,
      randomBytes: countingBytes,
    });

  beforeEach(async () => {
    fakeBrowser.reset();
    api = memoryRules();
    await profilesItem.setValue([slaunchx, cloudbase, production]);
  });

  it('lists test profiles only, off until switched on, with the permission each lacks', async () => {
    api.granted.add('http://127.0.0.1:8787/*');
    expect(await service().list()).toEqual([
      {
        profileId: 'sx',
        profileName: 'SlaunchX local',
        domain: '127.0.0.1',
        headers: ['CF-Connecting-IP', 'Cf-Ray', 'cf-ipcountry', 'X-PORTAL-ACCESS-CODE'],
        enabled: false,
        missingPermission: false,
      },
      {
        profileId: 'cb',
        profileName: 'CloudBase staging',
        domain: 'auth.staging.example',
        headers: ['CF-Connecting-IP', 'Cf-Ray', 'cf-ipcountry'],
        enabled: false,
        missingPermission: true,
      },
    ]);
    expect(api.updates).toBe(0);
  });

  it('switching on adds the session rule and keeps the choice in storage.local', async () => {
    const views = await service().set('sx', true);
    expect(views.find((v) => v.profileId === 'sx')?.enabled).toBe(true);
    expect([...api.rules.values()]).toEqual([buildHeaderRule(slaunchx, 1, RAY)]);
    expect(await fakeBrowser.storage.local.get('headerRules')).toEqual({
      headerRules: { sx: { enabled: true, ruleId: 1 } },
    });
    await service().set('cb', true);
    expect([...api.rules.keys()].sort()).toEqual([1, 2]);
  });

  it('switching off removes the rule and keeps the id for next time', async () => {
    await service().set('sx', true);
    await service().set('sx', false);
    expect(api.rules.size).toBe(0);
    await service().set('sx', true);
    expect([...api.rules.keys()]).toEqual([1]);
  });

  it('refuses production profiles and unknown ones', async () => {
    await expect(service().set('prod', true)).rejects.toMatchObject({
      code: 'HEADER_RULES_PRODUCTION',
    });
    await expect(service().set('nope', true)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    expect(api.rules.size).toBe(0);
    expect(await headerRulesItem.getValue()).toEqual({});
  });

  it('puts the rules back after the browser forgot its session rules', async () => {
    await service().set('sx', true);
    await service().set('cb', true);
    await service().set('cb', false);
    api.rules.clear(); // a browser restart: session rules are gone, storage.local is not
    await service().reapply();
    expect([...api.rules.values()]).toEqual([buildHeaderRule(slaunchx, 1, RAY)]);
  });

  it('drops the rule of a profile deleted or made production', async () => {
    await service().set('sx', true);
    await service().set('cb', true);
    await profilesItem.setValue([{ ...slaunchx, environment: 'production' }]);
    await service().reapply();
    expect(api.rules.size).toBe(0);
    expect(await headerRulesItem.getValue()).toEqual({});
  });

  it('reports a browser that refuses the rule and keeps the previous choice', async () => {
    api.broken = true;
    await expect(service().set('sx', true)).rejects.toMatchObject({
      code: 'HEADER_RULES_UNAVAILABLE',
    });
    expect(await headerRulesItem.getValue()).toEqual({});
    await expect(service().reapply()).resolves.toBeUndefined();
  });
});
