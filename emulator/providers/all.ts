import type { ProviderPlugin } from '../context';
import { createCloudbasePlugin } from './cloudbase';
import { createIdaasPlugin } from './idaas';
import { createKoodrivePlugin } from './koodrive';
import { createSlaunchxPlugin } from './slaunchx/plugin';

/** The four API families of providers.md §1–§4, each with fresh state. */
export function createDefaultPlugins(): ProviderPlugin[] {
  return [
    createSlaunchxPlugin(),
    createIdaasPlugin(),
    createKoodrivePlugin(),
    createCloudbasePlugin(),
  ];
}
