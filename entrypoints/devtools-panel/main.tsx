// Wiring only (style.md §1): the browser's messaging, i18n, clipboard, downloads and, inside
// DevTools, the inspected page's network into the panel. Opened as a tab (no devtools API),
// the panel follows the extension's own log only.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createWorkerClient } from '../../src/messaging/client';
import { DevtoolsApp } from '../../src/ui/devtools/devtools-app';
import { createPanelCopy } from '../../src/ui/devtools/copy-text';
import { createDevtoolsNetworkSource } from '../../src/ui/devtools/network-source';
import { createTextDownloader } from '../../src/ui/transfer/browser-files';
import '../../src/ui/popup/popup.css';
import '../../src/ui/devtools/devtools.css';

// WXT narrows getMessage to the keys of en/messages.json; the UI passes keys as strings and the
// locale test (tests/unit/ui/locales.test.ts) checks every one exists.
const i18n: { getMessage(name: string, substitutions?: string[]): string } = browser.i18n;
// Typed as always present, but only DevTools pages have it.
const devtools = (browser as { devtools?: typeof browser.devtools }).devtools;
const app = document.getElementById('app');
if (app !== null) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(
    <DevtoolsApp
      deps={{
        send: createWorkerClient((message) => browser.runtime.sendMessage(message)),
        t: (key, substitutions) => i18n.getMessage(key, substitutions),
        now: () => Date.now(),
        copyText: createPanelCopy(),
        activeTabId: () => Promise.resolve(null),
        network: devtools === undefined ? null : createDevtoolsNetworkSource(devtools.network),
        download: createTextDownloader(),
      }}
    />,
    app,
  );
}
