/**
 * Live codes for the account list. Ticks once a second (for the countdowns) and fetches
 * `accounts/codes` again as soon as the earliest TOTP window has ended. HOTP codes come only
 * from `accounts/hotp-next`; they are kept here because `accounts/codes` answers `null` for
 * them until the user asks (protocol.ts, CodeView).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CodeView } from '../../messaging/protocol';
import { useUi } from '../context';
import { describeError } from '../error-message';

export interface LiveCodes {
  codes: ReadonlyMap<string, CodeView>;
  /** The clock reading of the last tick, for countdowns. */
  now: number;
  error: string | null;
  nextHotp: (id: string) => Promise<void>;
}

function earliestExpiry(codes: Iterable<CodeView>): number | null {
  let earliest: number | null = null;
  for (const c of codes) {
    if (c.validUntil !== null && (earliest === null || c.validUntil < earliest)) {
      earliest = c.validUntil;
    }
  }
  return earliest;
}

export function useCodes(): LiveCodes {
  const { send, t, now } = useUi();
  const [codes, setCodes] = useState<ReadonlyMap<string, CodeView>>(new Map());
  const [clock, setClock] = useState(now);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(codes);
  latest.current = codes;
  const hotp = useRef(new Map<string, CodeView>());
  const fetching = useRef(false);

  const refresh = useCallback(async () => {
    fetching.current = true;
    try {
      const fresh = await send('accounts/codes', {});
      const merged = new Map(
        fresh.map((c) => [c.id, c.code === null ? (hotp.current.get(c.id) ?? c) : c]),
      );
      setCodes(merged);
      setError(null);
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      fetching.current = false;
    }
  }, [send, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const timer = setInterval(() => {
      const at = now();
      setClock(at);
      const expiry = earliestExpiry(latest.current.values());
      // At most one fetch in flight, so a worker clock a little behind ours costs one request
      // a second until its window turns too, never a pile of them.
      if (expiry !== null && at >= expiry && !fetching.current) void refresh();
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [now, refresh]);

  const nextHotp = useCallback(
    async (id: string) => {
      const code = await send('accounts/hotp-next', { id });
      hotp.current.set(id, code);
      setCodes((current) => new Map(current).set(id, code));
    },
    [send],
  );

  return { codes, now: clock, error, nextHotp };
}
