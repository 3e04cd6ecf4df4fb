/**
 * The worker's real services over WXT's in-memory fake browser storage. `restart()` builds a
 * fresh set of services on the same storage, the way a stopped worker wakes up: nothing in
 * module memory survives, only what storage holds.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createUiRouter, type MessageSenderInfo } from '../../../src/messaging/router';
import type { Reply, UiToWorker, UiToWorkerType } from '../../../src/messaging/protocol';
import { settingsItem, vaultItem, vaultKeyItem } from '../../../src/platform/stores';
import { createAccountsService } from '../../../src/worker/accounts-service';
import { createAutoLock } from '../../../src/worker/auto-lock';
import { createUiHandlers } from '../../../src/worker/handlers';
import type { RgbaImage } from '../../../src/worker/qr';
import { createVaultService } from '../../../src/worker/vault-service';

/** The KDF floor keeps unit tests quick; the default parameters are exercised in vault tests. */
export const FAST_VAULT = { kdf: { logN: 16, r: 8, p: 1 } };
export const EXTENSION_ID = 'authdeck-test';
export const POPUP: MessageSenderInfo = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
};

export interface WorkerFixture {
  clock: { now: number };
  captured: { image: RgbaImage | null };
  clipboardClears: number[];
  send<K extends UiToWorkerType>(
    type: K,
    payload: UiToWorker[K]['request'],
    sender?: MessageSenderInfo,
  ): Promise<Reply<UiToWorker[K]['reply']>>;
  value<K extends UiToWorkerType>(
    type: K,
    payload: UiToWorker[K]['request'],
  ): Promise<UiToWorker[K]['reply']>;
  restart(): void;
}

export function createWorkerFixture(): WorkerFixture {
  fakeBrowser.reset();
  const clock = { now: Date.UTC(2026, 10, 22, 12, 0, 0) };
  const captured: { image: RgbaImage | null } = { image: null };
  const clipboardClears: number[] = [];
  let ids = 0;
  let route: ReturnType<typeof createUiRouter>;

  function build() {
    const now = () => clock.now;
    const vault = createVaultService({
      vaultStore: vaultItem,
      keyStore: vaultKeyItem,
      vaultOptions: FAST_VAULT,
    });
    const accounts = createAccountsService({ vault, now, newId: () => `acc-${++ids}` });
    const autoLock = createAutoLock({
      alarms: browser.alarms,
      settings: () => settingsItem.getValue(),
      lock: () => vault.lock(),
      now,
    });
    const handlers = createUiHandlers({
      vault,
      accounts,
      autoLock,
      settings: settingsItem,
      captureTab: () => {
        if (!captured.image) return Promise.reject(new Error('no tab'));
        return Promise.resolve(captured.image);
      },
      scheduleClipboardClear: (seconds) => {
        clipboardClears.push(seconds);
        return Promise.resolve();
      },
    });
    route = createUiRouter(handlers, {
      extensionId: EXTENSION_ID,
      extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
      onActivity: () => void autoLock.touch(),
    });
    return autoLock;
  }
  build();

  const fixture: WorkerFixture = {
    clock,
    captured,
    clipboardClears,
    async send(type, payload, sender = POPUP) {
      const reply = await route({ channel: 'authdeck/ui', type, payload }, sender);
      if (!reply) throw new Error('router ignored the message');
      return reply as Reply<never>;
    },
    async value(type, payload) {
      const reply = await fixture.send(type, payload);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.value;
    },
    restart: () => {
      build();
    },
  };
  return fixture;
}
