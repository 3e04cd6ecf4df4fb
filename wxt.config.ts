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
  manifest: {
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
      'offscreen',
    ],
    host_permissions: [],
  },
});
