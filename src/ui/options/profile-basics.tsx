/** The fields every profile has: name, provider family, where, which environment, who. */
import type { MutableRef } from 'preact/hooks';
import type { ProviderFamily } from '../../providers/flow';
import { Field } from '../components/field';
import { useUi } from '../context';
import {
  ENVIRONMENT_KEYS,
  FAMILY_IDENTIFIER,
  FAMILY_NAMES,
  IDENTIFIER_KEYS,
} from '../signin/labels';
import type { ProfileDraft, SetDraft } from './profile-draft';

const FAMILIES = Object.keys(FAMILY_NAMES) as ProviderFamily[];
const ENVIRONMENTS = Object.keys(ENVIRONMENT_KEYS) as ProfileDraft['environment'][];

export interface ProfileBasicsProps {
  draft: ProfileDraft;
  set: SetDraft;
  firstRef: MutableRef<HTMLInputElement | null>;
  /** A stored profile keeps its family (the worker answers PROFILE_FAMILY_FIXED). */
  editing: boolean;
}

export function ProfileBasics({ draft, set, firstRef, editing }: ProfileBasicsProps) {
  const { t } = useUi();
  return (
    <>
      <Field label={t('profile_name')}>
        <input
          ref={firstRef}
          type="text"
          data-testid="profile-name"
          value={draft.name}
          onInput={(e) => {
            set('name', e.currentTarget.value);
          }}
        />
      </Field>
      <div class="field-row">
        <Field label={t('profile_family')}>
          <select
            data-testid="profile-family"
            disabled={editing}
            value={draft.family}
            onChange={(e) => {
              const family = FAMILIES.find((f) => f === e.currentTarget.value);
              if (family !== undefined) set('family', family);
            }}
          >
            {FAMILIES.map((family) => (
              <option key={family} value={family}>
                {FAMILY_NAMES[family]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('profile_environment')}>
          <select
            data-testid="profile-environment"
            value={draft.environment}
            onChange={(e) => {
              const env = ENVIRONMENTS.find((x) => x === e.currentTarget.value);
              if (env !== undefined) set('environment', env);
            }}
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {t(ENVIRONMENT_KEYS[env])}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('profile_base_url')}>
        <input
          type="url"
          spellcheck={false}
          placeholder="https://api.example.com"
          data-testid="profile-base-url"
          value={draft.baseUrl}
          onInput={(e) => {
            set('baseUrl', e.currentTarget.value);
          }}
        />
      </Field>
      <p class="note">{t('profile_base_url_hint')}</p>
      <Field label={t(IDENTIFIER_KEYS[FAMILY_IDENTIFIER[draft.family]])}>
        <input
          type="text"
          autocomplete="off"
          spellcheck={false}
          data-testid="profile-identifier"
          value={draft.identifier}
          onInput={(e) => {
            set('identifier', e.currentTarget.value);
          }}
        />
      </Field>
      <p class="note">{t('profile_identifier_hint')}</p>
      {draft.environment === 'test' ? (
        <>
          <Field label={t('profile_mailbox_url')}>
            <input
              type="url"
              spellcheck={false}
              placeholder="http://127.0.0.1:8025"
              data-testid="profile-mailbox-url"
              value={draft.mailboxUrl}
              onInput={(e) => {
                set('mailboxUrl', e.currentTarget.value);
              }}
            />
          </Field>
          <p class="note">{t('profile_mailbox_hint')}</p>
        </>
      ) : null}
    </>
  );
}
