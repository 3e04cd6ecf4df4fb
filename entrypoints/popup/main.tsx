// Wiring only (style.md §1): the browser's messaging, i18n, clipboard, tabs and options page
// into the popup.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createWorkerClient } from '../../src/messaging/client';
import { PopupApp } from '../../src/ui/popup/popup-app';
import '../../src/ui/popup/popup.css';
import '../../src/ui/transfer/transfer.css';

// WXT narrows getMessage to the keys of en/messages.json; the UI passes keys as strings and the
// locale test (tests/unit/ui/locales.test.ts) checks every one exists.
const i18n: { getMessage(name: string, substitutions?: string[]): string } = browser.i18n;
const app = document.getElementById('app');
if (app !== null) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(
    <PopupApp
      deps={{
        send: createWorkerClient((message) => browser.runtime.sendMessage(message)),
        t: (key, substitutions) => i18n.getMessage(key, substitutions),
        now: () => Date.now(),
        copyText: (text) => navigator.clipboard.writeText(text),
        activeTabId: async () =>
          (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
        requestSiteAccess: (patterns) => browser.permissions.request({ origins: patterns }),
        // openOptionsPage takes no hash: a section (`#transfer`) opens as a tab of its own.
        openOptions: async (section) => {
          if (section === undefined) return browser.runtime.openOptionsPage();
          await browser.tabs.create({
            url: `${browser.runtime.getURL('/options.html')}#${section}`,
          });
        },
      }}
    />,
    app,
  );
}
