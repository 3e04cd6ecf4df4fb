/** The popup's list of sign-in profiles, each with its Sign in button. */
import type { ProfileView } from '../../messaging/signin-protocol';
import { useUi } from '../context';
import { useAutofocus } from '../hooks/use-autofocus';
import { EnvBadge } from './env-badge';
import { FAMILY_NAMES } from './labels';

export interface ProfilePickerProps {
  profiles: ProfileView[];
  busy: boolean;
  autoFocus: boolean;
  onStart: (profile: ProfileView) => void;
  onManage: () => void;
}

export function ProfilePicker({
  profiles,
  busy,
  autoFocus,
  onStart,
  onManage,
}: ProfilePickerProps) {
  const { t } = useUi();
  const first = useAutofocus<HTMLButtonElement>(autoFocus);
  if (profiles.length === 0) {
    return (
      <div class="empty" data-testid="profiles-empty">
        <p>{t('signin_no_profiles')}</p>
        <button type="button" class="primary" data-testid="add-profile" onClick={onManage}>
          {t('signin_add_profile')}
        </button>
      </div>
    );
  }
  return (
    <>
      <ul class="item-list" aria-label={t('signin_profiles')}>
        {profiles.map((profile, index) => (
          <li key={profile.id} class="item-row" data-testid="profile-row">
            <div class="item-name">
              <span class="item-title">{profile.name}</span>
              <span class="item-subtitle">
                {FAMILY_NAMES[profile.family]}
                {profile.identifier === '' ? '' : ` · ${profile.identifier}`}
              </span>
            </div>
            <EnvBadge environment={profile.environment} />
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              class="primary"
              data-testid="profile-signin"
              aria-label={t('signin_start_for', [profile.name])}
              disabled={busy}
              onClick={() => {
                onStart(profile);
              }}
            >
              {t('signin_start')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="link-button" data-testid="manage-profiles" onClick={onManage}>
        {t('signin_manage')}
      </button>
    </>
  );
}
