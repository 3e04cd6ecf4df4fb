import type { ServiceClock } from './context';

/**
 * The service clock (secure-channel-v2.md "Clocks", providers.md §6): real time plus an offset
 * that the controls move forward. Sessions, tokens, codes and rate-limit windows read it;
 * envelope freshness reads the real clock instead.
 */
export function createServiceClock(realNow: () => number = Date.now): ServiceClock {
  let offsetMs = 0;
  return {
    now: () => realNow() + offsetMs,
    advance(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('the service clock only moves forward');
      offsetMs += ms;
      return realNow() + offsetMs;
    },
    reset(): void {
      offsetMs = 0;
    },
  };
}
