/**
 * The in-page side of the content protocol: wraps `runtime.sendMessage` into typed requests on
 * the `authdeck/content` channel and turns a refusal into a PageRequestError carrying the
 * worker's code. Takes `sendMessage` as a parameter so that the watcher need not bundle the
 * browser polyfill (size budget) and tests can pass a fake worker.
 */
import {
  CONTENT_CHANNEL,
  type ContentReplies,
  type ContentRequests,
  type ContentType,
  type SendToWorkerFromPage,
} from '../messaging/content-channel';

export class PageRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PageRequestError';
  }
}

interface WireReply {
  ok: boolean;
  value?: unknown;
  error?: { code?: unknown; message?: unknown };
}

export function createPageSender(
  sendMessage: (message: unknown) => Promise<unknown>,
): SendToWorkerFromPage {
  return async function send<K extends ContentType>(
    type: K,
    payload: ContentRequests[K],
  ): Promise<ContentReplies[K]> {
    const reply = (await sendMessage({ channel: CONTENT_CHANNEL, type, payload })) as
      WireReply | undefined;
    if (typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
      throw new PageRequestError('NO_REPLY', 'The Authdeck worker did not answer.');
    }
    if (!reply.ok) {
      const code = typeof reply.error?.code === 'string' ? reply.error.code : 'INTERNAL';
      const message = reply.error?.message;
      throw new PageRequestError(code, typeof message === 'string' ? message : code);
    }
    return reply.value as ContentReplies[K];
  };
}
