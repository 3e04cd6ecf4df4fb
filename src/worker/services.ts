/**
 * Every worker service, built from its environment. `start.ts` calls it with the browser's
 * clock, fetch and alarms; tests call it with their own, so what they test is the wiring that
 * ships. Built anew on every worker start: nothing here outlives a stop but what storage holds.
 */
import type { UiToWorkerType } from '../messaging/protocol';
import { createUiRouter, type UiHandlers } from '../messaging/router';
import {
  clientHashItem,
  profilesItem,
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
import { createUiHandlers } from './handlers';
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
}

export function createWorkerServices(env: WorkerEnv) {
  const { now, newId } = env;
  const vault = createVaultService({
    vaultStore: vaultItem,
    keyStore: vaultKeyItem,
    ...(env.vaultOptions ? { vaultOptions: env.vaultOptions } : {}),
  });
  const accounts = createAccountsService({ vault, now, newId });
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
      await signin.clearSecrets();
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
      onUnlock: signin.onUnlock,
    }),
    ...createTransferHandlers(transfer, env.captureTab),
    ...signin.handlers,
  };
  const route = createUiRouter(handlers, {
    extensionId: env.extensionId,
    extensionOrigin: env.extensionOrigin,
    onActivity: (type: UiToWorkerType) => {
      if (type !== 'vault/lock' && type !== 'vault/status') void autoLock.touch();
    },
  });
  return { vault, accounts, signin, transfer, autoLock, route };
}

export type WorkerServices = ReturnType<typeof createWorkerServices>;
