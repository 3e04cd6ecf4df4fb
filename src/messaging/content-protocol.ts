/**
 * Content script → worker protocol (issue 5 §4, §5; design.md "Trust boundaries"). It has its
 * own channel, schemas and sender check, apart from the UI protocol that only extension pages
 * may speak. A content script runs inside a hostile page, so:
 *
 * - the origin a message is about is the sender's, as the browser reports it
 *   (`sender.origin`, else `sender.url`); no message carries an origin, URL or tab id;
 * - only top frames speak (the scripts are never injected into subframes);
 * - the origin must be https or loopback http, and agree with the tab's URL when the browser
 *   tells it;
 * - each tab has a message budget (`allow`), so a page that makes its script chatty cannot
 *   keep the worker busy.
 *
 * What comes back is at most the labels of accounts bound to that origin and one code.
 */
import * as v from 'valibot';
import { isTrustworthy, parseOrigin } from './origin-match';
import {
  CONTENT_CHANNEL,
  CONTENT_OUTCOMES,
  type ContentReplies,
  type ContentRequests,
  type ContentType,
} from './content-channel';
import type { Reply } from './protocol';
import { toErrorPayload } from './router';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const contentSchemas = {
  'content/load-detector': v.strictObject({}),
  'content/accounts': v.strictObject({}),
  'content/fill': v.strictObject({ accountId: id, trigger: v.picklist(['inline', 'auto']) }),
  'content/report': v.strictObject({ outcome: v.picklist(CONTENT_OUTCOMES) }),
} satisfies { [K in ContentType]: v.GenericSchema<unknown, ContentRequests[K]> };

/** The parts of `runtime.MessageSender` the check reads. */
export interface ContentMessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number; url?: string };
}

/** Who sent a content message, entirely from what the browser says about the sender. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  origin: string;
  documentId: string | null;
}

export type ContentHandlers = {
  [K in ContentType]: (
    payload: ContentRequests[K],
    sender: ContentSender,
  ) => Promise<ContentReplies[K]>;
};

export interface ContentRouterOptions {
  extensionId: string;
  extensionOrigin: string;
  /** Spends one unit of the tab's message budget; false when it is spent. */
  allow: (tabId: number) => boolean;
}

export type SenderRefusal = 'not-ours' | 'extension-page' | 'no-tab' | 'subframe' | 'origin';

/** Checks the sender and derives its origin; a refusal says which rule it broke. */
export function contentSenderOf(
  sender: ContentMessageSender,
  opts: Pick<ContentRouterOptions, 'extensionId' | 'extensionOrigin'>,
): ContentSender | SenderRefusal {
  if (sender.id !== opts.extensionId) return 'not-ours';
  if ((sender.url ?? '').startsWith(opts.extensionOrigin)) return 'extension-page';
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return 'no-tab';
  if (sender.frameId !== 0) return 'subframe';
  // sender.origin is Chrome 80+; older engines and Firefox give the URL only.
  const origin = parseOrigin(sender.origin ?? sender.url ?? '');
  if (origin === null || !isTrustworthy(origin)) return 'origin';
  if (sender.url !== undefined && parseOrigin(sender.url)?.origin !== origin.origin) {
    return 'origin';
  }
  const tabUrl = sender.tab?.url;
  if (tabUrl !== undefined && parseOrigin(tabUrl)?.origin !== origin.origin) return 'origin';
  return { tabId, frameId: 0, origin: origin.origin, documentId: sender.documentId ?? null };
}

export { CONTENT_CHANNEL };

function isKnownType(type: unknown): type is ContentType {
  return typeof type === 'string' && Object.hasOwn(contentSchemas, type);
}

const refuse = (code: string, message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
});

export function createContentRouter(handlers: ContentHandlers, opts: ContentRouterOptions) {
  return async function route(
    message: unknown,
    rawSender: ContentMessageSender,
  ): Promise<Reply<unknown> | undefined> {
    if (typeof message !== 'object' || message === null) return undefined;
    const { channel, type, payload } = message as Record<string, unknown>;
    if (channel !== CONTENT_CHANNEL) return undefined;
    const sender = contentSenderOf(rawSender, opts);
    if (typeof sender === 'string') {
      return refuse('SENDER_REFUSED', `This sender may not ask for codes (${sender}).`);
    }
    if (!opts.allow(sender.tabId)) {
      return refuse('RATE_LIMITED', 'Too many requests from this tab.');
    }
    if (!isKnownType(type)) return refuse('UNKNOWN_MESSAGE', 'Unknown message type.');
    const parsed = v.safeParse(contentSchemas[type], payload);
    if (!parsed.success) return refuse('BAD_REQUEST', 'Invalid request.');
    try {
      const handler = handlers[type] as (p: unknown, s: ContentSender) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.output, sender) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  };
}
