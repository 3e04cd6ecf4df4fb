/**
 * Every storage item Authdeck keeps, in one place (design.md "State"). storage.session is
 * memory-only and, in Chrome, readable by trusted extension contexts only — never by content
 * scripts — which is why the unlocked vault key may live there and nowhere else.
 */
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../messaging/protocol';
import type { ScSessionState } from '../secure-channel/session-state';
import type { StoredVault } from '../vault';
import type { HeaderRuleStates } from '../worker/inspector/header-rules-service';
import type { StoredRequestLog } from '../worker/inspector/request-log';
import type { FlowRecord } from '../worker/signin/flow-record';
import type { ProfileRecord } from '../worker/signin/profile-rules';
import type { StoredSession } from '../worker/vault-contents';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardClearSeconds: 30 };

export const vaultItem = storage.defineItem<StoredVault>('local:vault');

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

/** The vault key (b64) while unlocked. Removed by lock, auto-lock and browser close. */
export const vaultKeyItem = storage.defineItem<string>('session:vaultKey');

// Sign-in (issue 4). Profiles and the client hash are not secret; everything in
// storage.session below is, and a lock removes it (worker/signin/create-signin.ts).

/** Provider profiles without their passwords (those live in the vault). */
export const profilesItem = storage.defineItem<ProfileRecord[]>('local:profiles', {
  fallback: [],
});

/** This browser profile's X-Client-Hash: 32 hex characters, made once. */
export const clientHashItem = storage.defineItem<string>('local:clientHash');

/** The running sign-in flow, with the adapter's state. */
export const signinFlowItem = storage.defineItem<FlowRecord>('session:signinFlow');

/** Decrypted copy of the vault's sessions while unlocked. */
export const sessionCacheItem =
  storage.defineItem<Record<string, StoredSession>>('session:sessionCache');

/** Open SlaunchX secure-channel sessions, by channel (base URL, client hash, access code). */
export const scStatesItem = storage.defineItem<Record<string, ScSessionState>>('session:scStates');

// The auth inspector (issue 6).

/**
 * The worker's bounded log of its own provider requests, SCv2 plaintexts included: as secret as
 * the tokens it shows, so storage.session only, and a lock empties it.
 */
export const requestLogItem = storage.defineItem<StoredRequestLog>('session:requestLog');

/** Which test profiles have their header rule switched on, and the rule id each one uses. */
export const headerRulesItem = storage.defineItem<HeaderRuleStates>('local:headerRules', {
  fallback: {},
});
