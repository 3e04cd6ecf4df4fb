/**
 * Header rules of test profiles, switchable per profile (issue 6). Which are on lives in
 * storage.local (`local:headerRules`); the rules themselves are declarativeNetRequest SESSION
 * rules, which the browser forgets when it closes, so `reapply` puts them back on every worker
 * start and after every profile change. Production profiles never get one.
 *
 *   set(on) ─► state stored ─► reapply: remove every rule id we ever gave, add the enabled ones
 *   profile deleted or made production ─► reapply drops its state and its rule
 *
 * The browser APIs come in as two narrow functions (`HeaderRulesApi`), so tests run this over
 * an in-memory rule table.
 */
import type { HeaderRuleView } from '../../messaging/inspector-protocol';
import { ActionError } from '../../messaging/router';
import type { ProfileRecord } from '../signin/profile-rules';
import type { ValueStore } from '../vault-service';
import {
  buildHeaderRule,
  devRay,
  ruleHeaderNames,
  ruleTarget,
  type HeaderRule,
} from './header-rules';

export interface HeaderRuleState {
  enabled: boolean;
  /** declarativeNetRequest rule ids are integers ≥ 1, unique among our session rules. */
  ruleId: number;
}

export type HeaderRuleStates = Record<string, HeaderRuleState>;

export interface HeaderRulesApi {
  /** `declarativeNetRequest.updateSessionRules`: removes, then adds, in one atomic update. */
  updateSessionRules(options: { removeRuleIds: number[]; addRules: HeaderRule[] }): Promise<void>;
  /** `permissions.contains`: without the origin's host permission the browser skips the rule. */
  permissionsContains(permissions: { origins: string[] }): Promise<boolean>;
}

export interface HeaderRulesDeps {
  store: ValueStore<HeaderRuleStates>;
  profiles: () => Promise<ProfileRecord[]>;
  api: HeaderRulesApi;
  randomBytes?: (length: number) => Uint8Array;
}

const defaultRandomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

const isTestProfile = (p: ProfileRecord | undefined): p is ProfileRecord =>
  p !== undefined && p.environment === 'test' && ruleTarget(p) !== null;

export function createHeaderRules(d: HeaderRulesDeps) {
  const randomBytes = d.randomBytes ?? defaultRandomBytes;
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }
  const states = async () => (await d.store.getValue()) ?? {};

  /** Brings the browser's session rules in line with the stored states and the profiles. */
  async function sync(): Promise<void> {
    const all = await states();
    const byId = new Map((await d.profiles()).map((p) => [p.id, p]));
    const kept = Object.entries(all).filter(([id]) => isTestProfile(byId.get(id)));
    if (kept.length !== Object.keys(all).length) await d.store.setValue(Object.fromEntries(kept));
    const addRules = kept.flatMap(([id, state]) => {
      const profile = byId.get(id);
      const rule =
        state.enabled && profile
          ? buildHeaderRule(profile, state.ruleId, devRay(randomBytes))
          : null;
      return rule === null ? [] : [rule];
    });
    const removeRuleIds = Object.values(all).map((s) => s.ruleId);
    if (removeRuleIds.length === 0 && addRules.length === 0) return;
    await d.api.updateSessionRules({ removeRuleIds, addRules });
  }

  async function view(profile: ProfileRecord, all: HeaderRuleStates): Promise<HeaderRuleView> {
    const target = ruleTarget(profile);
    let granted = false;
    try {
      granted =
        target !== null && (await d.api.permissionsContains({ origins: [`${target.origin}/*`] }));
    } catch {
      granted = false; // not known to be granted: shown as missing
    }
    return {
      profileId: profile.id,
      profileName: profile.name,
      domain: target?.domain ?? '',
      headers: ruleHeaderNames(profile),
      enabled: all[profile.id]?.enabled ?? false,
      missingPermission: !granted,
    };
  }

  async function list(): Promise<HeaderRuleView[]> {
    const all = await states();
    const tests = (await d.profiles()).filter(isTestProfile);
    return Promise.all(tests.map((p) => view(p, all)));
  }

  async function set(profileId: string, enabled: boolean): Promise<void> {
    const profile = (await d.profiles()).find((p) => p.id === profileId);
    if (!profile) throw new ActionError('PROFILE_NOT_FOUND', 'That profile no longer exists.');
    if (profile.environment !== 'test') {
      throw new ActionError(
        'HEADER_RULES_PRODUCTION',
        'Header rules are for test profiles only: a production gateway gets no simulated headers.',
      );
    }
    const before = await states();
    const ids = Object.values(before).map((s) => s.ruleId);
    const ruleId = before[profileId]?.ruleId ?? Math.max(0, ...ids) + 1;
    await d.store.setValue({ ...before, [profileId]: { enabled, ruleId } });
    try {
      await sync();
    } catch {
      await d.store.setValue(before);
      throw new ActionError(
        'HEADER_RULES_UNAVAILABLE',
        'The browser did not accept the header rule (declarativeNetRequest is unavailable).',
      );
    }
  }

  return {
    list: () => exclusive(list),
    set: (profileId: string, enabled: boolean) =>
      exclusive(async () => {
        await set(profileId, enabled);
        return list();
      }),
    /** Worker start and profile changes; a browser without the API leaves things as they are. */
    reapply: () => exclusive(() => sync().catch(() => undefined)),
  };
}

export type HeaderRules = ReturnType<typeof createHeaderRules>;
