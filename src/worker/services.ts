/**
 * Every worker service, built from its environment. `start.ts` calls it with the browser's
 * clock, fetch and alarms; tests call it with their own, so what they test is the wiring that
 * ships. Built anew on every worker start: nothing here outlives a stop but what storage holds.
 */
import type { UiToWorkerType } from '../messaging/protocol';
import { createUiRouter, type UiHandlers } from '../messaging/router';
import { browserFillApi } from '../platform/fill-api';
import { boundSitesItem, fillActivityItem, fillSettingsItem } from '../platform/fill-stores';
import { browserHeaderRulesApi } from '../platform/header-rules-api';
import {
  clientHashItem,
  headerRulesItem,
  profilesItem,
  requestLogItem,
  scStatesItem,
  sessionCacheItem,
  settingsItem,
  signinFlowItem,
  vaultItem,
  vaultKeyItem,
} from '../platform/stores';
import { pendingImportItem } from '../platform/transfer-stores';
import type { VaultOptions } from '../vault';
import { createAccountsService } from './accounts-service';
import { createAutoLock, type AlarmsLike } from './auto-lock';
import { createFill, type FillApi } from './fill/create-fill';
import { createUiHandlers } from './handlers';
import { createInspector } from './inspector/create-inspector';
import type { HeaderRulesApi } from './inspector/header-rules-service';
import type { RgbaImage } from './qr';
import { createSignin, type SigninDeps } from './signin/create-signin';
import { createTransferHandlers } from './transfer-handlers';
import { createTransferService } from './transfer-service';
import { createVaultService } from './vault-service';

export interface WorkerEnv {
  now: () => number;
  newId: () => string;
  fetch: typeof fetch;
  alarms: AlarmsLike & SigninDeps['alarms'];
  captureTab: (tabId: number) => Promise<RgbaImage>;
  scheduleClipboardClear: (seconds: number) => Promise<void>;
  devProfilesUrl: string;
  extensionId: string;
  extensionOrigin: string;
  vaultOptions?: VaultOptions;
  timeoutMs?: number;
  mailbox?: SigninDeps['mailbox'];
  backupKdf?: { logN: number; r: number; p: number };
  /** declarativeNetRequest session rules and the permission check; the browser's by default. */
  headerRulesApi?: HeaderRulesApi;
  /** Tabs, page injection and content-script registration for fill; the browser's by default. */
  fillApi?: FillApi;
}

export function createWorkerServices(env: WorkerEnv) {
  const { now, newId } = env;
  const vault = createVaultService({
    vaultStore: vaultItem,
    keyStore: vaultKeyItem,
    ...(env.vaultOptions ? { vaultOptions: env.vaultOptions } : {}),
  });
  const accounts = createAccountsService({ vault, now, newId });
  const fill = createFill({
    vault,
    accounts,
    stores: {
      boundSites: boundSitesItem,
      settings: fillSettingsItem,
      activity: fillActivityItem,
    },
    api: env.fillApi ?? browserFillApi,
    now,
    extensionId: env.extensionId,
    extensionOrigin: env.extensionOrigin,
  });
  const inspector = createInspector({
    vault,
    stores: {
      requestLog: requestLogItem,
      headerRules: headerRulesItem,
      profiles: profilesItem,
      flow: signinFlowItem,
      sessions: sessionCacheItem,
    },
    now,
    rulesApi: env.headerRulesApi ?? browserHeaderRulesApi,
  });
  const signin = createSignin({
    vault,
    stores: {
      profiles: profilesItem,
      clientHash: clientHashItem,
      flow: signinFlowItem,
      sessionCache: sessionCacheItem,
      scStates: scStatesItem,
    },
    alarms: env.alarms,
    fetch: env.fetch,
    now,
    newId,
    devProfilesUrl: env.devProfilesUrl,
    timeoutMs: env.timeoutMs,
    mailbox: env.mailbox,
    recorder: inspector.recorder,
  });
  const transfer = createTransferService({
    vault,
    pendingStore: pendingImportItem,
    now,
    newId,
    ...(env.backupKdf ? { backupKdf: env.backupKdf } : {}),
  });
  const autoLock = createAutoLock({
    alarms: env.alarms,
    settings: () => settingsItem.getValue(),
    // Manual lock, idle and screen lock all come here: the key first, then every other secret.
    lock: async () => {
      await signin.beforeLock();
      await vault.lock();
      // The request log holds passwords and tokens in its SCv2 plaintexts: it goes with them.
      await Promise.all([signin.clearSecrets(), inspector.log.erase()]);
      await transfer.clear();
    },
    now,
  });
  const handlers: UiHandlers = {
    ...createUiHandlers({
      vault,
      accounts,
      autoLock,
      settings: settingsItem,
      captureTab: env.captureTab,
      scheduleClipboardClear: env.scheduleClipboardClear,
      onUnlock: async () => {
        await signin.onUnlock();
        // Bindings changed by another copy of the vault (an import) reach the origin list.
        await fill.bindings.resync();
      },
    }),
    ...createTransferHandlers(transfer, env.captureTab),
    ...signin.handlers,
    ...inspector.handlers(signin),
    ...fill.handlers,
  };
  const deleteAccount = handlers['accounts/delete'];
  // A deleted account's bindings leave the stored origin list with it.
  handlers['accounts/delete'] = async (payload) => {
    const result = await deleteAccount(payload);
    await fill.bindings.resync();
    return result;
  };
  const route = createUiRouter(handlers, {
    extensionId: env.extensionId,
    extensionOrigin: env.extensionOrigin,
    onActivity: (type: UiToWorkerType) => {
      if (type !== 'vault/lock' && type !== 'vault/status') void autoLock.touch();
    },
  });
  // Session rules vanish with the browser session: every worker start puts them back, and a
  // profile edit (new origin, made production, deleted) reshapes them.
  void inspector.headerRules.reapply();
  profilesItem.watch(() => void inspector.headerRules.reapply());
  return { vault, accounts, signin, transfer, autoLock, inspector, fill, route };
}

export type WorkerServices = ReturnType<typeof createWorkerServices>;
