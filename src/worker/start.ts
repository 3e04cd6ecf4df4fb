/**
 * Wires the worker's services to browser events. Every listener is registered synchronously,
 * before any await (style.md habit 2): a worker woken by an alarm or a message must find its
 * listener in place. No module global is trusted across a stop; state lives in storage.
 */
import { browser } from 'wxt/browser';
import { captureTabImage } from '../platform/capture';
import { clearClipboard } from '../platform/clipboard';
import { wireFill } from './fill/wire-fill';
import { createWorkerServices } from './services';
import { sessionIdOfAlarm } from './signin/refresh-schedule';

export const CLIPBOARD_ALARM = 'authdeck:clipboard-clear';

export function startWorker(): void {
  const { route, signin, autoLock, fill } = createWorkerServices({
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    // Called unbound: the global fetch refuses to run as a method of another object.
    fetch: (input, init) => fetch(input, init),
    alarms: browser.alarms,
    captureTab: captureTabImage,
    scheduleClipboardClear: async (seconds) => {
      await browser.alarms.create(CLIPBOARD_ALARM, { delayInMinutes: seconds / 60 });
    },
    devProfilesUrl: new URL('dev-profiles.json', browser.runtime.getURL('/')).href,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  wireFill(fill);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if ((message as { channel?: unknown } | null)?.channel !== 'authdeck/ui') return false;
    void route(message, sender).then(sendResponse);
    return true;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLIPBOARD_ALARM) void clearClipboard();
    else if (sessionIdOfAlarm(alarm.name) !== null) void signin.onAlarm(alarm.name);
    else void autoLock.onAlarm(alarm.name);
  });
  browser.idle.onStateChanged.addListener((state) => {
    void autoLock.onIdleState(state);
  });
  browser.runtime.onInstalled.addListener(() => {
    void signin.seedDevProfiles();
  });
  browser.runtime.onStartup.addListener(() => {
    void signin.seedDevProfiles();
  });
}
