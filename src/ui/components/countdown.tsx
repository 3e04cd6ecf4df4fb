import { useUi } from '../context';
import { countdownAt } from '../format-code';

export interface CountdownProps {
  now: number;
  validFrom: number;
  validUntil: number;
}

/** Seconds left in a TOTP window with a shrinking bar; the number carries the meaning. */
export function Countdown({ now, validFrom, validUntil }: CountdownProps) {
  const { t } = useUi();
  const { seconds, fraction } = countdownAt(now, validFrom, validUntil);
  return (
    <span
      class={seconds <= 5 ? 'countdown countdown-ending' : 'countdown'}
      role="timer"
      aria-label={t('list_seconds_left', [String(seconds)])}
      data-testid="countdown"
    >
      <span aria-hidden="true" class="countdown-seconds">
        {seconds}
      </span>
      <span aria-hidden="true" class="countdown-bar">
        <span style={{ width: `${Math.round(fraction * 100)}%` }} />
      </span>
    </span>
  );
}
