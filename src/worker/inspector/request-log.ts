/**
 * The worker's bounded log of its own provider requests (issue 6), kept in storage.session so a
 * stopped worker finds it again and a closed browser forgets it. Entries hold what went over the
 * wire, SCv2 plaintexts included, so reads are masked (`list`) unless one entry is asked for
 * whole (`reveal`), and the lock empties the log.
 *
 *   append ─► entries (oldest dropped past `capacity` entries or `maxBytes`, counted in `dropped`)
 *   clear ─► no entries, `dropped` 0; `nextSeq` goes on, so a poller's `after` stays valid
 *   erase (lock) ─► nothing left in storage.session at all; seqs start again at 1, and a
 *     poller whose `after` is past the new numbering gets the whole new log
 */
import type { LogEntryView, RequestLogView } from '../../messaging/inspector-protocol';
import { ActionError } from '../../messaging/router';
import type { ValueStore } from '../vault-service';
import { maskLogEntry } from './mask-entry';

/** Entries kept; the 201st pushes the oldest out. */
export const LOG_CAPACITY = 200;
/** Bytes kept of each body (request, response, and each SCv2 plaintext); the rest is cut. */
export const LOG_BODY_CAP_BYTES = 64 * 1024;
/**
 * All entries together, as JSON characters. storage.session has a 10 MiB quota in Chrome that
 * the vault key and the SC sessions share: the log may never crowd them out.
 */
export const LOG_MAX_CHARS = 4 * 1024 * 1024;

export interface StoredLogEntry {
  view: LogEntryView;
  /** JSON length of the entry, for the `maxChars` budget. */
  chars: number;
}

export interface StoredRequestLog {
  v: 1;
  nextSeq: number;
  dropped: number;
  entries: StoredLogEntry[];
}

export type NewLogEntry = Omit<LogEntryView, 'seq'>;

export interface RequestLogDeps {
  store: ValueStore<StoredRequestLog>;
  /** Nothing is appended while locked: a request finishing after a lock leaves no trace. */
  isUnlocked: () => Promise<boolean>;
  capacity?: number;
  maxChars?: number;
}

const notFound = () =>
  new ActionError('LOG_ENTRY_NOT_FOUND', 'That request is no longer in the log.');

/** What storage holds, or an empty log when it holds nothing readable (an older build's). */
export function parseStoredLog(value: unknown): StoredRequestLog {
  const empty: StoredRequestLog = { v: 1, nextSeq: 1, dropped: 0, entries: [] };
  if (typeof value !== 'object' || value === null) return empty;
  const log = value as Partial<Record<keyof StoredRequestLog, unknown>>;
  if (
    log.v !== 1 ||
    typeof log.nextSeq !== 'number' ||
    typeof log.dropped !== 'number' ||
    !Array.isArray(log.entries)
  ) {
    return empty;
  }
  return value as StoredRequestLog;
}

export function createRequestLog(d: RequestLogDeps) {
  const capacity = d.capacity ?? LOG_CAPACITY;
  const maxChars = d.maxChars ?? LOG_MAX_CHARS;
  let queue: Promise<unknown> = Promise.resolve();
  /** One read-modify-write at a time within a worker life. */
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }
  const read = async () => parseStoredLog(await d.store.getValue());

  function trim(log: StoredRequestLog): void {
    let total = log.entries.reduce((sum, e) => sum + e.chars, 0);
    while (log.entries.length > capacity || (total > maxChars && log.entries.length > 1)) {
      const gone = log.entries.shift();
      total -= gone?.chars ?? 0;
      log.dropped++;
    }
  }

  return {
    /** Stores one entry and returns its seq; null when locked or storage failed. Never throws. */
    append: (entry: NewLogEntry): Promise<number | null> =>
      exclusive(async () => {
        if (!(await d.isUnlocked())) return null;
        const log = await read();
        const seq = log.nextSeq;
        const view: LogEntryView = { seq, ...entry };
        log.entries.push({ view, chars: JSON.stringify(view).length });
        log.nextSeq = seq + 1;
        trim(log);
        await d.store.setValue(log);
        return seq;
      }).catch(() => null),

    /**
     * Entries after `after`, every secret masked. All of them when `after` is absent, or when
     * it is one the log never gave out: the log was erased (a lock, a browser restart) since.
     */
    list: (after?: number): Promise<RequestLogView> =>
      exclusive(async () => {
        const log = await read();
        const from = after === undefined || after >= log.nextSeq ? 0 : after;
        const entries = log.entries
          .filter((e) => e.view.seq > from)
          .map((e) => maskLogEntry(e.view));
        return { entries, dropped: log.dropped, capacity };
      }),

    /** One entry as recorded, secrets and all (an explicit user action). */
    reveal: (seq: number): Promise<LogEntryView> =>
      exclusive(async () => {
        const found = (await read()).entries.find((e) => e.view.seq === seq);
        if (!found) throw notFound();
        return found.view;
      }),

    /** `inspector/clear`. */
    clear: (): Promise<void> =>
      exclusive(async () => {
        const { nextSeq } = await read();
        await d.store.setValue({ v: 1, nextSeq, dropped: 0, entries: [] });
      }),

    /** The lock: storage.session keeps no trace of the log. */
    erase: (): Promise<void> => exclusive(() => d.store.removeValue()),
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
