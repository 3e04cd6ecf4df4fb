/**
 * Every storage item Authdeck keeps, in one place (design.md "State"). storage.session is
 * memory-only and, in Chrome, readable by trusted extension contexts only — never by content
 * scripts — which is why the unlocked vault key may live there and nowhere else.
 */
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../messaging/protocol';
import type { StoredVault } from '../vault';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardClearSeconds: 30 };

export const vaultItem = storage.defineItem<StoredVault>('local:vault');

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

/** The vault key (b64) while unlocked. Removed by lock, auto-lock and browser close. */
export const vaultKeyItem = storage.defineItem<string>('session:vaultKey');
