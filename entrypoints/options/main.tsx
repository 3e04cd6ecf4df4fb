// Wiring only (style.md §1): the browser's messaging, i18n, clipboard, permissions, files and
// downloads into the options page.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createWorkerClient } from '../../src/messaging/client';
import { OptionsApp } from '../../src/ui/options/options-app';
import {
  createTextDownloader,
  decodeQrImage,
  readFileBytes,
  renderQrDataUrl,
} from '../../src/ui/transfer/browser-files';
import '../../src/ui/popup/popup.css';
import '../../src/ui/options/options.css';
import '../../src/ui/transfer/transfer.css';

// WXT narrows getMessage to the keys of en/messages.json; the UI passes keys as strings and the
// locale test (tests/unit/ui/locales.test.ts) checks every one exists.
const i18n: { getMessage(name: string, substitutions?: string[]): string } = browser.i18n;
const app = document.getElementById('app');
if (app !== null) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = `${i18n.getMessage('extName')} · ${i18n.getMessage('options_title')}`;
  render(
    <OptionsApp
      section={location.hash.slice(1)}
      deps={{
        send: createWorkerClient((message) => browser.runtime.sendMessage(message)),
        t: (key, substitutions) => i18n.getMessage(key, substitutions),
        now: () => Date.now(),
        copyText: (text) => navigator.clipboard.writeText(text),
        // No page to scan from here.
        activeTabId: () => Promise.resolve(null),
        // Called synchronously from the Save click (issue 4 §1): Chrome grants optional host
        // permissions only during a user gesture.
        requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
        readFile: readFileBytes,
        decodeQrImage: (file) => decodeQrImage(file),
        download: createTextDownloader(),
        renderQr: renderQrDataUrl,
      }}
    />,
    app,
  );
}
