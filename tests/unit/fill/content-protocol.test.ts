import { describe, expect, it } from 'vitest';
import {
  contentSenderOf,
  createContentRouter,
  type ContentHandlers,
  type ContentMessageSender,
  type ContentSender,
} from '../../../src/messaging/content-protocol';
import { CONTENT_CHANNEL } from '../../../src/messaging/content-channel';
import { createRateLimiter } from '../../../src/worker/fill/rate-limit';

const OPTS = { extensionId: 'authdeck-test', extensionOrigin: 'chrome-extension://authdeck-test/' };

/** A content script in the top frame of tab 7 on `url`, as Chrome describes it. */
const pageSender = (
  url: string,
  extra: Partial<ContentMessageSender> = {},
): ContentMessageSender => ({
  id: OPTS.extensionId,
  url,
  origin: new URL(url).origin,
  frameId: 0,
  documentId: 'doc-1',
  tab: { id: 7, url },
  ...extra,
});

describe('contentSenderOf', () => {
  it('derives tab, frame, document and origin from the browser’s sender', () => {
    expect(contentSenderOf(pageSender('https://bank.example/mfa'), OPTS)).toEqual({
      tabId: 7,
      frameId: 0,
      origin: 'https://bank.example',
      documentId: 'doc-1',
    });
  });

  it('uses the URL when the browser gives no origin (Firefox)', () => {
    const sender = pageSender('http://127.0.0.1:8080/x', { origin: undefined });
    expect(contentSenderOf(sender, OPTS)).toMatchObject({ origin: 'http://127.0.0.1:8080' });
  });

  it('refuses what is not a top-frame content script of ours on a trustworthy page', () => {
    const url = 'https://bank.example/mfa';
    const cases: [ContentMessageSender, string][] = [
      [pageSender(url, { id: 'other-extension' }), 'not-ours'],
      [pageSender(url, { id: undefined }), 'not-ours'],
      [
        { ...pageSender(url), url: 'chrome-extension://authdeck-test/popup.html' },
        'extension-page',
      ],
      [pageSender(url, { tab: undefined }), 'no-tab'],
      [pageSender(url, { frameId: 3 }), 'subframe'],
      [pageSender(url, { frameId: undefined }), 'subframe'],
      [pageSender('http://bank.example/mfa'), 'origin'],
      [pageSender('http://localhost.:8080/'), 'origin'],
      [pageSender(url, { origin: 'null' }), 'origin'],
      // The origin, the URL and the tab must tell the same story.
      [pageSender(url, { origin: 'https://other.example' }), 'origin'],
      [pageSender(url, { tab: { id: 7, url: 'https://other.example/' } }), 'origin'],
    ];
    for (const [sender, refusal] of cases) {
      expect(contentSenderOf(sender, OPTS), JSON.stringify(sender)).toBe(refusal);
    }
  });
});

function recordingHandlers(seen: ContentSender[]): ContentHandlers {
  return {
    'content/load-detector': (_p, s) => {
      seen.push(s);
      return Promise.resolve({ loaded: true });
    },
    'content/accounts': (_p, s) => {
      seen.push(s);
      return Promise.resolve({ locked: false, accounts: [], autoFill: false, autoSubmit: false });
    },
    'content/fill': (_p, s) => {
      seen.push(s);
      return Promise.resolve({ code: '123456', autoSubmit: false });
    },
    'content/report': (_p, s) => {
      seen.push(s);
      return Promise.resolve(null);
    },
  };
}

describe('createContentRouter', () => {
  const message = (type: string, payload: unknown) => ({ channel: CONTENT_CHANNEL, type, payload });

  it('ignores other channels and answers the sender’s origin to the handler', async () => {
    const seen: ContentSender[] = [];
    const route = createContentRouter(recordingHandlers(seen), { ...OPTS, allow: () => true });
    expect(
      await route(
        { channel: 'authdeck/ui', type: 'vault/status', payload: {} },
        pageSender('https://a.example/'),
      ),
    ).toBeUndefined();
    const reply = await route(
      message('content/accounts', {}),
      pageSender('https://bank.example/mfa'),
    );
    expect(reply).toMatchObject({ ok: true });
    expect(seen.map((s) => s.origin)).toEqual(['https://bank.example']);
  });

  it('never takes an origin, URL or tab from the payload', async () => {
    const seen: ContentSender[] = [];
    const route = createContentRouter(recordingHandlers(seen), { ...OPTS, allow: () => true });
    const sender = pageSender('https://evil.example/');
    for (const payload of [
      { origin: 'https://bank.example' },
      { url: 'https://bank.example/' },
      { tabId: 1 },
    ]) {
      expect(await route(message('content/accounts', payload), sender)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    }
    const fill = { accountId: 'a', trigger: 'inline', origin: 'https://bank.example' };
    expect(await route(message('content/fill', fill), sender)).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });

  it('refuses senders before looking at the message, and unknown types after', async () => {
    const seen: ContentSender[] = [];
    const route = createContentRouter(recordingHandlers(seen), { ...OPTS, allow: () => true });
    expect(
      await route(
        message('content/fill', { accountId: 'a', trigger: 'inline' }),
        pageSender('https://bank.example/', { frameId: 2 }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'SENDER_REFUSED' } });
    expect(
      await route(
        message('vault/unlock', { passphrase: 'x' }),
        pageSender('https://bank.example/'),
      ),
    ).toMatchObject({ ok: false, error: { code: 'UNKNOWN_MESSAGE' } });
    expect(seen).toEqual([]);
  });

  it('rate-limits each tab on its own', async () => {
    const clock = { now: 0 };
    const limiter = createRateLimiter({ burst: 5, perSecond: 1, now: () => clock.now });
    const route = createContentRouter(recordingHandlers([]), {
      ...OPTS,
      allow: (tabId) => limiter.allow(tabId),
    });
    const flood = pageSender('https://bank.example/');
    const calm = {
      ...pageSender('https://bank.example/'),
      tab: { id: 8, url: 'https://bank.example/' },
    };
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await route(message('content/report', { outcome: 'untrusted-click' }), flood);
      codes.push(reply?.ok === true ? 'ok' : (reply?.error.code ?? 'none'));
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
    expect(limiter.limited(7)).toBe(15);
    expect(await route(message('content/accounts', {}), calm)).toMatchObject({ ok: true });
    clock.now += 2000; // two tokens back
    expect(await route(message('content/accounts', {}), flood)).toMatchObject({ ok: true });
  });

  it('hides unexpected errors behind INTERNAL', async () => {
    const handlers = recordingHandlers([]);
    handlers['content/accounts'] = () => Promise.reject(new Error('secret detail'));
    const route = createContentRouter(handlers, { ...OPTS, allow: () => true });
    expect(
      await route(message('content/accounts', {}), pageSender('https://bank.example/')),
    ).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside Authdeck.' },
    });
  });
});
