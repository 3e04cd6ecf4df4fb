/**
 * The always-on watcher's registration (issue 5 §4). No content script runs anywhere by
 * default: the manifest declares none. Bound sites whose host permission the user granted get
 * `otp-watch.js` through `scripting.registerContentScripts` (persisted across sessions); the
 * all-sites setting, once its permission is granted, widens that to every http(s) page. Every
 * change of bindings, settings or permissions calls `sync`, which makes the one registration
 * match what is allowed now, or removes it.
 */
import type { FillSettingsView } from '../../messaging/fill-protocol';
import { ALL_SITE_PATTERNS, matchPatternOf, type SiteBinding } from '../../messaging/origin-match';
import type { ValueStore } from '../vault-service';

export const WATCHER_SCRIPT_ID = 'authdeck-otp-watch';
export const WATCHER_FILE = 'otp-watch.js';
export const ALL_SITES = ALL_SITE_PATTERNS;

export interface RegisteredScript {
  id: string;
  js: string[];
  matches?: string[];
  allFrames?: boolean;
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The slice of `browser.scripting` and `browser.permissions` the registration uses. */
export interface RegistrationApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  permissionsContains(origins: string[]): Promise<boolean>;
}

export interface RegistrationDeps {
  api: RegistrationApi;
  boundSites: Pick<ValueStore<SiteBinding[]>, 'getValue'>;
  settings: Pick<ValueStore<FillSettingsView>, 'getValue'>;
}

export function watcherScript(matches: string[]): RegisteredScript {
  return {
    id: WATCHER_SCRIPT_ID,
    js: [WATCHER_FILE],
    matches,
    // Top frames only: a bound site framed by another page is where clickjacking happens.
    allFrames: false,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

export function createContentRegistration({ api, boundSites, settings }: RegistrationDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  /** The patterns the watcher may run on now: granted ones only. */
  async function allowedPatterns(): Promise<string[]> {
    const all = (await settings.getValue())?.allSites === true;
    if (all && (await api.permissionsContains(ALL_SITES))) return ALL_SITES;
    const patterns = new Set<string>();
    for (const binding of (await boundSites.getValue()) ?? []) {
      const pattern = matchPatternOf(binding);
      if (pattern !== null && (await api.permissionsContains([pattern]))) patterns.add(pattern);
    }
    return [...patterns].sort();
  }

  async function apply(): Promise<string[]> {
    const matches = await allowedPatterns();
    const current = (await api.getRegisteredContentScripts({ ids: [WATCHER_SCRIPT_ID] }))[0];
    if (matches.length === 0) {
      if (current !== undefined) await api.unregisterContentScripts({ ids: [WATCHER_SCRIPT_ID] });
      return matches;
    }
    if (current === undefined) await api.registerContentScripts([watcherScript(matches)]);
    else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify(matches)) {
      await api.updateContentScripts([watcherScript(matches)]);
    }
    return matches;
  }

  return {
    /** One at a time: two overlapping registrations of one id would fail. */
    sync(): Promise<string[]> {
      const run = queue.then(apply, apply);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

export type ContentRegistration = ReturnType<typeof createContentRegistration>;
