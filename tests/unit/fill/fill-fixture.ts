/**
 * The worker's real services (worker/services.ts) over WXT's fake browser storage, with the
 * fill parts of the browser faked (fakes.ts): the same wiring start.ts ships.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { ContentMessageSender } from '../../../src/messaging/content-protocol';
import { CONTENT_CHANNEL, type ContentType } from '../../../src/messaging/content-channel';
import type { Reply, UiToWorker, UiToWorkerType } from '../../../src/messaging/protocol';
import { createWorkerServices, type WorkerServices } from '../../../src/worker/services';
import { EXTENSION_ID, FAST_VAULT, POPUP } from '../worker/worker-fixture';
import { createFakeFillBrowser, type FakeFillBrowser } from './fakes';

/** RFC 6238 Appendix B secret ("12345678901234567890"), so codes are checkable. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export interface FillFixture {
  browser: FakeFillBrowser;
  clock: { now: number };
  services: WorkerServices;
  send<K extends UiToWorkerType>(
    type: K,
    payload: UiToWorker[K]['request'],
  ): Promise<Reply<UiToWorker[K]['reply']>>;
  value<K extends UiToWorkerType>(
    type: K,
    payload: UiToWorker[K]['request'],
  ): Promise<UiToWorker[K]['reply']>;
  content(
    type: ContentType,
    payload: unknown,
    sender: ContentMessageSender,
  ): Promise<Reply<unknown>>;
  /** A new vault with one TOTP account per issuer; answers their ids. */
  vaultWith(...issuers: string[]): Promise<string[]>;
}

/** A content script in the top frame of `tabId` on `url`, as Chrome describes it. */
export function contentSender(
  tabId: number,
  url: string,
  documentId = 'doc-x',
): ContentMessageSender {
  return {
    id: EXTENSION_ID,
    url,
    origin: new URL(url).origin,
    frameId: 0,
    documentId,
    tab: { id: tabId, url },
  };
}

export function createFillFixture(): FillFixture {
  fakeBrowser.reset();
  const fake = createFakeFillBrowser();
  // 2009-02-13T23:31:30Z: RFC 6238 Appendix B's T = 1234567890 row (SHA-1, 8 digits: 89005924).
  const clock = { now: 1_234_567_890_000 };
  let ids = 0;
  const services = createWorkerServices({
    now: () => clock.now,
    newId: () => `id-${++ids}`,
    fetch: () => Promise.reject(new TypeError('no network in unit tests')),
    alarms: browser.alarms,
    captureTab: () => Promise.reject(new Error('no tab')),
    scheduleClipboardClear: () => Promise.resolve(),
    devProfilesUrl: 'chrome-extension://authdeck-test/dev-profiles.json',
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
    vaultOptions: FAST_VAULT,
    fillApi: fake.api,
  });
  const fixture: FillFixture = {
    browser: fake,
    clock,
    services,
    async send(type, payload) {
      const reply = await services.route({ channel: 'authdeck/ui', type, payload }, POPUP);
      if (!reply) throw new Error('router ignored the message');
      return reply as Reply<never>;
    },
    async value(type, payload) {
      const reply = await fixture.send(type, payload);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.value;
    },
    async content(type, payload, sender) {
      const reply = await services.fill.contentRoute(
        { channel: CONTENT_CHANNEL, type, payload },
        sender,
      );
      if (!reply) throw new Error('content router ignored the message');
      return reply;
    },
    async vaultWith(...issuers) {
      await fixture.value('vault/create', { passphrase: 'correct horse battery' });
      const added: string[] = [];
      for (const issuer of issuers) {
        const uri = `otpauth://totp/${issuer}:alice?secret=${RFC_SECRET}&issuer=${issuer}&digits=8`;
        added.push((await fixture.value('accounts/add-uri', { uri })).id);
      }
      return added;
    },
  };
  return fixture;
}
