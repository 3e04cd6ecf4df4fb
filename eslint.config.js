import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import zones (style.md, darkreader): pure modules never reach the browser, the UI reaches the
// worker only through messaging, content code never imports the vault.
const zone = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.wxt',
      '.tmp',
      'coverage',
      'emulator/demo/public/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  zone(
    ['src/otp/**', 'src/vault/**', 'src/secure-channel/**', 'src/providers/**', 'src/sessions/**'],
    ['wxt/browser', 'wxt/*', '**/platform/**', '**/ui/**', '**/worker/**'],
    'Pure modules take their environment as parameters; browser APIs live in src/platform.',
  ),
  zone(
    ['src/ui/**', 'entrypoints/popup/**', 'entrypoints/options/**'],
    ['**/vault/**', '**/worker/**', '**/secure-channel/**'],
    'The UI talks to the worker through src/messaging only.',
  ),
);
