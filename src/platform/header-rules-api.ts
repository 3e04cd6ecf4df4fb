/**
 * The browser side of the header rules (issue 6): declarativeNetRequest session rules, which
 * `declarativeNetRequestWithHostAccess` allows without an install warning and applies only
 * where the extension holds the host permission, and the permission check the UI shows.
 * Looked up at call time: where the browser lacks the API, the call fails and the worker says so.
 */
import { browser } from 'wxt/browser';
import type { HeaderRulesApi } from '../worker/inspector/header-rules-service';

export const browserHeaderRulesApi: HeaderRulesApi = {
  updateSessionRules: async (options) => {
    await browser.declarativeNetRequest.updateSessionRules(options);
  },
  permissionsContains: async (permissions) => browser.permissions.contains(permissions),
};
