/**
 * The inspector part of the protocol (issue 6): the worker's own request log, session tools and
 * the header rules of test profiles. Log entries are HAR 1.2 entries (src/inspector/har.ts);
 * SCv2 calls carry their decrypted plaintexts in `_scPlaintext`. Secrets in the log are masked
 * (first 4 characters, then `…`) unless an entry is asked for with `reveal: true`.
 */
import * as v from 'valibot';
import type { HarEntry } from '../inspector/har';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export interface LogEntryView {
  /** Increasing per worker-log entry; stable across reads. */
  seq: number;
  /** The profile the request was made for. */
  profileId: string;
  /** The sign-in flow or session the request belongs to, when known. */
  flowId?: string;
  sessionId?: string;
  entry: HarEntry;
  /** Bytes dropped from bodies over the per-body cap (0 when nothing was cut). */
  cutBytes: number;
}

export interface RequestLogView {
  entries: LogEntryView[];
  /** Entries dropped from the front of the bounded log since it was last cleared. */
  dropped: number;
  capacity: number;
}

export interface HeaderRuleView {
  profileId: string;
  profileName: string;
  /** e.g. `127.0.0.1` — the rule applies to page requests to this domain only. */
  domain: string;
  /** Header names the rule sets (values are not sent: the access code is a secret of sorts). */
  headers: string[];
  enabled: boolean;
  /** The host permission for the origin is missing, so the browser will not apply it. */
  missingPermission: boolean;
}

export type SessionExportFormat = 'authorization-header' | 'curl' | 'json';

export const inspectorSchemas = {
  'inspector/log': v.strictObject({
    /** Only entries after this seq (for polling). */
    after: v.optional(v.pipe(v.number(), v.integer())),
  }),
  'inspector/reveal': v.strictObject({ seq: v.pipe(v.number(), v.integer()) }),
  'inspector/clear': v.strictObject({}),
  'sessions/close-channel': v.strictObject({ id }),
  'sessions/export': v.strictObject({
    id,
    format: v.picklist(['authorization-header', 'curl', 'json']),
  }),
  'header-rules/list': v.strictObject({}),
  'header-rules/set': v.strictObject({ profileId: id, enabled: v.boolean() }),
} satisfies Record<string, v.GenericSchema>;

export interface InspectorReplies {
  'inspector/log': RequestLogView;
  'inspector/reveal': LogEntryView;
  'inspector/clear': null;
  'sessions/close-channel': null;
  /** Contains the access token: sent only because the user asked to copy it. */
  'sessions/export': { text: string };
  'header-rules/list': HeaderRuleView[];
  'header-rules/set': HeaderRuleView[];
}
