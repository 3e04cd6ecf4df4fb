/**
 * Test doubles for the inspector's worker part: an in-memory value store that can be made to
 * fail, HAR entry builders, and an in-memory stand-in for the two browser functions the header
 * rules use. WXT's fake browser has no working declarativeNetRequest (its methods throw "not
 * implemented"), so the header rules are driven through `HeaderRulesApi`, whose real binding
 * (src/platform/header-rules-api.ts) is one line per function.
 */
import type { HarEntry } from '../../../src/inspector/har';
import type { HeaderRule } from '../../../src/worker/inspector/header-rules';
import type { HeaderRulesApi } from '../../../src/worker/inspector/header-rules-service';
import type { ValueStore } from '../../../src/worker/vault-service';

export interface MemoryStore<T> extends ValueStore<T> {
  value: T | null;
  failWrites: boolean;
  writes: number;
}

export function memoryStore<T>(initial: T | null = null): MemoryStore<T> {
  const store: MemoryStore<T> = {
    value: initial,
    failWrites: false,
    writes: 0,
    getValue: () => Promise.resolve(store.value === null ? null : structuredClone(store.value)),
    setValue: (value) => {
      if (store.failWrites) return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      store.writes++;
      store.value = structuredClone(value);
      return Promise.resolve();
    },
    removeValue: () => {
      store.value = null;
      return Promise.resolve();
    },
  };
  return store;
}

export function harEntry(overrides: Partial<HarEntry> = {}): HarEntry {
  return {
    startedDateTime: '2026-11-22T12:00:00.000Z',
    time: 12,
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8787/auth/v1/signin',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      postData: { mimeType: 'application/json', text: '{"username":"zhangsan"}' },
    },
    response: {
      status: 200,
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { mimeType: 'application/json', size: 2, text: '{}' },
    },
    ...overrides,
  };
}

export interface MemoryRules extends HeaderRulesApi {
  rules: Map<number, HeaderRule>;
  granted: Set<string>;
  updates: number;
  /** Makes the next updates fail, as a browser without the API does. */
  broken: boolean;
}

/** The session rule table and host permissions, as the browser keeps them. */
export function memoryRules(): MemoryRules {
  const api: MemoryRules = {
    rules: new Map(),
    granted: new Set(),
    updates: 0,
    broken: false,
    updateSessionRules: ({ removeRuleIds, addRules }) => {
      if (api.broken) return Promise.reject(new TypeError('declarativeNetRequest is undefined'));
      const next = new Map(api.rules);
      for (const id of removeRuleIds) next.delete(id);
      for (const rule of addRules) {
        // Chrome refuses the whole update when an added id is already taken.
        if (next.has(rule.id)) return Promise.reject(new Error(`Rule with id ${rule.id} exists`));
        next.set(rule.id, structuredClone(rule));
      }
      api.rules = next;
      api.updates++;
      return Promise.resolve();
    },
    permissionsContains: ({ origins }) =>
      Promise.resolve(origins.every((origin) => api.granted.has(origin))),
  };
  return api;
}

/** Bytes 0, 1, 2, … so a Cf-Ray made from them is known in advance. */
export const countingBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i);
