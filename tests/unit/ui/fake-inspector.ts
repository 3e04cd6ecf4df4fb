/**
 * The inspector half of the in-memory worker (fake-worker.ts), behind the real request
 * schemas: a request log that masks secrets the way the worker's does (src/inspector's own
 * redaction) and reveals on request, session exports, closed secure channels and header rules.
 */
import type {
  HeaderRuleView,
  InspectorReplies,
  LogEntryView,
} from '../../../src/messaging/inspector-protocol';
import type { UiToWorker } from '../../../src/messaging/protocol';
import {
  entryEnvelopes,
  normalizeEntry,
  redactBodyText,
  redactHeaders,
  redactText,
  type HarEntry,
} from '../../../src/inspector';
import type { FakeSignin } from './fake-signin';

type InspectorType = keyof InspectorReplies;

export type InspectorHandlers = {
  [K in InspectorType]: (p: UiToWorker[K]['request']) => UiToWorker[K]['reply'];
};

export interface LogMeta {
  profileId?: string;
  flowId?: string;
  sessionId?: string;
  cutBytes?: number;
}

export interface FakeInspector {
  handlers: InspectorHandlers;
  /** Appends an entry (anything: it is normalised) to the log; answers its view. */
  append: (entry: unknown, meta?: LogMeta) => LogEntryView;
  entries: () => LogEntryView[];
  /** What the worker's lock does: the log goes, and seqs start again at 1. */
  erase: () => void;
  /** What `inspector/log` says about the bounded log. */
  bounds: { dropped: number; capacity: number };
  rules: HeaderRuleView[];
  /** Seqs asked for with `inspector/reveal`, in order. */
  revealed: number[];
  closedChannels: string[];
  exports: { id: string; format: string }[];
  /** The id token `sessions/export` adds for a session (IDaaS-like), by session id. */
  idTokens: Map<string, string>;
}

export interface FakeInspectorDeps {
  unlocked: () => void;
  fail: (code: string, message?: string) => never;
  signin: FakeSignin;
  rules?: HeaderRuleView[];
}

/** The worker masks every secret of a log entry; SCv2 envelopes are bytes and stay as they are. */
export function maskEntry(entry: HarEntry): HarEntry {
  const envelopes = entryEnvelopes(entry);
  const body = (text: string | undefined, side: 'request' | 'response') =>
    text === undefined ? undefined : redactBodyText(text, { side });
  const out: HarEntry = structuredClone(entry);
  out.request.url = redactText(entry.request.url);
  out.request.headers = redactHeaders(entry.request.headers);
  out.response.headers = redactHeaders(entry.response.headers);
  if (out.request.postData !== undefined && envelopes.request === null) {
    out.request.postData.text = body(out.request.postData.text, 'request') ?? '';
  }
  if (out.response.content.text !== undefined && envelopes.response === null) {
    out.response.content.text = body(out.response.content.text, 'response');
  }
  if (entry._scPlaintext !== undefined) {
    out._scPlaintext = {};
    const { request, response } = entry._scPlaintext;
    if (request !== undefined) out._scPlaintext.request = body(request, 'request');
    if (response !== undefined) out._scPlaintext.response = body(response, 'response');
  }
  return out;
}

export function createFakeInspector(deps: FakeInspectorDeps): FakeInspector {
  const { fail, unlocked, signin } = deps;
  const log: { view: LogEntryView; raw: HarEntry }[] = [];
  const bounds = { dropped: 0, capacity: 200 };
  const rules: HeaderRuleView[] = structuredClone(deps.rules ?? []);
  const revealed: number[] = [];
  const closedChannels: string[] = [];
  const exports: FakeInspector['exports'] = [];
  const idTokens = new Map<string, string>();
  let nextSeq = 1;

  const session = (id: string) =>
    signin.sessions().find((s) => s.id === id) ?? fail('SESSION_NOT_FOUND');
  const token = (id: string) => signin.handlers['sessions/reveal-token']({ id }).accessToken;

  const exportText = (id: string, format: string): string => {
    const s = session(id);
    const access = token(id);
    if (format === 'authorization-header') return `Authorization: ${s.tokenType} ${access}`;
    if (format === 'curl') {
      return `curl -H 'Authorization: ${s.tokenType} ${access}' 'http://127.0.0.1:8787/profile'`;
    }
    const idToken = idTokens.get(id);
    return JSON.stringify({
      tokenType: s.tokenType,
      accessToken: access,
      ...(idToken === undefined ? {} : { idToken }),
      expiresAt: s.expiresAt,
      account: s.account,
    });
  };

  const handlers: InspectorHandlers = {
    'inspector/log': ({ after }) => ({
      entries: log.map((l) => l.view).filter((v) => after === undefined || v.seq > after),
      dropped: bounds.dropped,
      capacity: bounds.capacity,
    }),
    'inspector/reveal': ({ seq }) => {
      revealed.push(seq);
      const found = log.find((l) => l.view.seq === seq) ?? fail('LOG_ENTRY_NOT_FOUND');
      return { ...found.view, entry: found.raw };
    },
    'inspector/clear': () => {
      log.length = 0;
      bounds.dropped = 0;
      return null;
    },
    'sessions/close-channel': ({ id }) => {
      unlocked();
      session(id);
      closedChannels.push(id);
      return null;
    },
    'sessions/export': ({ id, format }) => {
      unlocked();
      exports.push({ id, format });
      return { text: exportText(id, format) };
    },
    'header-rules/list': () => rules.map((r) => ({ ...r })),
    'header-rules/set': ({ profileId, enabled }) => {
      const rule = rules.find((r) => r.profileId === profileId) ?? fail('PROFILE_NOT_FOUND');
      rule.enabled = enabled;
      return rules.map((r) => ({ ...r }));
    },
  };

  return {
    handlers,
    append: (raw, meta = {}) => {
      const entry = normalizeEntry(raw).entry;
      const view: LogEntryView = {
        seq: nextSeq++,
        profileId: meta.profileId ?? 'prof-slx',
        entry: maskEntry(entry),
        cutBytes: meta.cutBytes ?? 0,
        ...(meta.flowId === undefined ? {} : { flowId: meta.flowId }),
        ...(meta.sessionId === undefined ? {} : { sessionId: meta.sessionId }),
      };
      log.push({ view, raw: entry });
      return structuredClone(view);
    },
    entries: () => log.map((l) => structuredClone(l.view)),
    erase: () => {
      log.length = 0;
      bounds.dropped = 0;
      nextSeq = 1;
    },
    bounds,
    rules,
    revealed,
    closedChannels,
    exports,
    idTokens,
  };
}
