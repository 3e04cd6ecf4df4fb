/**
 * The HAR file loaded into the panel, and the panel's page traffic with it.
 *
 *   none ── load(file) ──▶ reading ──▶ loaded (its entries in the page pipeline)
 *              ▲              └──────▶ error (the file loaded before, if any, stays)
 *              └── clear() ◀── loaded          a later load replaces the file before it
 *
 * The file's entries run through their own usePageCapture (triage, caps, skipped and unreadable
 * counts), then join the live page capture, so the flow list groups and lints them as page
 * traffic: masked until revealed, as DevTools' own entries are.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import {
  HAR_FILE_LIMITS,
  HarFileError,
  harFileSource,
  readHarFile,
  type FileLike,
  type HarFile,
  type HarFileLimits,
} from './har-file-source';
import { usePageCapture, type PageCapture } from './use-page-capture';

export interface HarFileState {
  loaded: HarFile | null;
  error: HarFileError | null;
  busy: boolean;
  /** The loaded file's traffic as the page pipeline kept it. */
  capture: PageCapture;
  /** Never rejects: a file that cannot be used becomes `error`. */
  load: (file: FileLike) => Promise<void>;
  clear: () => void;
}

export function useHarFile(limits: HarFileLimits = HAR_FILE_LIMITS): HarFileState {
  const [loaded, setLoaded] = useState<HarFile | null>(null);
  const [error, setError] = useState<HarFileError | null>(null);
  const [busy, setBusy] = useState(false);
  const source = useMemo(() => (loaded === null ? null : harFileSource(loaded)), [loaded]);
  const capture = usePageCapture(source);
  const clearCapture = capture.clear;
  // Two files chosen in quick succession: the one chosen last wins.
  const latest = useRef(0);

  const load = useCallback(
    async (file: FileLike) => {
      const ticket = ++latest.current;
      setBusy(true);
      setError(null);
      try {
        const har = await readHarFile(file, limits);
        if (ticket !== latest.current) return;
        clearCapture();
        setLoaded(har);
      } catch (caught) {
        if (ticket !== latest.current) return;
        // The UI boundary (style.md §8): whatever went wrong is shown, never thrown.
        setError(
          caught instanceof HarFileError
            ? caught
            : new HarFileError('HAR_FILE_UNREADABLE', file.name, { detail: String(caught) }),
        );
      } finally {
        if (ticket === latest.current) setBusy(false);
      }
    },
    [limits, clearCapture],
  );
  const clear = useCallback(() => {
    latest.current++;
    setLoaded(null);
    setError(null);
    setBusy(false);
    clearCapture();
  }, [clearCapture]);

  return { loaded, error, busy, capture, load, clear };
}

/** One request in both lists: DevTools' own HAR export of the traffic it is showing. */
function identity(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const { startedDateTime, request } = raw as { startedDateTime?: unknown; request?: unknown };
  const url =
    typeof request === 'object' && request !== null ? (request as { url?: unknown }).url : '';
  return `${String(startedDateTime)} ${String(url)}`;
}

/**
 * The live page capture and the file's as one. Null (extension log only) while the panel has
 * no devtools.network and no file is loaded. Clearing clears both and unloads the file.
 */
export function useMergedCapture(live: PageCapture | null, har: HarFileState): PageCapture | null {
  const file = har.capture;
  const hasFile = har.loaded !== null;
  const entries = useMemo(() => {
    if (live === null || !hasFile) return live?.entries ?? file.entries;
    const seen = new Set(live.entries.map(identity));
    return [...live.entries, ...file.entries.filter((raw) => !seen.has(identity(raw)))];
  }, [live?.entries, file.entries, hasFile]);
  const liveClear = live?.clear;
  const harClear = har.clear;
  const clear = useCallback(() => {
    liveClear?.();
    harClear();
  }, [liveClear, harClear]);
  if (live === null && !hasFile) return null;
  if (live === null) return { ...file, entries, clear };
  if (!hasFile) return live;
  return {
    entries,
    unreadable: [...live.unreadable, ...file.unreadable],
    skipped: live.skipped + file.skipped,
    dropped: live.dropped + file.dropped,
    failed: live.failed,
    clear,
  };
}
