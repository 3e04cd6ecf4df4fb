/**
 * `npm start`: build the extension, start the local auth emulator, add a test profile for each
 * emulator account to the build, and open Chromium with Authdeck loaded. Without a display it
 * says so and explains how to load the build by hand; the emulator keeps running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmulator } from '../emulator/server';
import { writeDevProfiles } from './dev-profiles';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const profileDir = resolve(root, '.tmp/chromium-profile');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  console.log('authdeck: building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 8787),
    mailboxPort: Number(process.env.MAILBOX_PORT ?? 8025),
  });
  console.log(`emulator: auth ${emulator.url} mailbox ${emulator.mailboxUrl}`);
  await writeDevProfiles(extension, emulator.url, emulator.mailboxUrl);
  console.log(
    'authdeck: added test profiles for the emulator accounts (see README, "Seed accounts").',
  );

  let browser: ChildProcess | null = null;
  const stop = () => {
    browser?.kill('SIGTERM');
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const hasDisplay = Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
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
        'The emulator keeps running until you press Ctrl+C.',
      ].join('\n'),
    );
    return;
  }
  mkdirSync(profileDir, { recursive: true });
  browser = spawn(
    chromium,
    [
      `--user-data-dir=${profileDir}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      `${emulator.url}/demo/`,
    ],
    { stdio: 'ignore' },
  );
  browser.on('exit', stop);
  console.log('authdeck: Chromium is open with Authdeck loaded; close it or press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(`authdeck: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
