/**
 * The sign-in part of the worker (issue 4), built over its stores: profiles, the flow engine,
 * sessions, and the hooks the worker's wiring (start.ts) connects to lock, unlock, alarms and
 * install. Everything it keeps between two events is in storage.
 */
import type { ScSessionState } from '../../secure-channel/session-state';
import type { AdapterRecorder } from '../inspector/adapter-recorder';
import type { StoredSession } from '../vault-contents';
import type { ValueStore, VaultService } from '../vault-service';
import { createClientHash } from './client-hash';
import { seedDevProfiles } from './dev-profiles';
import { createFlowEngine, type FlowEngineDeps } from './flow-engine';
import type { FlowRecord } from './flow-record';
import type { ProfileRecord } from './profile-rules';
import { createProfilesService } from './profiles-service';
import { createProviderAccess } from './provider-access';
import { createSessionsService, type RefreshAlarms } from './sessions-service';
import { createSigninHandlers } from './signin-handlers';

export interface SigninStores {
  profiles: ValueStore<ProfileRecord[]>;
  clientHash: ValueStore<string>;
  flow: ValueStore<FlowRecord>;
  sessionCache: ValueStore<Record<string, StoredSession>>;
  scStates: ValueStore<Record<string, ScSessionState>>;
}

export interface SigninDeps {
  vault: VaultService;
  stores: SigninStores;
  alarms: RefreshAlarms;
  fetch: typeof fetch;
  now: () => number;
  newId: () => string;
  /** Where a dev build keeps `dev-profiles.json`. */
  devProfilesUrl: string;
  randomBytes?: (length: number) => Uint8Array;
  /** Per provider request (default 25 s). */
  timeoutMs?: number;
  mailbox?: FlowEngineDeps['mailbox'];
  /** The inspector's request log recorder (issue 6); without it nothing is recorded. */
  recorder?: AdapterRecorder;
}

/** How long a lock waits for refreshes on the wire to store their rotated tokens. */
const LOCK_SETTLE_MS = 3_000;

export function createSignin(d: SigninDeps) {
  const { vault, stores } = d;
  const clientHash = createClientHash({ store: stores.clientHash, randomBytes: d.randomBytes });
  const profiles = createProfilesService({ store: stores.profiles, vault, newId: d.newId });
  const access = createProviderAccess({
    scStore: stores.scStates,
    fetch: d.fetch,
    now: d.now,
    timeoutMs: d.timeoutMs,
    isUnlocked: async () => (await vault.state()) === 'unlocked',
    recorder: d.recorder,
  });
  const sessions = createSessionsService({
    vault,
    cache: stores.sessionCache,
    alarms: d.alarms,
    profiles,
    clientHash,
    access,
    newId: d.newId,
  });
  const flows = createFlowEngine({
    store: stores.flow,
    vault,
    profiles,
    clientHash,
    sessions,
    access,
    newId: d.newId,
    mailbox: d.mailbox,
  });

  return {
    handlers: createSigninHandlers({ profiles, flows, sessions }),
    profiles,
    flows,
    sessions,
    clientHash,
    /** The adapters over the stored SC sessions (the inspector closes channels through it). */
    access,

    /** Before the vault key goes: refreshes on the wire may still store their new tokens. */
    beforeLock: () => sessions.settle(LOCK_SETTLE_MS),

    /** After the vault key went: every other secret in storage.session goes too. */
    clearSecrets: async () => {
      await Promise.all([sessions.clear(), flows.clear(), access.clear()]);
    },

    /** After unlock: sessions rebuilt, alarms re-armed, expired ones refreshed. */
    onUnlock: async () => {
      try {
        await sessions.onUnlock();
      } catch {
        // The vault is open whatever happens here; the next alarm or list tries again.
      }
    },

    /** A refresh alarm (others are ignored). */
    onAlarm: async (name: string) => {
      await sessions.onAlarm(name).catch(() => undefined); // the outcome is in `lastError`
    },

    /** runtime.onInstalled / onStartup. */
    seedDevProfiles: () => seedDevProfiles({ profiles, fetch: d.fetch, url: d.devProfilesUrl }),
  };
}

export type Signin = ReturnType<typeof createSignin>;
