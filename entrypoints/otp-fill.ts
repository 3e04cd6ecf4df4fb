// Wiring only (style.md §1): the detector and fill, injected by the worker with
// scripting.executeScript into one frame (worker/fill/page-injector.ts). Not a manifest
// content script: it runs only where the worker put it.
import { browser } from 'wxt/browser';
import { installPageApi } from '../src/content/page-api';
import { createPageSender } from '../src/content/page-sender';

export default defineUnlistedScript(() => {
  installPageApi(
    window,
    document,
    createPageSender((message) => browser.runtime.sendMessage(message)),
    browser.i18n.getMessage('list_fill_menu'),
  );
});
