/**
 * The options page's profile list: add, edit and delete, with what the last save meant (saved,
 * and whether the browser granted the profile's origin).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProfileView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useKey } from '../hooks/use-key';
import { EnvBadge } from '../signin/env-badge';
import { FAMILY_NAMES } from '../signin/labels';
import { ProfileForm } from './profile-form';

export interface ProfilesSectionProps {
  unlocked: boolean;
  requestOrigin: (origin: string) => Promise<boolean>;
}

interface Notice {
  name: string;
  blockedOrigin: string | null;
}

function ProfileItem({
  profile,
  onEdit,
  onDeleted,
}: {
  profile: ProfileView;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { send, t } = useUi();
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(async () => {
    await send('profiles/delete', { id: profile.id });
    onDeleted();
  });
  useKey(
    'Escape',
    confirming
      ? () => {
          setConfirming(false);
          return true;
        }
      : null,
  );
  return (
    <li class="item-row profile-item" data-testid="profile-row" data-profile-id={profile.id}>
      <div class="item-name">
        <span class="item-title">{profile.name}</span>
        <span class="item-subtitle">
          {FAMILY_NAMES[profile.family]} · <span class="mono">{profile.baseUrl}</span>
        </span>
        {profile.identifier === '' ? null : <span class="item-subtitle">{profile.identifier}</span>}
      </div>
      <EnvBadge environment={profile.environment} />
      <div class="row-actions" role="group" aria-label={profile.name}>
        <button type="button" data-testid="profile-edit" onClick={onEdit}>
          {t('options_edit')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="profile-delete"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('options_delete')}
        </button>
      </div>
      {confirming ? (
        <div class="confirm stack" role="alertdialog" aria-labelledby={`delete-${profile.id}`}>
          <p id={`delete-${profile.id}`}>{t('options_delete_text', [profile.name])}</p>
          <ErrorText text={remove.error?.text} />
          <div class="button-row">
            <button
              type="button"
              data-testid="profile-delete-cancel"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('action_cancel')}
            </button>
            <button
              type="button"
              class="danger"
              data-testid="profile-delete-confirm"
              disabled={remove.busy}
              onClick={() => void remove.run()}
            >
              {t('options_delete_confirm')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export function ProfilesSection({ unlocked, requestOrigin }: ProfilesSectionProps) {
  const { send, t } = useUi();
  const [profiles, setProfiles] = useState<ProfileView[] | null>(null);
  const [editing, setEditing] = useState<ProfileView | 'new' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const load = useAction(async () => {
    setProfiles(await send('profiles/list', {}));
  });
  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad();
  }, [runLoad]);
  const upsert = (saved: ProfileView) => {
    setProfiles((list) => {
      const all = list ?? [];
      return all.some((p) => p.id === saved.id)
        ? all.map((p) => (p.id === saved.id ? saved : p))
        : [...all, saved];
    });
  };
  const edit = (target: ProfileView | 'new') => {
    setNotice(null);
    setEditing(target);
  };

  return (
    <section class="stack" aria-labelledby="profiles-title">
      <div class="section-header">
        <h2 id="profiles-title">{t('options_profiles')}</h2>
        {editing === null ? (
          <button
            type="button"
            class="primary"
            data-testid="profile-add"
            onClick={() => {
              edit('new');
            }}
          >
            {t('options_add')}
          </button>
        ) : null}
      </div>
      <ErrorText text={load.error?.text} />
      <p role="status" class="status" data-testid="profile-saved">
        {notice === null ? '' : t('options_saved', [notice.name])}
      </p>
      {notice === null || notice.blockedOrigin === null ? null : (
        <p class="warning" role="alert" data-testid="permission-warning">
          {t('options_permission_warning', [notice.blockedOrigin])}
        </p>
      )}
      {editing !== null ? (
        <ProfileForm
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? null : editing}
          unlocked={unlocked}
          requestOrigin={requestOrigin}
          onSaved={(saved, blockedOrigin) => {
            upsert(saved);
            setEditing(null);
            setNotice({ name: saved.name, blockedOrigin });
          }}
          onChanged={upsert}
          onCancel={() => {
            setEditing(null);
          }}
        />
      ) : profiles !== null && profiles.length === 0 ? (
        <p class="empty" data-testid="profiles-empty">
          {t('options_none')}
        </p>
      ) : (
        <ul class="item-list" aria-labelledby="profiles-title">
          {(profiles ?? []).map((profile) => (
            <ProfileItem
              key={profile.id}
              profile={profile}
              onEdit={() => {
                edit(profile);
              }}
              onDeleted={() => {
                setProfiles((list) => list?.filter((p) => p.id !== profile.id) ?? null);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
