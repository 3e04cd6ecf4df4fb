/**
 * A token bucket per tab for content messages (issue 5 §7 "a page flooding the worker"). A
 * page cannot message the worker itself, but it can make our content script busy (inputs
 * appearing and vanishing, synthetic clicks); the bucket caps what that costs the worker.
 * Memory-only: a worker restart refills every bucket, which costs an attacker nothing it
 * could not get by waiting a few seconds.
 */

export interface RateLimitOptions {
  /** Messages a tab may send at once. */
  burst?: number;
  /** Messages per second a tab regains. */
  perSecond?: number;
  now?: () => number;
  /** Tabs tracked at once; the least recently seen is forgotten first. */
  maxTabs?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  limited: number;
}

export function createRateLimiter({
  burst = 30,
  perSecond = 3,
  now = () => Date.now(),
  maxTabs = 500,
}: RateLimitOptions = {}) {
  const buckets = new Map<number, Bucket>();

  function bucketOf(tabId: number): Bucket {
    const t = now();
    const known = buckets.get(tabId);
    const bucket = known ?? { tokens: burst, at: t, limited: 0 };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    // Re-inserted so Map order is least recently seen first.
    buckets.delete(tabId);
    buckets.set(tabId, bucket);
    if (buckets.size > maxTabs) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return bucket;
  }

  return {
    allow: (tabId: number): boolean => {
      const bucket = bucketOf(tabId);
      if (bucket.tokens < 1) {
        bucket.limited += 1;
        return false;
      }
      bucket.tokens -= 1;
      return true;
    },
    /** Messages refused to this tab since the worker started. */
    limited: (tabId: number) => buckets.get(tabId)?.limited ?? 0,
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
