/** One account: rename, backup codes, delete (with an explicit confirmation). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { ViewHeader } from '../components/view-header';
import { useUi } from '../context';
import { accountTitle } from '../format-code';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';
import { useKey } from '../hooks/use-key';
import { AccountSitesPanel } from '../fill/account-sites-panel';
import { BackupCodesPanel } from './backup-codes-panel';
import { TYPE_LABEL_KEYS } from './manual-draft';

export interface AccountDetailsViewProps {
  account: AccountView;
  onBack: () => void;
  onDeleted: () => void;
}

function RenameForm({
  account,
  onSaved,
}: {
  account: AccountView;
  onSaved: (a: AccountView) => void;
}) {
  const { send, t } = useUi();
  const [issuer, setIssuer] = useState(account.issuer);
  const [label, setLabel] = useState(account.label);
  const [saved, setSaved] = useState(false);
  const first = useAutofocus<HTMLInputElement>();
  const save = useAction(async () => {
    onSaved(
      await send('accounts/update', { id: account.id, issuer: issuer.trim(), label: label.trim() }),
    );
    setSaved(true);
  });
  return (
    <form
      class="stack"
      aria-busy={save.busy}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void save.run();
      }}
    >
      <Field label={t('manual_issuer')}>
        <input
          ref={first}
          type="text"
          data-testid="rename-issuer"
          value={issuer}
          onInput={(e) => {
            setIssuer(e.currentTarget.value);
          }}
        />
      </Field>
      <Field label={t('manual_label')}>
        <input
          type="text"
          data-testid="rename-label"
          value={label}
          onInput={(e) => {
            setLabel(e.currentTarget.value);
          }}
        />
      </Field>
      <ErrorText text={save.error?.text} />
      <button type="submit" data-testid="rename-submit" disabled={save.busy}>
        {t('details_save')}
      </button>
      <p role="status" class="status">
        {saved ? t('details_saved') : ''}
      </p>
    </form>
  );
}

function DeleteConfirm({
  account,
  onCancel,
  onDeleted,
}: {
  account: AccountView;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const { send, t } = useUi();
  const cancel = useAutofocus<HTMLButtonElement>();
  const remove = useAction(async () => {
    await send('accounts/delete', { id: account.id });
    onDeleted();
  });
  useKey('Escape', () => {
    onCancel();
    return true;
  });
  return (
    <div
      class="confirm stack"
      role="alertdialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
    >
      <h3 id="delete-title">{t('details_delete_title')}</h3>
      <p id="delete-text">{t('details_delete_text', [accountTitle(account)])}</p>
      <ErrorText text={remove.error?.text} />
      <div class="button-row">
        <button ref={cancel} type="button" data-testid="delete-cancel" onClick={onCancel}>
          {t('action_cancel')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="delete-confirm"
          disabled={remove.busy}
          onClick={() => void remove.run()}
        >
          {t('details_delete_confirm')}
        </button>
      </div>
    </div>
  );
}

export function AccountDetailsView({
  account: initial,
  onBack,
  onDeleted,
}: AccountDetailsViewProps) {
  const { t } = useUi();
  const [account, setAccount] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement | null>(null);
  const refocusDelete = useRef(false);
  useEffect(() => {
    // Cancelling the confirmation puts focus back where the user started it.
    if (!confirming && refocusDelete.current) deleteButton.current?.focus();
    refocusDelete.current = false;
  }, [confirming]);
  const cancel = () => {
    refocusDelete.current = true;
    setConfirming(false);
  };
  return (
    <section class="view stack" aria-labelledby="details-title">
      <ViewHeader
        title={accountTitle(account)}
        titleId="details-title"
        onBack={onBack}
        escapeDisabled={confirming}
      />
      <dl class="meta">
        <dt>{t('manual_type')}</dt>
        <dd>{t(TYPE_LABEL_KEYS[account.type])}</dd>
        <dt>{t('manual_algorithm')}</dt>
        <dd>{account.algorithm}</dd>
        <dt>{t('manual_digits')}</dt>
        <dd>{account.digits}</dd>
        {account.type === 'hotp' ? null : (
          <>
            <dt>{t('manual_period')}</dt>
            <dd>{account.period}</dd>
          </>
        )}
      </dl>
      <RenameForm account={account} onSaved={setAccount} />
      <BackupCodesPanel account={account} />
      <AccountSitesPanel accountId={account.id} />
      {confirming ? (
        <DeleteConfirm account={account} onCancel={cancel} onDeleted={onDeleted} />
      ) : (
        <button
          ref={deleteButton}
          type="button"
          class="danger"
          data-testid="delete-account"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('details_delete')}
        </button>
      )}
    </section>
  );
}
