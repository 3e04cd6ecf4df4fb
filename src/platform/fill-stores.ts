/**
 * Storage items of site binding and fill (issue 5). Which account is bound where lives in the
 * encrypted vault (StoredAccount.sites); storage.local keeps only the bound origins, without
 * labels or account ids, because the content-script registration must be rebuilt while the
 * vault is locked (a browser start). Recent fill attempts are session-only.
 */
import { storage } from 'wxt/utils/storage';
import type { FillActivityView, FillSettingsView } from '../messaging/fill-protocol';
import type { SiteBinding } from '../messaging/origin-match';

export const DEFAULT_FILL_SETTINGS: FillSettingsView = { allSites: false, sites: {} };

/** Every distinct binding of every account: origins and their base-domain flag only. */
export const boundSitesItem = storage.defineItem<SiteBinding[]>('local:fillBoundSites', {
  fallback: [],
});

export const fillSettingsItem = storage.defineItem<FillSettingsView>('local:fillSettings', {
  fallback: DEFAULT_FILL_SETTINGS,
});

/** Recent attempts per tab id, for the popup ("why did it not fill?"); trimmed on write. */
export const fillActivityItem = storage.defineItem<Record<string, FillActivityView[]>>(
  'session:fillActivity',
  { fallback: {} },
);
