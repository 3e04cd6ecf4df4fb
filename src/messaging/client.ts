import type { Reply, SendToWorker, UiToWorkerType, WireMessage } from './protocol';

/** A failed action as the UI sees it: a code it can branch on and a message it can show. */
export class WorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

export type RawSend = (message: WireMessage) => Promise<unknown>;

function isReply(value: unknown): value is Reply<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/** Wraps a raw `runtime.sendMessage` into the typed protocol. */
export function createWorkerClient(rawSend: RawSend): SendToWorker {
  return async function send<K extends UiToWorkerType>(
    type: K,
    payload: WireMessage<K>['payload'],
  ) {
    const reply = await rawSend({ channel: 'authdeck/ui', type, payload });
    if (!isReply(reply)) throw new WorkerError('NO_REPLY', 'The Authdeck worker did not answer.');
    if (!reply.ok)
      throw new WorkerError(reply.error.code, reply.error.message, reply.error.retryAfterMs);
    return reply.value as never;
  };
}
