/**
 * Koodrive account lock (providers.md §3 `10005`): failures are counted per account name in a
 * sliding 15-minute window; the 5th one locks the account for 15 minutes and is itself answered
 * with the lock. A success clears the count. Unknown account names are counted the same way, so
 * the answers do not tell which accounts exist.
 */

export const LOCK_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_DURATION_MS = 15 * 60 * 1000;
export const LOCK_THRESHOLD = 5;

export interface Lockout {
  isLocked(account: string): boolean;
  /** Counts a failure; true when this failure locked the account. */
  fail(account: string): boolean;
  succeed(account: string): void;
  clear(): void;
}

export function createLockout(now: () => number): Lockout {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  return {
    isLocked(account) {
      const until = lockedUntil.get(account);
      if (until === undefined) return false;
      if (until > now()) return true;
      lockedUntil.delete(account);
      return false;
    },
    fail(account) {
      const t = now();
      const recent = (failures.get(account) ?? []).filter((at) => at > t - LOCK_WINDOW_MS);
      recent.push(t);
      if (recent.length < LOCK_THRESHOLD) {
        failures.set(account, recent);
        return false;
      }
      failures.delete(account);
      lockedUntil.set(account, t + LOCK_DURATION_MS);
      return true;
    },
    succeed(account) {
      failures.delete(account);
    },
    clear() {
      failures.clear();
      lockedUntil.clear();
    },
  };
}
