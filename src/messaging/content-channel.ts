/**
 * The content ↔ worker message shapes without their schemas: what the in-page scripts import.
 * Kept apart from content-protocol.ts (valibot, the sender check) so that the always-on
 * watcher bundles none of that and stays within its size budget (issue 5 §4).
 */

export const CONTENT_CHANNEL = 'authdeck/content';

/** What a content script may report (the popup's activity list, and e2e completion signals). */
export const CONTENT_OUTCOMES = [
  'filled',
  'untrusted-click',
  'too-quick',
  'obscured',
  'refused',
  'no-field',
  'navigated',
  'needs-typing',
  'locked',
] as const;

export type ContentOutcome = (typeof CONTENT_OUTCOMES)[number];

export interface ContentRequests {
  /** The always-on watcher saw an input: load the detector into this frame. */
  'content/load-detector': Record<string, never>;
  /** Labels of the accounts bound to the sender's origin, and its site settings. */
  'content/accounts': Record<string, never>;
  /** The code of one bound account, after a trusted click (or auto-fill where allowed). */
  'content/fill': { accountId: string; trigger: 'inline' | 'auto' };
  'content/report': { outcome: ContentOutcome };
}

export interface ContentAccountView {
  id: string;
  label: string;
}

export interface ContentReplies {
  'content/load-detector': { loaded: boolean };
  'content/accounts': {
    locked: boolean;
    accounts: ContentAccountView[];
    autoFill: boolean;
    autoSubmit: boolean;
  };
  'content/fill': { code: string; autoSubmit: boolean };
  'content/report': null;
}

export type ContentType = keyof ContentRequests & keyof ContentReplies;

export interface ContentWireMessage<K extends ContentType = ContentType> {
  channel: typeof CONTENT_CHANNEL;
  type: K;
  payload: ContentRequests[K];
}

/** A content script's typed send; a refusal rejects with the worker's error code. */
export type SendToWorkerFromPage = <K extends ContentType>(
  type: K,
  payload: ContentRequests[K],
) => Promise<ContentReplies[K]>;
