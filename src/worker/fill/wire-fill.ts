/**
 * Fill's browser events, registered synchronously by worker/start.ts (style.md habit 2):
 * content messages, the `fill-otp` keyboard command, the context-menu item, and the permission
 * and install events after which the watcher's registration is rebuilt. A command or menu
 * click grants activeTab for the tab it came from: that is the trusted gesture.
 */
import { browser, type Browser } from 'wxt/browser';
import { CONTENT_CHANNEL } from '../../messaging/content-channel';
import type { FillOutcomeView } from '../../messaging/fill-protocol';
import type { Fill } from './create-fill';

export const FILL_COMMAND = 'fill-otp';
export const FILL_MENU_ID = 'authdeck-fill-otp';

/** A refusal leaves a mark on the toolbar button of that tab; a fill clears it. */
async function showOutcome(tabId: number, outcome: FillOutcomeView | null): Promise<void> {
  const text = outcome?.status === 'filled' ? '' : '!';
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setTitle({
    tabId,
    title: outcome === null || outcome.status === 'filled' ? '' : `Authdeck: ${outcome.message}`,
  });
}

function fillFromGesture(
  fill: Fill,
  tab: Browser.tabs.Tab | undefined,
  source: 'command' | 'menu',
) {
  const tabId = tab?.id;
  if (tabId === undefined) return;
  void fill.service
    .fillActive(tabId, source)
    .then(
      (outcome) => showOutcome(tabId, outcome),
      (error: unknown) =>
        showOutcome(tabId, {
          status: 'refused',
          code: 'error',
          message: error instanceof Error ? error.message : 'fill failed',
        }),
    )
    .catch(() => undefined);
}

function createMenu(title: string): void {
  // Re-created on install and update; removeAll first so a second call cannot duplicate it.
  void browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({ id: FILL_MENU_ID, title, contexts: ['editable'] });
    })
    .catch(() => undefined);
}

/**
 * Firefox for Android has neither commands nor context menus, and test doubles of the browser
 * may lack an event: a missing one leaves that gesture out instead of stopping the worker.
 */
function listen(register: () => void): void {
  try {
    register();
  } catch {
    // The event does not exist here; the other gestures still work.
  }
}

export function wireFill(fill: Fill): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if ((message as { channel?: unknown } | null)?.channel !== CONTENT_CHANNEL) return false;
    void fill.contentRoute(message, sender).then(sendResponse);
    return true;
  });
  listen(() => {
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === FILL_COMMAND) fillFromGesture(fill, tab, 'command');
    });
  });
  listen(() => {
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === FILL_MENU_ID) fillFromGesture(fill, tab, 'menu');
    });
  });
  const resync = () => void fill.registration.sync().catch(() => undefined);
  listen(() => {
    browser.permissions.onAdded.addListener(resync);
    browser.permissions.onRemoved.addListener(resync);
  });
  browser.runtime.onInstalled.addListener(() => {
    listen(() => {
      createMenu(browser.i18n.getMessage('list_fill_menu'));
    });
    resync();
  });
  browser.runtime.onStartup.addListener(resync);
}
