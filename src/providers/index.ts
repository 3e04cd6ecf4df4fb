/** The providers module's public surface: one adapter per family behind the flow interface. */
import { createCloudbaseAdapter } from './cloudbase';
import type { ProviderAdapter } from './flow';
import { createIdaasAdapter } from './idaas';
import { createKoodriveAdapter } from './koodrive';
import type { ProviderFamily } from './profile';
import { createSlaunchxAdapter, type SlaunchxAdapter, type SlaunchxDeps } from './slaunchx';

export * from './flow';
export * from './profile';
export * from './errors';
export { CATALOGUES, CLIENT_CODES, describeCode, type Catalogue } from './catalogue';
export { readLatestCode, findCode, MailboxError, type ReadCodeOptions } from './mailbox';
export { createSlaunchxAdapter, type SlaunchxAdapter, type SlaunchxDeps } from './slaunchx';
export type { ScClient, ScClientFactory, ScClientOptions, ScStateStore } from './slaunchx-api';
export { createIdaasAdapter } from './idaas';
export { createKoodriveAdapter } from './koodrive';
export { createCloudbaseAdapter } from './cloudbase';

export type ProviderAdapters = Readonly<Record<ProviderFamily, ProviderAdapter>> & {
  slaunchx: SlaunchxAdapter;
};

/** All four adapters over the same dependencies (the worker's wiring). */
export function createProviderAdapters(deps: SlaunchxDeps): ProviderAdapters {
  return {
    slaunchx: createSlaunchxAdapter(deps),
    idaas: createIdaasAdapter(deps),
    koodrive: createKoodriveAdapter(deps),
    cloudbase: createCloudbaseAdapter(deps),
  };
}
