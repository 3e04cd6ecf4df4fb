#!/usr/bin/env node
// `npm start`: build the extension, start the local auth emulator, open Chromium with Authdeck
// loaded. Without a display it says so and explains how to load the build by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const profile = resolve(root, '.tmp/chromium-profile');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const children = [];

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

console.log('authdeck: building the extension…');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (existsSync(resolve(root, 'emulator/main.ts'))) {
  const emulator = spawn('npx', ['tsx', 'emulator/main.ts'], { cwd: root, stdio: 'inherit' });
  children.push(emulator);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(chromium)) {
  console.log(
    [
      '',
      hasDisplay
        ? `authdeck: no Chromium at ${chromium} (set CHROMIUM_PATH).`
        : 'authdeck: no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.',
      'Load the build by hand in Chrome or Chromium:',
      '  1. open chrome://extensions and switch on "Developer mode";',
      `  2. click "Load unpacked" and pick ${extension}`,
      'In Firefox: npm run build:firefox, then about:debugging → "This Firefox" →',
      '  "Load Temporary Add-on…" and pick .output/firefox-mv2/manifest.json.',
      children.length > 0 ? 'The emulator keeps running until you press Ctrl+C.' : '',
    ].join('\n'),
  );
  if (children.length === 0) process.exit(0);
} else {
  mkdirSync(profile, { recursive: true });
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  children.push(browser);
  browser.on('exit', () => stopAll(0));
  console.log('authdeck: Chromium is open with Authdeck loaded; close it or press Ctrl+C to stop.');
}
