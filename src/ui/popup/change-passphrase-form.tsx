/** Re-encrypts the vault under a new passphrase; the worker runs the key derivation (~1 s). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { MIN_PASSPHRASE_LENGTH, passphraseLength } from './create-vault-view';

export function ChangePassphraseForm() {
  const { send, t } = useUi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const currentInput = useRef<HTMLInputElement | null>(null);
  const nextInput = useRef<HTMLInputElement | null>(null);
  const change = useAction(async () => {
    await send('vault/change-passphrase', { current, next });
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
  });
  const { error } = change;

  useEffect(() => {
    if (error === null) return;
    (error.code === 'VAULT_WRONG_PASSPHRASE' ? currentInput : nextInput).current?.focus();
  }, [error]);

  const submit = (event: Event) => {
    event.preventDefault();
    setDone(false);
    if (passphraseLength(next) < MIN_PASSPHRASE_LENGTH) {
      change.setError({ code: null, text: t('create_too_short', [String(MIN_PASSPHRASE_LENGTH)]) });
    } else if (next !== confirm) {
      change.setError({ code: null, text: t('create_mismatch') });
    } else {
      void change.run();
    }
  };

  const input = (
    value: string,
    set: (v: string) => void,
    testId: string,
    autocomplete: string,
  ) => ({
    type: 'password',
    value,
    autocomplete,
    'data-testid': testId,
    readOnly: change.busy,
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      set(e.currentTarget.value);
    },
  });

  return (
    <form
      class="stack card"
      aria-labelledby="change-title"
      aria-busy={change.busy}
      noValidate
      onSubmit={submit}
    >
      <h3 id="change-title">{t('settings_change_title')}</h3>
      <Field label={t('settings_current')}>
        <input
          ref={currentInput}
          {...input(current, setCurrent, 'change-current', 'current-password')}
        />
      </Field>
      <Field label={t('settings_new')}>
        <input ref={nextInput} {...input(next, setNext, 'change-next', 'new-password')} />
      </Field>
      <Field label={t('create_confirm')}>
        <input {...input(confirm, setConfirm, 'change-confirm', 'new-password')} />
      </Field>
      <p class="note">{t('create_no_recovery')}</p>
      <ErrorText text={error?.text} />
      {change.busy ? (
        <p class="busy" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('settings_change_busy')}
        </p>
      ) : null}
      <p role="status" class="status" data-testid="change-done">
        {done ? t('settings_change_done') : ''}
      </p>
      <button type="submit" data-testid="change-submit" disabled={change.busy}>
        {t('settings_change_submit')}
      </button>
    </form>
  );
}
