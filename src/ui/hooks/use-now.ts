/**
 * The clock for live countdowns (rate limits, code expiry, session expiry): re-reads `now` once
 * a second while `active`, so a view with nothing counting down does not re-render.
 */
import { useEffect, useState } from 'preact/hooks';
import { useUi } from '../context';

export const TICK_MS = 1000;

export function useNow(active = true): number {
  const { now } = useUi();
  const [clock, setClock] = useState(now);
  useEffect(() => {
    if (!active) return undefined;
    setClock(now());
    const timer = setInterval(() => {
      setClock(now());
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [now, active]);
  return clock;
}
