/**
 * Receiving side of the UI → worker protocol: shape check (valibot), sender check, dispatch,
 * and every outcome turned into a `Reply`. Errors that carry a string `code` (OtpUriError,
 * VaultError, ActionError, ProviderError…) reach the UI as they are; anything else becomes
 * `INTERNAL` with no detail, so no secret can leak through an exception message.
 */
import * as v from 'valibot';
import {
  uiToWorkerSchemas,
  type ErrorPayload,
  type Reply,
  type UiToWorker,
  type UiToWorkerType,
} from './protocol';

/** The parts of `runtime.MessageSender` the checks read. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export type UiHandlers = {
  [K in UiToWorkerType]: (payload: UiToWorker[K]['request']) => Promise<UiToWorker[K]['reply']>;
};

export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export interface RouterOptions {
  extensionId: string;
  /** e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** Called for every accepted message: the auto-lock idle timer counts it as activity. */
  onActivity?: (type: UiToWorkerType) => void;
}

function isKnownType(type: unknown): type is UiToWorkerType {
  return typeof type === 'string' && Object.hasOwn(uiToWorkerSchemas, type);
}

/** Only our own extension pages may speak this protocol; content scripts run on page URLs. */
export function isExtensionPageSender(sender: MessageSenderInfo, opts: RouterOptions): boolean {
  if (sender.id !== opts.extensionId) return false;
  const url = sender.url ?? '';
  return url.startsWith(opts.extensionOrigin);
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    const payload: ErrorPayload = {
      code: (error as Error & { code: string }).code,
      message: error.message,
    };
    const retry = (error as { retryAfterMs?: unknown }).retryAfterMs;
    if (typeof retry === 'number') payload.retryAfterMs = retry;
    return payload;
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside Authdeck.' };
}

export function createUiRouter(handlers: UiHandlers, opts: RouterOptions) {
  return async function route(
    message: unknown,
    sender: MessageSenderInfo,
  ): Promise<Reply<unknown> | undefined> {
    if (typeof message !== 'object' || message === null) return undefined;
    const { channel, type, payload } = message as Record<string, unknown>;
    if (channel !== 'authdeck/ui') return undefined;
    if (!isExtensionPageSender(sender, opts)) {
      return {
        ok: false,
        error: { code: 'SENDER_REFUSED', message: 'This sender may not use the vault.' },
      };
    }
    if (!isKnownType(type)) {
      return { ok: false, error: { code: 'UNKNOWN_MESSAGE', message: 'Unknown message type.' } };
    }
    const parsed = v.safeParse(uiToWorkerSchemas[type], payload);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.') ?? 'payload';
      return {
        ok: false,
        error: { code: 'BAD_REQUEST', message: `Invalid ${where}: ${issue.message}` },
      };
    }
    opts.onActivity?.(type);
    try {
      const handler = handlers[type] as (p: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  };
}
