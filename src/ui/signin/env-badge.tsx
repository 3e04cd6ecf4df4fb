import type { ProfileView } from '../../messaging/signin-protocol';
import { useUi } from '../context';
import { ENVIRONMENT_KEYS } from './labels';

/** "Production" or "Test": a test profile may read the dev mailbox and see captcha hints. */
export function EnvBadge({ environment }: { environment: ProfileView['environment'] }) {
  const { t } = useUi();
  return (
    <span class={`badge badge-${environment}`} data-testid="env-badge">
      {t(ENVIRONMENT_KEYS[environment])}
    </span>
  );
}
