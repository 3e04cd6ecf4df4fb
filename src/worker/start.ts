/**
 * Wires the worker's services to browser events. Every listener is registered synchronously,
 * before any await (style.md habit 2): a worker woken by an alarm or a message must find its
 * listener in place. No module global is trusted across a stop; state lives in storage.
 */
import { browser } from 'wxt/browser';
import { createUiRouter } from '../messaging/router';
import { captureTabImage } from '../platform/capture';
import { clearClipboard } from '../platform/clipboard';
import { settingsItem, vaultItem, vaultKeyItem } from '../platform/stores';
import { createAccountsService } from './accounts-service';
import { createAutoLock } from './auto-lock';
import { createUiHandlers } from './handlers';
import { createVaultService } from './vault-service';

export const CLIPBOARD_ALARM = 'authdeck:clipboard-clear';

export function startWorker(): void {
  const now = () => Date.now();
  const vault = createVaultService({ vaultStore: vaultItem, keyStore: vaultKeyItem });
  const accounts = createAccountsService({ vault, now, newId: () => crypto.randomUUID() });
  const autoLock = createAutoLock({
    alarms: browser.alarms,
    settings: () => settingsItem.getValue(),
    lock: () => vault.lock(),
    now,
  });
  const handlers = createUiHandlers({
    vault,
    accounts,
    autoLock,
    settings: settingsItem,
    captureTab: captureTabImage,
    scheduleClipboardClear: async (seconds) => {
      await browser.alarms.create(CLIPBOARD_ALARM, { delayInMinutes: seconds / 60 });
    },
  });
  const route = createUiRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    onActivity: (type) => {
      if (type !== 'vault/lock' && type !== 'vault/status') void autoLock.touch();
    },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if ((message as { channel?: unknown } | null)?.channel !== 'authdeck/ui') return false;
    void route(message, sender).then(sendResponse);
    return true;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLIPBOARD_ALARM) void clearClipboard();
    else void autoLock.onAlarm(alarm.name);
  });
  browser.idle.onStateChanged.addListener((state) => {
    void autoLock.onIdleState(state);
  });
}
