/**
 * What one provider family needs besides the basics: SlaunchX its portal, access code and the
 * vault account whose TOTP and backup codes answer its MFA; IDaaS its client id; Koodrive its
 * agent name (providers.md §1.1, §2, §3). CloudBase needs nothing more.
 */
import type { AccountView } from '../../messaging/protocol';
import { Field } from '../components/field';
import { useUi } from '../context';
import { accountSubtitle, accountTitle } from '../format-code';
import { familyFields, type ProfileDraft, type SetDraft } from './profile-draft';

type TextKey = 'accessCode' | 'clientId' | 'agentName';

export interface FamilyFieldsProps {
  draft: ProfileDraft;
  set: SetDraft;
  /** The vault's accounts; null while the vault is locked (the link is then left as it is). */
  accounts: AccountView[] | null;
}

function accountOption(account: AccountView): string {
  const subtitle = accountSubtitle(account);
  return subtitle === '' ? accountTitle(account) : `${accountTitle(account)} (${subtitle})`;
}

function OtpAccountSelect({
  draft,
  set,
  accounts,
}: FamilyFieldsProps & { accounts: AccountView[] }) {
  const { t } = useUi();
  const linked = draft.otpAccountId;
  const missing = linked !== null && !accounts.some((a) => a.id === linked);
  return (
    <Field label={t('profile_otp_account')}>
      <select
        data-testid="profile-otp-account"
        value={linked ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set('otpAccountId', value === '' ? null : value);
        }}
      >
        <option value="">{t('profile_otp_none')}</option>
        {missing ? <option value={linked}>{t('profile_otp_missing')}</option> : null}
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {accountOption(account)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function FamilyFields({ draft, set, accounts }: FamilyFieldsProps) {
  const { t } = useUi();
  const shown = familyFields(draft.family);
  const text = (key: TextKey, label: string, testId: string) => (
    <Field label={label}>
      <input
        type="text"
        autocomplete="off"
        spellcheck={false}
        data-testid={testId}
        value={draft[key]}
        onInput={(e) => {
          set(key, e.currentTarget.value);
        }}
      />
    </Field>
  );
  return (
    <>
      {shown.portal ? (
        <Field label={t('profile_portal')}>
          <select
            data-testid="profile-portal"
            value={draft.portal}
            onChange={(e) => {
              set('portal', e.currentTarget.value === 'consumer' ? 'consumer' : 'system');
            }}
          >
            <option value="system">{t('profile_portal_system')}</option>
            <option value="consumer">{t('profile_portal_consumer')}</option>
          </select>
        </Field>
      ) : null}
      {shown.accessCode
        ? text('accessCode', t('profile_access_code'), 'profile-access-code')
        : null}
      {shown.clientId ? text('clientId', t('profile_client_id'), 'profile-client-id') : null}
      {shown.agentName ? text('agentName', t('profile_agent_name'), 'profile-agent-name') : null}
      {shown.otpAccount && accounts !== null ? (
        <OtpAccountSelect draft={draft} set={set} accounts={accounts} />
      ) : null}
    </>
  );
}
