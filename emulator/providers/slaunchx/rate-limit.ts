/**
 * providers.md §1.3 rate limit: a fixed 60 s window per endpoint and X-Client-Hash, opened by
 * the first counted request; 5 requests are answered, the 6th and later are refused until the
 * window ends.
 */
export const WINDOW_MS = 60_000;
export const LIMIT = 5;

export interface RateLimiter {
  /** Counts one request; returns the seconds to wait when it is over the limit, else null. */
  hit(key: string, nowMs: number): number | null;
}

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, nowMs) {
      let window = windows.get(key);
      if (window === undefined || nowMs >= window.start + WINDOW_MS) {
        window = { start: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= LIMIT) return null;
      return Math.max(1, Math.ceil((window.start + WINDOW_MS - nowMs) / 1000));
    },
  };
}
