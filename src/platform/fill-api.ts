/**
 * The browser side of fill (worker/fill/create-fill.ts): tabs, the page injector, and the
 * scripting and permissions calls of the watcher's registration. Looked up at call time, so
 * importing this touches no browser API.
 */
import { browser } from 'wxt/browser';
import type { FillApi } from '../worker/fill/create-fill';
import { browserPageInjector } from './page-injector-api';

export const browserFillApi: FillApi = {
  injector: browserPageInjector,
  tabs: { get: (tabId) => browser.tabs.get(tabId) },
  registration: {
    getRegisteredContentScripts: async (filter) =>
      (await browser.scripting.getRegisteredContentScripts(filter)).map((s) => ({
        ...s,
        js: s.js ?? [],
      })),
    registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
    updateContentScripts: (scripts) => browser.scripting.updateContentScripts(scripts),
    unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
    permissionsContains: (origins) => browser.permissions.contains({ origins }),
  },
};
