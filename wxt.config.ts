import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Aliases live here only (style.md §10); WXT writes them into .wxt/tsconfig.json.
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  alias: {
    '@src': 'src',
  },
  vite: () => ({
    plugins: [preact()],
  }),
  // No host permissions at install (issue 2 §9): activeTab covers "scan this page", and later
  // features ask for a site's origin only when the user binds or saves it.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'idle',
      'activeTab',
      'scripting',
      'clipboardWrite',
      // The "Fill the code" item on editable fields (issue 5 §2): a click on it is a gesture.
      'contextMenus',
      // Header rules of test profiles (issue 6): no install warning, and the rules act only
      // where the user granted the profile's origin.
      'declarativeNetRequestWithHostAccess',
      // Chrome's MV3 worker has no DOM: the clipboard clear runs in an offscreen document.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: [],
    // A trusted gesture for filling a code without opening the popup (issue 5 §2).
    commands: {
      'fill-otp': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_list_fill_command__',
      },
    },
    // A profile's origin is requested when the profile is saved, never at install (issue 4).
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'authdeck@authdeck.dev', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
