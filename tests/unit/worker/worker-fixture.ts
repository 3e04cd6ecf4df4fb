/**
 * The worker's real services over WXT's in-memory fake browser storage. `restart()` builds a
 * fresh set of services on the same storage, the way a stopped worker wakes up: nothing in
 * module memory survives, only what storage holds.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { MessageSenderInfo } from '../../../src/messaging/router';
import type { Reply, UiToWorker, UiToWorkerType } from '../../../src/messaging/protocol';
import type { RgbaImage } from '../../../src/worker/qr';
import { createWorkerServices, type WorkerServices } from '../../../src/worker/services';
import type { Signin, SigninDeps } from '../../../src/worker/signin/create-signin';
import type { VaultService } from '../../../src/worker/vault-service';

/** The KDF floor keeps unit tests quick; the default parameters are exercised in vault tests. */
export const FAST_VAULT = { kdf: { logN: 16, r: 8, p: 1 } };
export const EXTENSION_ID = 'authdeck-test';
export const POPUP: MessageSenderInfo = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
};

/** What a test may set for the sign-in part; integration tests pass the real clock and fetch. */
export interface WorkerFixtureOptions {
  /** Defaults to the fixture's own clock (`clock.now`). */
  now?: () => number;
  /** Defaults to a fetch that refuses: unit tests reach no network. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  mailbox?: SigninDeps['mailbox'];
  devProfilesUrl?: string;
}

export interface WorkerFixture {
  clock: { now: number };
  captured: { image: RgbaImage | null };
  clipboardClears: number[];
  /** The sign-in services of the current worker life (rebuilt by `restart`). */
  readonly signin: Signin;
  readonly vault: VaultService;
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

const noNetwork: typeof fetch = () => Promise.reject(new TypeError('no network in unit tests'));

export function createWorkerFixture(options: WorkerFixtureOptions = {}): WorkerFixture {
  fakeBrowser.reset();
  const clock = { now: Date.UTC(2026, 10, 22, 12, 0, 0) };
  const captured: { image: RgbaImage | null } = { image: null };
  const clipboardClears: number[] = [];
  let ids = 0;
  let services: WorkerServices;

  const captureTab = () => {
    if (!captured.image) return Promise.reject(new Error('no tab'));
    return Promise.resolve(captured.image);
  };

  /** The same wiring start.ts ships, with the test's clock, network and fake browser. */
  function build() {
    services = createWorkerServices({
      now: options.now ?? (() => clock.now),
      newId: () => `id-${++ids}`,
      fetch: options.fetch ?? noNetwork,
      alarms: browser.alarms,
      captureTab,
      scheduleClipboardClear: (seconds) => {
        clipboardClears.push(seconds);
        return Promise.resolve();
      },
      devProfilesUrl:
        options.devProfilesUrl ?? 'chrome-extension://authdeck-test/dev-profiles.json',
      extensionId: EXTENSION_ID,
      extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
      vaultOptions: FAST_VAULT,
      backupKdf: { logN: 14, r: 8, p: 1 },
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.mailbox !== undefined ? { mailbox: options.mailbox } : {}),
    });
  }
  build();

  const fixture: WorkerFixture = {
    clock,
    captured,
    clipboardClears,
    get signin() {
      return services.signin;
    },
    get vault() {
      return services.vault;
    },
    async send(type, payload, sender = POPUP) {
      const reply = await services.route({ channel: 'authdeck/ui', type, payload }, sender);
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
