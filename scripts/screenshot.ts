/**
 * Refreshes docs/popup.png, the README's picture of the popup: a fresh profile, a vault with
 * three demo accounts, the popup rendered at its real width. `npx tsx scripts/screenshot.ts`
 * after `npm run build`.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtensionBrowser } from '../tests/e2e/harness';

const ACCOUNTS = [
  'otpauth://totp/GitHub:octo-dev?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://totp/SlaunchX:admin%40slaunchx.test?secret=KRSXG5CTMVRXEZLU&issuer=SlaunchX',
  'otpauth://totp/AWS:ops-root?secret=GEZDGNBVGY3TQOJQ&issuer=AWS&digits=8&period=60',
];

async function main(): Promise<void> {
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.openPage('popup.html');
    await page.setViewportSize({ width: 360, height: 420 });
    await page.getByTestId('create-passphrase').fill('correct horse battery staple');
    await page.getByTestId('create-confirm').fill('correct horse battery staple');
    await page.getByTestId('create-submit').click();
    for (const uri of ACCOUNTS) {
      await page.getByTestId('add-account').click();
      await page.getByTestId('add-uri-input').fill(uri);
      await page.getByTestId('add-uri-submit').click();
      await page.getByTestId('account-row').nth(ACCOUNTS.indexOf(uri)).waitFor();
    }
    await page.getByTestId('account-code').nth(2).waitFor();
    await mkdir(resolve(import.meta.dirname, '../docs'), { recursive: true });
    await page.screenshot({ path: resolve(import.meta.dirname, '../docs/popup.png') });
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
