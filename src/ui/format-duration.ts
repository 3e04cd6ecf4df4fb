/** Time left as people read it in a countdown: "42 s", "4 min 32 s", "1 h 05 min", "5 d 3 h". */
import type { Translate } from './i18n';

/** Whole seconds until `at`, rounded up so "0 s" means it has passed; never negative. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDuration(seconds: number, t: Translate): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return t('duration_days', [String(days), String(hours)]);
  if (hours > 0) return t('duration_hours', [String(hours), pad(minutes)]);
  if (minutes > 0) return t('duration_minutes', [String(minutes), pad(s % 60)]);
  return t('duration_seconds', [String(s)]);
}
