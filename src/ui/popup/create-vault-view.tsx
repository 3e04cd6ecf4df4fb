/** First run: choose the vault passphrase. The key derivation takes about a second. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';

export const MIN_PASSPHRASE_LENGTH = 8;

/** Length in characters the user sees (grapheme clusters), not UTF-16 units. */
export function passphraseLength(passphrase: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(passphrase)].length;
}

export interface CreateVaultViewProps {
  onCreated: () => void;
}

export function CreateVaultView({ onCreated }: CreateVaultViewProps) {
  const { send, t } = useUi();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const first = useAutofocus<HTMLInputElement>();
  const second = useRef<HTMLInputElement | null>(null);
  const create = useAction(async () => {
    await send('vault/create', { passphrase });
    onCreated();
  });
  const { error } = create;

  useEffect(() => {
    if (error === null) return;
    (error.code === 'mismatch' ? second : first).current?.focus();
  }, [error, first]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (passphraseLength(passphrase) < MIN_PASSPHRASE_LENGTH) {
      create.setError({ code: null, text: t('create_too_short', [String(MIN_PASSPHRASE_LENGTH)]) });
    } else if (passphrase !== confirm) {
      create.setError({ code: 'mismatch', text: t('create_mismatch') });
    } else {
      void create.run();
    }
  };

  return (
    <form class="view stack" onSubmit={submit} aria-busy={create.busy} noValidate>
      <h2>{t('create_title')}</h2>
      <p>{t('create_intro')}</p>
      <p class="note" id="create-note">
        {t('create_no_recovery')}
      </p>
      <Field label={t('create_passphrase')}>
        <input
          ref={first}
          type="password"
          autocomplete="new-password"
          data-testid="create-passphrase"
          aria-describedby="create-note"
          aria-invalid={error !== null && error.code !== 'mismatch'}
          value={passphrase}
          readOnly={create.busy}
          onInput={(e) => {
            setPassphrase(e.currentTarget.value);
          }}
        />
      </Field>
      <Field label={t('create_confirm')}>
        <input
          ref={second}
          type="password"
          autocomplete="new-password"
          data-testid="create-confirm"
          aria-invalid={error?.code === 'mismatch'}
          value={confirm}
          readOnly={create.busy}
          onInput={(e) => {
            setConfirm(e.currentTarget.value);
          }}
        />
      </Field>
      <ErrorText text={error?.text} />
      {create.busy ? (
        <p class="busy" role="status" data-testid="create-busy">
          <span class="spinner" aria-hidden="true" />
          {t('create_busy')}
        </p>
      ) : null}
      <button type="submit" class="primary" data-testid="create-submit" disabled={create.busy}>
        {t('create_submit')}
      </button>
    </form>
  );
}
