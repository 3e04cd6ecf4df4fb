/**
 * Add or edit a sign-in profile (issue 4 §1). Saving first asks the browser for the profile's
 * origin, inside the click (optional host permissions are granted only on a user gesture), and
 * saves whatever the answer: a refusal becomes a warning, since the provider may still answer
 * through CORS. The password goes to the vault, so it is offered only while the vault is open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import type { ProfileView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';
import { FamilyFields } from './family-fields';
import {
  EMPTY_DRAFT,
  checkDraft,
  draftFromProfile,
  draftOrigin,
  draftToInput,
  type DraftProblem,
  type ProfileDraft,
  type SetDraft,
} from './profile-draft';
import { PasswordFields } from './password-fields';
import { ProfileBasics } from './profile-basics';

export interface ProfileFormProps {
  /** null for a new profile. */
  profile: ProfileView | null;
  unlocked: boolean;
  requestOrigin: (origin: string) => Promise<boolean>;
  /** `blockedOrigin`: the origin the browser did not grant, for the warning. */
  onSaved: (profile: ProfileView, blockedOrigin: string | null) => void;
  /** A change saved without closing the form (forgetting the password). */
  onChanged: (profile: ProfileView) => void;
  onCancel: () => void;
}

const PROBLEM_KEYS: Record<DraftProblem, string> = {
  name: 'profile_name_required',
  url: 'profile_url_invalid',
  urlExtras: 'profile_url_extras',
  insecure: 'error_INSECURE_URL',
  accessCode: 'profile_access_code_required',
  clientId: 'profile_client_id_required',
  agentName: 'profile_agent_name_required',
  mailbox: 'profile_mailbox_invalid',
};

/** Starts the permission request now, in the gesture; a throw counts as a refusal. */
function askOrigin(request: (origin: string) => Promise<boolean>, origin: string) {
  try {
    return request(origin).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export function ProfileForm(props: ProfileFormProps) {
  const { profile, unlocked, requestOrigin, onSaved, onCancel } = props;
  const { send, t } = useUi();
  const [draft, setDraft] = useState(profile === null ? EMPTY_DRAFT : draftFromProfile(profile));
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const first = useAutofocus<HTMLInputElement>();
  const set: SetDraft = (key, value) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const save = useAction(async (origin: string, granted: Promise<boolean>) => {
    const allowed = await granted;
    const profileInput = draftToInput(draft);
    const password = unlocked && draft.password !== '' ? draft.password : undefined;
    const saved = await send(
      'profiles/save',
      password === undefined ? { profile: profileInput } : { profile: profileInput, password },
    );
    onSaved(saved, allowed ? null : origin);
  });
  const loadAccounts = useAction(async () => {
    setAccounts(await send('accounts/list', {}));
  });
  const { run: runLoadAccounts } = loadAccounts;
  useEffect(() => {
    if (unlocked) void runLoadAccounts();
  }, [unlocked, runLoadAccounts]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const problem = checkDraft(draft);
    if (problem !== null) {
      save.setError({ code: problem, text: t(PROBLEM_KEYS[problem]) });
      return;
    }
    const origin = draftOrigin(draft);
    void save.run(origin, askOrigin(requestOrigin, origin));
  };

  return (
    <form
      class="stack card"
      data-testid="options-profile-form"
      aria-labelledby="profile-form-title"
      aria-busy={save.busy}
      noValidate
      onSubmit={onSubmit}
    >
      <h3 id="profile-form-title">
        {profile === null ? t('profile_form_new') : t('profile_form_edit', [profile.name])}
      </h3>
      <ProfileBasics draft={draft} set={set} firstRef={first} editing={profile !== null} />
      <FamilyFields draft={draft} set={set} accounts={unlocked ? accounts : null} />
      <Field label={t('profile_accept_language')}>
        <LanguageSelect draft={draft} set={set} />
      </Field>
      {unlocked ? (
        <PasswordFields draft={draft} set={set} profile={profile} onChanged={props.onChanged} />
      ) : (
        <p class="note" data-testid="profile-locked-note">
          {t('options_locked_fields')}
        </p>
      )}
      <ErrorText text={save.error?.text ?? loadAccounts.error?.text} />
      <div class="button-row">
        <button type="button" data-testid="profile-cancel" onClick={onCancel}>
          {t('action_cancel')}
        </button>
        <button type="submit" class="primary" data-testid="profile-save" disabled={save.busy}>
          {t('profile_save')}
        </button>
      </div>
    </form>
  );
}

const LANGUAGE_KEYS = {
  '': 'profile_lang_default',
  en: 'profile_lang_en',
  zh: 'profile_lang_zh',
  'zh-Hant': 'profile_lang_zh_hant',
  ja: 'profile_lang_ja',
  vi: 'profile_lang_vi',
} as const satisfies Record<ProfileDraft['acceptLanguage'], string>;

function LanguageSelect({ draft, set }: { draft: ProfileDraft; set: SetDraft }) {
  const { t } = useUi();
  const values = Object.keys(LANGUAGE_KEYS) as (keyof typeof LANGUAGE_KEYS)[];
  return (
    <select
      data-testid="profile-accept-language"
      value={draft.acceptLanguage}
      onChange={(e) => {
        const value = values.find((v) => v === e.currentTarget.value);
        if (value !== undefined) set('acceptLanguage', value);
      }}
    >
      {values.map((value) => (
        <option key={value} value={value}>
          {t(LANGUAGE_KEYS[value])}
        </option>
      ))}
    </select>
  );
}
