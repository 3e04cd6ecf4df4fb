/**
 * The extension's own request log (`inspector/log`), followed by polling with `after` so each
 * round trip carries only what is new, plus the last entry already seen: the worker's lock
 * erases the log and its seqs start again at 1, and clearing empties it, so an answer that no
 * longer holds that entry as it was means the log was replaced, and it is read whole again.
 * One request at a time: a slow worker is not piled on.
 *
 *   no entry seen ──▶ read all ──▶ last seen = newest
 *   last seen n ──▶ read after n−1 ─┬─ starts with n as seen (or above n) ─▶ append the rest
 *                                    └─ n gone or changed ─▶ read all, replace
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LogEntryView, RequestLogView } from '../../messaging/inspector-protocol';
import { useUi } from '../context';
import { describeError } from '../error-message';

export const LOG_POLL_MS = 1000;

export interface WorkerLog {
  entries: LogEntryView[];
  /** Entries the worker's bounded log dropped from its front. */
  dropped: number;
  capacity: number | null;
  error: string | null;
  /** Empties the worker's log (and this view of it). */
  clear: () => Promise<void>;
}

function sameEntry(a: LogEntryView, b: LogEntryView): boolean {
  const { request: x } = a.entry;
  const { request: y } = b.entry;
  return (
    a.seq === b.seq &&
    a.entry.startedDateTime === b.entry.startedDateTime &&
    x.method === y.method &&
    x.url === y.url
  );
}

/** The entries after `seen` in a reply to `after: seen.seq - 1`, or null when `seen` is gone. */
function continuation(reply: RequestLogView, seen: LogEntryView): LogEntryView[] | null {
  const [first] = reply.entries;
  if (first === undefined) return null;
  if (first.seq === seen.seq) return sameEntry(first, seen) ? reply.entries.slice(1) : null;
  // Past the cap since the last poll: the seen entry was dropped, the rest is still new.
  return first.seq > seen.seq ? reply.entries : null;
}

export function useWorkerLog(pollMs: number = LOG_POLL_MS, enabled = true): WorkerLog {
  const { send, t } = useUi();
  const [entries, setEntries] = useState<LogEntryView[]>([]);
  const [meta, setMeta] = useState({ dropped: 0, capacity: null as number | null });
  const [error, setError] = useState<string | null>(null);
  const last = useRef<LogEntryView | null>(null);
  const busy = useRef(false);

  const take = useCallback((reply: RequestLogView, fresh: LogEntryView[], replace: boolean) => {
    const newest = fresh.at(-1);
    if (replace) last.current = newest ?? null;
    else if (newest !== undefined) last.current = newest;
    if (replace) setEntries(fresh);
    else if (fresh.length > 0) setEntries((list) => [...list, ...fresh]);
    setMeta((m) =>
      m.dropped === reply.dropped && m.capacity === reply.capacity
        ? m
        : { dropped: reply.dropped, capacity: reply.capacity },
    );
  }, []);

  const poll = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const seen = last.current;
      const reply = seen === null ? null : await send('inspector/log', { after: seen.seq - 1 });
      const fresh = reply === null || seen === null ? null : continuation(reply, seen);
      if (reply !== null && fresh !== null) take(reply, fresh, false);
      else {
        const all = await send('inspector/log', {});
        take(all, all.entries, seen !== null || all.entries.length > 0);
      }
      setError(null);
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      busy.current = false;
    }
  }, [send, t, take]);

  useEffect(() => {
    if (!enabled) return undefined;
    void poll();
    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      clearInterval(timer);
    };
  }, [poll, pollMs, enabled]);

  const clear = useCallback(async () => {
    await send('inspector/clear', {});
    last.current = null;
    setEntries([]);
    setMeta((m) => ({ ...m, dropped: 0 }));
  }, [send]);

  return { entries, ...meta, error, clear };
}
