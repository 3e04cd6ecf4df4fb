// Wiring only (style.md §1): the DevTools page exists to add the "Authdeck" panel (issue 6).
// It needs no permission: devtools_page alone gives the panel devtools.network.
import { browser } from 'wxt/browser';

void browser.devtools.panels.create(
  browser.i18n.getMessage('extName'),
  '/icon/32.png',
  '/devtools-panel.html',
);
