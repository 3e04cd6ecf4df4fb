/**
 * Runs `run` in idle time after a burst of pokes, at most once per `minIntervalMs` and at most
 * `maxRuns` times, and not at all while the tab is hidden (issue 5 §4): a page that mutates its
 * DOM thousands of times a second costs one idle callback per interval, a background tab
 * nothing. After `maxRuns` the batcher stops for good and says so through `onExhausted`.
 */

export interface IdleBatcherOptions {
  minIntervalMs: number;
  maxRuns: number;
  onExhausted?: () => void;
}

export interface IdleBatcher {
  poke(): void;
  stop(): void;
}

export type IdleWindow = Pick<Window, 'setTimeout'> & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
};

export function createIdleBatcher(
  win: IdleWindow,
  doc: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>,
  run: () => void,
  opts: IdleBatcherOptions,
): IdleBatcher {
  let scheduled = false;
  let pendingWhileHidden = false;
  let stopped = false;
  let runs = 0;
  let last = Number.NEGATIVE_INFINITY;
  const now = () => performance.now();
  // Safari has no requestIdleCallback: a short timeout is the nearest thing.
  const idle = (cb: () => void) =>
    win.requestIdleCallback
      ? win.requestIdleCallback(cb, { timeout: 2000 })
      : win.setTimeout(cb, 50);

  function fire(): void {
    scheduled = false;
    if (stopped) return;
    if (doc.hidden) {
      pendingWhileHidden = true;
      return;
    }
    last = now();
    runs += 1;
    run();
    if (runs >= opts.maxRuns) {
      stop();
      opts.onExhausted?.();
    }
  }

  function poke(): void {
    if (stopped || scheduled) return;
    if (doc.hidden) {
      pendingWhileHidden = true;
      return;
    }
    scheduled = true;
    const wait = last + opts.minIntervalMs - now();
    if (wait > 0) win.setTimeout(() => idle(fire), wait);
    else idle(fire);
  }

  const onVisibility = () => {
    if (doc.hidden || !pendingWhileHidden) return;
    pendingWhileHidden = false;
    poke();
  };
  doc.addEventListener('visibilitychange', onVisibility);

  function stop(): void {
    stopped = true;
    doc.removeEventListener('visibilitychange', onVisibility);
  }

  return { poke, stop };
}
