/**
 * The inspector part of the worker (issue 6), built over its stores: the request log and the
 * recorder that fills it, the header rules of test profiles, and the message handlers. The
 * session tools need the sign-in part, which needs the recorder, so handlers come last.
 */
import type { ValueStore, VaultService } from '../vault-service';
import { createAdapterRecorder } from './adapter-recorder';
import {
  createHeaderRules,
  type HeaderRuleStates,
  type HeaderRulesApi,
} from './header-rules-service';
import { createInspectorHandlers } from './inspector-handlers';
import { createTagResolver, type TagSources } from './log-tags';
import { createRequestLog, type StoredRequestLog } from './request-log';
import { createSessionTools, type SessionToolsDeps } from './session-tools';

export interface InspectorStores extends TagSources {
  requestLog: ValueStore<StoredRequestLog>;
  headerRules: ValueStore<HeaderRuleStates>;
}

export interface InspectorDeps {
  vault: Pick<VaultService, 'state' | 'read'>;
  stores: InspectorStores;
  now: () => number;
  rulesApi: HeaderRulesApi;
  randomBytes?: (length: number) => Uint8Array;
}

export function createInspector(d: InspectorDeps) {
  const isUnlocked = async () => (await d.vault.state()) === 'unlocked';
  const log = createRequestLog({ store: d.stores.requestLog, isUnlocked });
  const recorder = createAdapterRecorder({
    log,
    now: d.now,
    tagsOf: createTagResolver(d.stores),
  });
  const headerRules = createHeaderRules({
    store: d.stores.headerRules,
    profiles: async () => (await d.stores.profiles.getValue()) ?? [],
    api: d.rulesApi,
    randomBytes: d.randomBytes,
  });
  return {
    log,
    recorder,
    headerRules,
    handlers: (signin: SessionToolsDeps['signin']) =>
      createInspectorHandlers({
        log,
        headerRules,
        isUnlocked,
        sessions: createSessionTools({ vault: d.vault, signin, randomBytes: d.randomBytes }),
      }),
  };
}

export type Inspector = ReturnType<typeof createInspector>;
