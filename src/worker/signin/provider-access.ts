/**
 * How the worker reaches the providers: a fresh set of adapters per operation, over the SC
 * sessions kept in storage.session by channel. Nothing lives in module memory, so a lock that
 * clears storage.session leaves no SC key behind, and a stopped worker resumes from storage.
 */
import { createProviderAdapters, DEFAULT_TIMEOUT_MS, type ProviderAdapters } from '../../providers';
import type { ScSessionState } from '../../secure-channel/session-state';
import type { ValueStore } from '../vault-service';
import type { AdapterRecorder } from '../inspector/adapter-recorder';

export interface ProviderAccessDeps {
  scStore: ValueStore<Record<string, ScSessionState>>;
  fetch: typeof fetch;
  now: () => number;
  /** False once the vault is locked: a call still in flight then must not store a new key. */
  isUnlocked: () => Promise<boolean>;
  /** Per request; the default (25 s) stays below the MV3 worker's 30 s event limit. */
  timeoutMs?: number;
  /** Records every request the adapters make in the inspector's request log (issue 6). */
  recorder?: AdapterRecorder;
}

export function createProviderAccess(deps: ProviderAccessDeps) {
  const { scStore, fetch, now, timeoutMs } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  /** SC state writes one at a time, so two channels changing together lose nothing. */
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const scState = async (channelKey: string) => (await scStore.getValue())?.[channelKey] ?? null;

  const onScStateChange = (channelKey: string, state: ScSessionState | null) =>
    exclusive(async () => {
      const all = Object.fromEntries(
        Object.entries((await scStore.getValue()) ?? {}).filter(([key]) => key !== channelKey),
      );
      if (state !== null && (await deps.isUnlocked())) all[channelKey] = state;
      await scStore.setValue(all);
    });

  return {
    adapters: (): ProviderAdapters => {
      const base = {
        fetch,
        now,
        timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
        scState,
        onScStateChange,
      };
      return deps.recorder
        ? deps.recorder.adapters(base, createProviderAdapters)
        : createProviderAdapters(base);
    },
    timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch,
    now,
    /** Lock: every SC session key goes (SCv2 §5 close is not needed for a local forget). */
    clear: () => exclusive(() => scStore.removeValue()),
  };
}

export type ProviderAccess = ReturnType<typeof createProviderAccess>;
