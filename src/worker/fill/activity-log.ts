/**
 * Recent fill attempts per tab, so the popup can say why a code was not filled (covered
 * button, a click too quick, no field). Outcome codes only: never a code, label or URL.
 */
import type { FillActivityView } from '../../messaging/fill-protocol';
import type { ValueStore } from '../vault-service';

const PER_TAB = 20;
const TABS = 50;

export interface ActivityLogDeps {
  store: Pick<ValueStore<Record<string, FillActivityView[]>>, 'getValue' | 'setValue'>;
  now: () => number;
}

export function createActivityLog({ store, now }: ActivityLogDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Read-modify-write one at a time: reports from one page arrive in bursts. */
  function exclusive(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    record: (tabId: number, source: FillActivityView['source'], outcome: string) =>
      exclusive(async () => {
        const all = (await store.getValue()) ?? {};
        // Not a bare number: integer-like keys would sort numerically, not by insertion.
        const key = `tab${tabId}`;
        const entries = [...(all[key] ?? []), { at: now(), source, outcome }].slice(-PER_TAB);
        // This tab moves to the end; the least recently active tabs fall off the front.
        const others = Object.entries(all).filter(([k]) => k !== key);
        const kept = [...others, [key, entries] as const].slice(-TABS);
        await store.setValue(Object.fromEntries(kept));
      }),
    list: async (tabId: number) => ((await store.getValue()) ?? {})[`tab${tabId}`] ?? [],
  };
}

export type ActivityLog = ReturnType<typeof createActivityLog>;
