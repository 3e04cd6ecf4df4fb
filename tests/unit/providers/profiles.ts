import type {
  CloudbaseProfile,
  IdaasProfile,
  KoodriveProfile,
  SlaunchxProfile,
} from '../../../src/providers/profile';

/** Profiles pointing at a fake host; ids and codes are the emulator's seed values (providers.md §7). */
const common = {
  baseUrl: 'http://fake.test',
  environment: 'test',
  clientHash: 'unit-test-client-hash',
} as const;

export const slaunchxProfile: SlaunchxProfile = {
  ...common,
  family: 'slaunchx',
  portal: 'system',
  accessCode: 'demo-system-portal',
};
export const idaasProfile: IdaasProfile = {
  ...common,
  family: 'idaas',
  clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4',
};
export const koodriveProfile: KoodriveProfile = {
  ...common,
  family: 'koodrive',
  agentName: 'authdeck',
};
export const cloudbaseProfile: CloudbaseProfile = { ...common, family: 'cloudbase' };
