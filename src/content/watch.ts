/**
 * The always-on part on bound sites (issue 5 §4): it costs nothing on pages without inputs.
 * At start it reads one live collection; if the page has no input yet it observes mutations,
 * keeping at most MAX_ADDED custom elements per batch (inputs in their shadow roots), checks in
 * idle time at most every 250 ms, never while the tab is hidden, and gives up after MAX_RUNS
 * checks. The first input found asks the worker for the full detector (`load`), once.
 */
import { createIdleBatcher, type IdleWindow } from './idle-batcher';

const MAX_ADDED = 64;
const MAX_RUNS = 2000;
const MIN_INTERVAL_MS = 250;

export interface WatcherDeps {
  /** The page's window: its idle callbacks, timers and MutationObserver. */
  win: IdleWindow & { MutationObserver: typeof MutationObserver };
  doc: Document;
  load: () => void;
}

/** Starts watching; answers a stop function (also called once `load` fired). */
export function startWatcher({ win, doc, load }: WatcherDeps): () => void {
  const inputs = doc.getElementsByTagName('input');
  if (inputs.length > 0) {
    load();
    return () => undefined;
  }
  let added: Element[] = [];
  let observer: MutationObserver | null = null;
  const check = () => {
    const inShadow = added.some((el) => el.shadowRoot?.querySelector('input') != null);
    added = [];
    if (inputs.length === 0 && !inShadow) return;
    stop();
    load();
  };
  const batcher = createIdleBatcher(win, doc, check, {
    minIntervalMs: MIN_INTERVAL_MS,
    maxRuns: MAX_RUNS,
    onExhausted: () => observer?.disconnect(),
  });
  observer = new win.MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (added.length >= MAX_ADDED) break;
        // Only custom elements can hide inputs in a shadow root the live collection misses.
        if (node.nodeType === 1 && (node as Element).localName.includes('-')) {
          added.push(node as Element);
        }
      }
    }
    batcher.poke();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  function stop(): void {
    observer?.disconnect();
    batcher.stop();
  }
  return stop;
}
