/** The vault exists but is locked: ask for the passphrase, keep it on failure for correction. */
import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';

export interface UnlockViewProps {
  onUnlocked: () => void;
}

export function UnlockView({ onUnlocked }: UnlockViewProps) {
  const { send, t } = useUi();
  const [passphrase, setPassphrase] = useState('');
  const input = useAutofocus<HTMLInputElement>();
  const unlock = useAction(async () => {
    await send('vault/unlock', { passphrase });
    onUnlocked();
  });
  const { error } = unlock;

  useEffect(() => {
    if (error === null) return;
    input.current?.focus();
    input.current?.select();
  }, [error, input]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (passphrase === '') {
      unlock.setError({ code: null, text: t('unlock_empty') });
      return;
    }
    void unlock.run();
  };

  return (
    <form class="view stack" onSubmit={submit} aria-busy={unlock.busy} noValidate>
      <h2>{t('unlock_title')}</h2>
      <Field label={t('unlock_passphrase')}>
        <input
          ref={input}
          type="password"
          autocomplete="current-password"
          data-testid="unlock-passphrase"
          aria-invalid={error !== null}
          value={passphrase}
          readOnly={unlock.busy}
          onInput={(e) => {
            setPassphrase(e.currentTarget.value);
          }}
        />
      </Field>
      <ErrorText text={error?.text} />
      {unlock.busy ? (
        <p class="busy" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('unlock_busy')}
        </p>
      ) : null}
      <button type="submit" class="primary" data-testid="unlock-submit" disabled={unlock.busy}>
        {t('unlock_submit')}
      </button>
    </form>
  );
}
