import type { FillReplies } from '../messaging/fill-protocol';
import type { InspectorReplies } from '../messaging/inspector-protocol';
import type { Settings, VaultStatus } from '../messaging/protocol';
import { ActionError, type UiHandlers } from '../messaging/router';
import type { SigninReplies } from '../messaging/signin-protocol';
import type { TransferReplies } from '../messaging/transfer-protocol';
import type { AccountsService } from './accounts-service';
import type { AutoLock } from './auto-lock';
import { accountFromQrImage, type RgbaImage } from './qr';
import type { ValueStore, VaultService } from './vault-service';

export interface HandlerDeps {
  vault: VaultService;
  accounts: AccountsService;
  autoLock: AutoLock;
  settings: ValueStore<Settings> & { fallback: Settings };
  captureTab: (tabId: number) => Promise<RgbaImage>;
  scheduleClipboardClear: (seconds: number) => Promise<void>;
  /** Runs after a successful unlock (sign-in: rebuild sessions, re-arm refresh alarms). */
  onUnlock?: () => Promise<void>;
}

/** Everything but the sign-in, transfer and inspector messages: their own tables answer them. */
export type VaultUiHandlers = Omit<
  UiHandlers,
  keyof SigninReplies | keyof TransferReplies | keyof InspectorReplies | keyof FillReplies
>;

const MIN_PASSPHRASE = 8;

function requireStrongEnough(passphrase: string): void {
  if (Array.from(passphrase).length < MIN_PASSPHRASE) {
    throw new ActionError(
      'PASSPHRASE_TOO_SHORT',
      `Use a passphrase of at least ${MIN_PASSPHRASE} characters.`,
    );
  }
}

/** The worker's answer to each UI message. Entry wiring lives in worker/start.ts. */
export function createUiHandlers(d: HandlerDeps): VaultUiHandlers {
  const readSettings = async () => ({ ...d.settings.fallback, ...(await d.settings.getValue()) });
  const status = async (): Promise<VaultStatus> => ({
    state: await d.vault.state(),
    autoLockMinutes: (await readSettings()).autoLockMinutes,
  });

  return {
    'vault/status': status,
    'vault/create': async ({ passphrase }) => {
      requireStrongEnough(passphrase);
      await d.vault.create(passphrase);
      await d.autoLock.rearm();
      return status();
    },
    'vault/unlock': async ({ passphrase }) => {
      await d.vault.unlock(passphrase);
      await d.autoLock.rearm();
      await d.onUnlock?.();
      return status();
    },
    'vault/lock': async () => {
      await d.autoLock.lockNow();
      return status();
    },
    'vault/change-passphrase': async ({ current, next }) => {
      requireStrongEnough(next);
      await d.vault.changePassphrase(current, next);
      return null;
    },
    'accounts/list': () => d.accounts.list(),
    'accounts/codes': () => d.accounts.codes(),
    'accounts/hotp-next': ({ id }) => d.accounts.hotpNext(id),
    'accounts/add-uri': ({ uri }) => d.accounts.addUri(uri),
    'accounts/add-manual': (input) => d.accounts.addManual(input),
    'accounts/scan-qr': async ({ tabId }) => {
      await d.vault.read(); // refuse while locked before touching the tab
      let image: RgbaImage;
      try {
        image = await d.captureTab(tabId);
      } catch {
        throw new ActionError('CAPTURE_FAILED', 'Authdeck could not capture this page.');
      }
      return d.accounts.add(accountFromQrImage(image));
    },
    'accounts/update': ({ id, issuer, label }) => d.accounts.update(id, issuer, label),
    'accounts/delete': ({ id }) => d.accounts.remove(id),
    'backup/list': ({ id }) => d.accounts.backupList(id),
    'backup/add': ({ id, text }) => d.accounts.backupAdd(id, text),
    'backup/take-next': ({ id }) => d.accounts.backupTakeNext(id),
    'backup/mark-used': ({ id, code }) => d.accounts.backupMarkUsed(id, code),
    'settings/get': readSettings,
    'settings/set': async (change) => {
      const next: Settings = { ...(await readSettings()) };
      if (change.autoLockMinutes !== undefined) next.autoLockMinutes = change.autoLockMinutes;
      if (change.clipboardClearSeconds !== undefined) {
        next.clipboardClearSeconds = change.clipboardClearSeconds;
      }
      await d.settings.setValue(next);
      if ((await d.vault.state()) === 'unlocked') await d.autoLock.rearm();
      return next;
    },
    'clipboard/copied': async () => {
      const { clipboardClearSeconds } = await readSettings();
      if (clipboardClearSeconds > 0) await d.scheduleClipboardClear(clipboardClearSeconds);
      return null;
    },
  };
}
