/**
 * The inspected page's auth traffic, as the NetworkSource hands it over: what DevTools already
 * held when the panel opened, then each finished request. Only auth traffic is kept (bounded,
 * oldest dropped first); other requests are counted, unreadable ones listed with their reasons.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { triageEntry, type UnreadableEntry } from './panel-model';
import type { NetworkSource } from './network-source';

/** Captured auth entries kept in memory; a long session drops its oldest beyond this. */
export const MAX_PAGE_ENTRIES = 1000;
const MAX_UNREADABLE = 100;

export interface PageCapture {
  entries: unknown[];
  unreadable: UnreadableEntry[];
  /** Requests that were not auth traffic. */
  skipped: number;
  /** Auth entries dropped from the front beyond MAX_PAGE_ENTRIES. */
  dropped: number;
  /** Reading DevTools' HAR failed. */
  failed: string | null;
  clear: () => void;
}

interface State {
  entries: unknown[];
  unreadable: UnreadableEntry[];
  skipped: number;
  dropped: number;
  failed: string | null;
}

const EMPTY: State = { entries: [], unreadable: [], skipped: 0, dropped: 0, failed: null };

function addAll(state: State, items: readonly unknown[]): State {
  let { entries, unreadable, skipped, dropped } = state;
  for (const raw of items) {
    const triage = triageEntry(raw, 'page');
    if (triage.kind === 'auth') entries = [...entries, raw];
    else if (triage.kind === 'other') skipped++;
    else unreadable = [...unreadable, triage.entry].slice(-MAX_UNREADABLE);
  }
  const over = entries.length - MAX_PAGE_ENTRIES;
  if (over > 0) [entries, dropped] = [entries.slice(over), dropped + over];
  return { ...state, entries, unreadable, skipped, dropped };
}

/** Requests that finished while getHAR was answering appear in both: keep one. */
function identity(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const { startedDateTime, request } = raw as { startedDateTime?: unknown; request?: unknown };
  const url =
    typeof request === 'object' && request !== null ? (request as { url?: unknown }).url : '';
  return `${String(startedDateTime)} ${String(url)}`;
}

export function usePageCapture(source: NetworkSource | null): PageCapture {
  const [state, setState] = useState<State>(EMPTY);
  useEffect(() => {
    if (source === null) return undefined;
    let buffered: unknown[] | null = [];
    const unsubscribe = source.subscribe((raw) => {
      if (buffered === null) setState((s) => addAll(s, [raw]));
      else buffered.push(raw);
    });
    const flush = (initial: unknown[], failed: string | null) => {
      const seen = new Set(initial.map(identity));
      const late = (buffered ?? []).filter((raw) => !seen.has(identity(raw)));
      buffered = null;
      setState((s) => ({ ...addAll(s, [...initial, ...late]), failed }));
    };
    source.initial().then(
      (initial) => {
        flush(initial, null);
      },
      (error: unknown) => {
        flush([], error instanceof Error ? error.message : String(error));
      },
    );
    return unsubscribe;
  }, [source]);
  const clear = useCallback(() => {
    setState(EMPTY);
  }, []);
  return { ...state, clear };
}
