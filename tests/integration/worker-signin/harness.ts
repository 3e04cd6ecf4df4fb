/**
 * The worker's sign-in services (fake browser storage, real clock, real fetch) against the real
 * emulator: profile builders for the §7 seed accounts, vault helpers, and a fetch that counts
 * what goes out.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expect } from 'vitest';
import type { FlowView, ProfileInput, ProfileView } from '../../../src/messaging/signin-protocol';
import { clientHashItem, profilesItem, sessionCacheItem } from '../../../src/platform/stores';
import { toAdapterProfile } from '../../../src/worker/signin/profile-rules';
import type { StoredSession } from '../../../src/worker/vault-contents';
import type { Profile } from '../../../src/providers/profile';
import {
  createWorkerFixture,
  type WorkerFixture,
  type WorkerFixtureOptions,
} from '../../unit/worker/worker-fixture';
import type { Emulator } from '../providers/harness';

export {
  as,
  resetEmulator,
  startTestEmulator,
  tinyServer,
  type Emulator,
} from '../providers/harness';

export const PASSWORD = 'Correct-Horse-42'; // providers.md §7
export const PASSPHRASE = 'correct horse battery';

/** Every URL fetched, in order. */
export interface CountingFetch {
  fetch: typeof fetch;
  urls: string[];
  count(suffix: string): number;
}

export function countingFetch(): CountingFetch {
  const urls: string[] = [];
  return {
    urls,
    fetch: (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
    count: (suffix) => urls.filter((u) => u.endsWith(suffix)).length,
  };
}

/** A worker over the fake browser with the real clock (SCv2 envelopes are checked against it). */
export async function unlockedWorker(
  options: WorkerFixtureOptions = {},
): Promise<{ w: WorkerFixture; net: CountingFetch }> {
  const net = countingFetch();
  const w = createWorkerFixture({
    now: () => Date.now(),
    fetch: net.fetch,
    mailbox: { intervalMs: 100 },
    ...options,
  });
  await w.value('vault/create', { passphrase: PASSPHRASE });
  return { w, net };
}

export function slaunchxInput(
  emu: Emulator,
  identifier: string,
  extra: Partial<ProfileInput> = {},
): ProfileInput {
  const portal =
    extra.portal ??
    (identifier.startsWith('user') || identifier.startsWith('nomfa') ? 'consumer' : 'system');
  return {
    name: `SlaunchX ${identifier}`,
    family: 'slaunchx',
    baseUrl: emu.url,
    environment: 'test',
    identifier,
    portal,
    accessCode: portal === 'system' ? 'demo-system-portal' : 'demo-consumer-portal',
    ...extra,
  };
}

export async function saveProfile(
  w: WorkerFixture,
  profile: ProfileInput,
  password?: string,
): Promise<ProfileView> {
  return w.value('profiles/save', { profile, ...(password === undefined ? {} : { password }) });
}

/** The emulator's TOTP secret for a seed account, as a vault account; returns its id. */
export async function addEmulatorTotp(w: WorkerFixture, emu: Emulator, account: string) {
  const res = await fetch(`${emu.url}/__emulator/accounts/slaunchx/${account}/totp`);
  const { secret } = (await res.json()) as { secret: string };
  const view = await w.value('accounts/add-manual', {
    type: 'totp',
    issuer: 'SlaunchX',
    label: account,
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  });
  return view.id;
}

/** An account without TOTP (HOTP) holding only backup codes: the BACKUP_CODE path. */
export async function addBackupOnlyAccount(w: WorkerFixture, codes: string[]) {
  const view = await w.value('accounts/add-manual', {
    type: 'hotp',
    issuer: 'SlaunchX backup',
    label: 'admin',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  });
  await w.value('backup/add', { id: view.id, text: codes.join('\n') });
  return view.id;
}

export function expectStep<K extends FlowView['step']['step']>(
  flow: FlowView,
  kind: K,
): Extract<FlowView['step'], { step: K }> {
  if (flow.step.step !== kind) {
    expect.fail(`expected step ${kind}, got ${JSON.stringify(flow.step, null, 1)}`);
  }
  return flow.step as Extract<FlowView['step'], { step: K }>;
}

/** The decrypted session copy, as a test peeking into storage.session sees it. */
export async function cachedSession(id: string): Promise<StoredSession> {
  const session = (await sessionCacheItem.getValue())?.[id];
  if (!session) return expect.fail(`no cached session ${id}`);
  return session;
}

/** The adapters' profile the worker uses for a stored profile (same client hash). */
export async function adapterProfileOf(profileId: string): Promise<Profile> {
  const record = (await profilesItem.getValue()).find((p) => p.id === profileId);
  const hash = await clientHashItem.getValue();
  if (!record || hash === null) return expect.fail('profile or client hash missing');
  return toAdapterProfile(record, hash);
}

/** Everything storage.local holds, as text: what must never contain a password or token. */
export const localDump = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

/** Profiles, accounts and backup codes as the UI sees them: compared before and after. */
export async function storedState(w: WorkerFixture) {
  const accounts = await w.value('accounts/list', {});
  const backups = await Promise.all(accounts.map((a) => w.value('backup/list', { id: a.id })));
  return { profiles: await w.value('profiles/list', {}), accounts, backups };
}
