/**
 * The encrypted Authdeck backup's passphrase, typed twice. It is checked here, before the
 * worker spends a second on the key derivation, with the vault passphrase's rules and messages.
 */
import { useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { MIN_PASSPHRASE_LENGTH, passphraseLength } from '../popup/create-vault-view';

export interface BackupFormProps {
  busy: boolean;
  /** Resolves true once the backup was saved; the fields are cleared then. */
  onSubmit: (passphrase: string) => Promise<boolean>;
}

export function BackupForm({ busy, onSubmit }: BackupFormProps) {
  const { t } = useUi();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (passphraseLength(passphrase) < MIN_PASSPHRASE_LENGTH) {
      setProblem(t('create_too_short', [String(MIN_PASSPHRASE_LENGTH)]));
    } else if (passphrase !== confirm) {
      setProblem(t('create_mismatch'));
    } else {
      setProblem(null);
      if (await onSubmit(passphrase)) {
        setPassphrase('');
        setConfirm('');
      }
    }
  };
  const field = (value: string, set: (v: string) => void, testId: string) => ({
    type: 'password',
    value,
    autocomplete: 'new-password',
    'data-testid': testId,
    readOnly: busy,
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      set(e.currentTarget.value);
    },
  });

  return (
    <form
      class="card stack"
      aria-labelledby="backup-title"
      aria-busy={busy}
      noValidate
      data-testid="export-backup-form"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="backup-title">{t('export_backup')}</h3>
      <p class="note">{t('export_backup_note')}</p>
      <Field label={t('export_backup_passphrase')}>
        <input {...field(passphrase, setPassphrase, 'export-passphrase')} />
      </Field>
      <Field label={t('create_confirm')}>
        <input {...field(confirm, setConfirm, 'export-passphrase-confirm')} />
      </Field>
      <ErrorText text={problem} />
      <button type="submit" class="primary" data-testid="export-backup-submit" disabled={busy}>
        {busy ? t('export_backup_busy') : t('export_backup_submit')}
      </button>
    </form>
  );
}
