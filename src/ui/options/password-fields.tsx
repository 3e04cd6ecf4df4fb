/**
 * The optional saved password (kept in the vault, signin-protocol `profiles/save`): a new one
 * replaces it, a blank field keeps it, and "Forget" removes it at once (password: null).
 */
import { useState } from 'preact/hooks';
import type { ProfileView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { inputFromProfile, type ProfileDraft, type SetDraft } from './profile-draft';

export interface PasswordFieldsProps {
  draft: ProfileDraft;
  set: SetDraft;
  /** The stored profile when editing; null for a new one. */
  profile: ProfileView | null;
  onChanged: (profile: ProfileView) => void;
}

export function PasswordFields({ draft, set, profile, onChanged }: PasswordFieldsProps) {
  const { send, t } = useUi();
  const [stored, setStored] = useState(profile);
  const [forgotten, setForgotten] = useState(false);
  // Saves the stored profile as it is, so edits still in the form are not saved by this button.
  const forget = useAction(async (current: ProfileView) => {
    const saved = await send('profiles/save', {
      profile: inputFromProfile(current),
      password: null,
    });
    setStored(saved);
    setForgotten(true);
    onChanged(saved);
  });
  const hasPassword = stored?.hasPassword === true;
  return (
    <>
      <Field label={t('profile_password')}>
        <input
          type="password"
          autocomplete="new-password"
          data-testid="profile-password"
          value={draft.password}
          onInput={(e) => {
            set('password', e.currentTarget.value);
          }}
        />
      </Field>
      <p class="note" data-testid="profile-password-note">
        {hasPassword ? t('profile_password_keep') : t('profile_password_hint')}
      </p>
      {hasPassword ? (
        <button
          type="button"
          class="danger small"
          data-testid="profile-forget-password"
          disabled={forget.busy}
          onClick={() => void forget.run(stored)}
        >
          {t('profile_forget_password')}
        </button>
      ) : null}
      <p role="status" class="status" data-testid="profile-password-status">
        {forgotten ? t('profile_password_forgotten') : ''}
      </p>
      <ErrorText text={forget.error?.text} />
    </>
  );
}
