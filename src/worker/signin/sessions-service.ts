/**
 * Auth sessions (issue 4). The vault holds them (`sessions`); storage.session holds a decrypted
 * copy while unlocked; one alarm per session refreshes it ahead of expiry.
 *
 *   signed in ──alarm / refresh──► refreshed (new tokens, next alarm)
 *        │                └─ refused for good (reuse, revoked) ─► kept with lastError, no alarm
 *        │                └─ failed for now (network) ─► kept with lastError, alarm in 1 min
 *        └─ sign out ─► logout at the provider (best effort), removed with its alarm
 *   lock: the copy goes, alarms fire into nothing; unlock: copy rebuilt, alarms re-armed, and
 *   what expired meanwhile refreshed at once.
 *
 * No module global is trusted: the in-flight map only lets concurrent callers in one worker
 * life share a refresh; every decision re-reads the vault.
 */
import type { SessionView } from '../../messaging/signin-protocol';
import { ActionError } from '../../messaging/router';
import { ProviderError } from '../../providers/errors';
import type { Tokens } from '../../providers/flow';
import type { StoredSession, VaultContents } from '../vault-contents';
import type { ValueStore, VaultService } from '../vault-service';
import type { ClientHash } from './client-hash';
import { toAdapterProfile } from './profile-rules';
import type { ProfilesService } from './profiles-service';
import type { ProviderAccess } from './provider-access';
import {
  refreshAlarmName,
  refreshAlarmTime,
  RETRY_AFTER_FAILURE_MS,
  sessionIdOfAlarm,
} from './refresh-schedule';
import { isRefreshable, settleRefresh, toSessionView } from './session-view';

export interface RefreshAlarms {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ scheduledTime: number } | undefined>;
}

export interface SessionsDeps {
  vault: VaultService;
  cache: ValueStore<Record<string, StoredSession>>;
  alarms: RefreshAlarms;
  profiles: ProfilesService;
  clientHash: ClientHash;
  access: ProviderAccess;
  newId: () => string;
}

const notFound = () => new ActionError('SESSION_NOT_FOUND', 'That session no longer exists.');

function withoutSessions(contents: VaultContents, drop: (s: StoredSession) => boolean) {
  const kept = Object.entries(contents.sessions ?? {}).filter(([, s]) => !drop(s));
  return { ...contents, sessions: Object.fromEntries(kept) };
}

export function createSessionsService(d: SessionsDeps) {
  const now = () => d.access.now();
  const inFlight = new Map<string, Promise<SessionView>>();
  let cacheQueue: Promise<unknown> = Promise.resolve();

  const isUnlocked = async () => (await d.vault.state()) === 'unlocked';
  async function requireUnlocked(): Promise<void> {
    if (!(await isUnlocked())) {
      throw new ActionError('VAULT_LOCKED', 'Unlock the vault to use auth sessions.');
    }
  }
  const stored = async () => (await d.vault.read()).sessions ?? {};

  /** Rewrites the decrypted copy from the vault, one write at a time; never while locked. */
  function syncCache(): Promise<void> {
    const run = cacheQueue.then(async () => {
      if (await isUnlocked()) await d.cache.setValue(await stored());
    });
    cacheQueue = run.catch(() => undefined);
    return run;
  }

  async function cached(): Promise<Record<string, StoredSession>> {
    const copy = await d.cache.getValue();
    if (copy !== null) return copy;
    await syncCache();
    return (await d.cache.getValue()) ?? {};
  }

  async function schedule(session: StoredSession): Promise<void> {
    const name = refreshAlarmName(session.id);
    if (!isRefreshable(session, now())) {
      await d.alarms.clear(name);
      return;
    }
    const when =
      session.lastError === undefined
        ? refreshAlarmTime(session.tokens, now())
        : now() + RETRY_AFTER_FAILURE_MS;
    await d.alarms.create(name, { when });
  }

  async function view(session: StoredSession): Promise<SessionView> {
    const profile = await d.profiles.find(session.profileId);
    const alarm = await d.alarms.get(refreshAlarmName(session.id));
    return toSessionView(session, profile, alarm?.scheduledTime, now());
  }

  async function removeLocal(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const drop = new Set(ids);
    await d.vault.update((c) => ({
      contents: withoutSessions(c, (s) => drop.has(s.id)),
      result: null,
    }));
    await syncCache();
    for (const id of ids) await d.alarms.clear(refreshAlarmName(id));
  }

  async function refreshNow(id: string): Promise<SessionView> {
    await requireUnlocked();
    const used = (await stored())[id];
    if (!used) throw notFound();
    const profile = await d.profiles.get(used.profileId);
    let outcome: Tokens | ProviderError;
    try {
      const adapter = d.access.adapters()[profile.family];
      outcome = await adapter.refresh(
        toAdapterProfile(profile, await d.clientHash.get()),
        used.tokens,
      );
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      outcome = error;
    }
    // Re-read: another refresh may have stored newer tokens while ours was on the wire.
    const next = await d.vault.update((c) => {
      const current = c.sessions?.[id];
      if (!current) throw notFound();
      const settled = settleRefresh(used, current, outcome);
      return { contents: { ...c, sessions: { ...c.sessions, [id]: settled } }, result: settled };
    });
    await syncCache();
    await schedule(next);
    return view(next);
  }

  function refresh(id: string): Promise<SessionView> {
    const running = inFlight.get(id);
    if (running) return running;
    const started = refreshNow(id).finally(() => inFlight.delete(id));
    inFlight.set(id, started);
    return started;
  }

  return {
    refresh,

    /** Stores a new session (plus `alsoChange`, in the same vault write) and arms its alarm. */
    async add(
      profileId: string,
      tokens: Tokens,
      alsoChange: (c: VaultContents) => VaultContents = (c) => c,
    ): Promise<StoredSession> {
      const session: StoredSession = { id: d.newId(), profileId, tokens, createdAt: now() };
      await d.vault.update((c) => ({
        contents: alsoChange({ ...c, sessions: { ...c.sessions, [session.id]: session } }),
        result: null,
      }));
      await syncCache();
      await schedule(session);
      return session;
    },

    async list(): Promise<SessionView[]> {
      await requireUnlocked();
      const all = Object.values(await cached()).sort((a, b) => a.createdAt - b.createdAt);
      return Promise.all(all.map(view));
    },

    async reveal(id: string): Promise<{ accessToken: string; tokenType: string }> {
      await requireUnlocked();
      const session = (await cached())[id];
      if (!session) throw notFound();
      return { accessToken: session.tokens.accessToken, tokenType: session.tokens.tokenType };
    },

    /** Logout at the provider where it has one (best effort), then forget it locally. */
    async signOut(id: string): Promise<void> {
      await requireUnlocked();
      const session = (await stored())[id];
      if (!session) throw notFound();
      const profile = await d.profiles.find(session.profileId);
      if (profile) {
        const adapters = d.access.adapters();
        const target = toAdapterProfile(profile, await d.clientHash.get());
        // Best effort: the session is gone locally whatever the provider answers.
        await adapters[profile.family].logout(target, session.tokens).catch(() => undefined);
        if (target.family === 'slaunchx') {
          await adapters.slaunchx.closeChannel(target).catch(() => undefined); // SCv2 §5
        }
      }
      await removeLocal([id]);
    },

    /** A deleted profile's sessions, locally; a locked vault is pruned at the next unlock. */
    async removeForProfile(profileId: string): Promise<void> {
      if (!(await isUnlocked())) return;
      const all = Object.values(await stored());
      await removeLocal(all.filter((s) => s.profileId === profileId).map((s) => s.id));
    },

    /**
     * After unlock: drops what deleted profiles left behind, rebuilds the copy, re-arms every
     * alarm and refreshes at once what expired while locked (not awaited: the unlock answers
     * first; concurrent callers join through `refresh`).
     */
    async onUnlock(): Promise<void> {
      const profileIds = new Set((await d.profiles.list()).map((p) => p.id));
      const contents = await d.vault.read();
      const orphan = (s: StoredSession) => !profileIds.has(s.profileId);
      const secrets = Object.keys(contents.profileSecrets ?? {}).filter(
        (id) => !profileIds.has(id),
      );
      const sessions = Object.values(contents.sessions ?? {});
      if (secrets.length > 0 || sessions.some(orphan)) {
        await d.vault.update((c) => {
          const kept = Object.entries(c.profileSecrets ?? {}).filter(([id]) => profileIds.has(id));
          const pruned = withoutSessions(c, orphan);
          return {
            contents: { ...pruned, profileSecrets: Object.fromEntries(kept) },
            result: null,
          };
        });
        for (const s of sessions.filter(orphan)) await d.alarms.clear(refreshAlarmName(s.id));
      }
      await syncCache();
      for (const session of sessions.filter((s) => !orphan(s))) {
        await schedule(session);
        if (session.tokens.expiresAt <= now() && isRefreshable(session, now())) {
          refresh(session.id).catch(() => undefined); // the outcome is stored as lastError
        }
      }
    },

    /** A refresh alarm: nothing while locked (unlock re-arms), else refresh. */
    async onAlarm(name: string): Promise<void> {
      const id = sessionIdOfAlarm(name);
      if (id === null || !(await isUnlocked())) return;
      if (!(await stored())[id]) {
        await d.alarms.clear(name);
        return;
      }
      await refresh(id);
    },

    /** Before a lock: lets refreshes on the wire store their rotated tokens, up to `maxMs`. */
    async settle(maxMs: number): Promise<void> {
      const running = [...inFlight.values()].map((p) => p.catch(() => undefined));
      if (running.length === 0) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
      await Promise.race([Promise.all(running), deadline]);
      clearTimeout(timer);
    },

    /** Lock: the decrypted copy goes; the vault keeps the sessions. */
    clear: () => d.cache.removeValue(),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
