/**
 * How soon the vault locks itself, how soon a copied code leaves the clipboard. Shared by the
 * popup's settings view and the options page.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';

// The protocol's bounds for settings/set (protocol.ts).
const MAX_AUTO_LOCK_MINUTES = 1440;
const MAX_CLIPBOARD_SECONDS = 600;

function parseBounded(text: string, max: number): number | null {
  if (!/^\s*\d{1,4}\s*$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

export interface TimersFormProps {
  /** Focus the first field on mount (the popup's settings view starts here). */
  autoFocus?: boolean;
}

export function TimersForm({ autoFocus = false }: TimersFormProps) {
  const { send, t } = useUi();
  const [autoLock, setAutoLock] = useState('');
  const [clipboard, setClipboard] = useState('');
  const [saved, setSaved] = useState(false);
  const first = useAutofocus<HTMLInputElement>(autoFocus);
  const apply = (s: { autoLockMinutes: number; clipboardClearSeconds: number }) => {
    setAutoLock(String(s.autoLockMinutes));
    setClipboard(String(s.clipboardClearSeconds));
  };
  const load = useAction(async () => {
    apply(await send('settings/get', {}));
  });
  const save = useAction(async (autoLockMinutes: number, clipboardClearSeconds: number) => {
    apply(await send('settings/set', { autoLockMinutes, clipboardClearSeconds }));
    setSaved(true);
  });
  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad();
  }, [runLoad]);

  return (
    <form
      class="stack card"
      aria-busy={save.busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        const minutes = parseBounded(autoLock, MAX_AUTO_LOCK_MINUTES);
        const seconds = parseBounded(clipboard, MAX_CLIPBOARD_SECONDS);
        if (minutes === null || seconds === null) {
          save.setError({ code: null, text: t('settings_invalid') });
        } else {
          void save.run(minutes, seconds);
        }
      }}
    >
      <ErrorText text={load.error?.text} />
      <Field label={t('settings_auto_lock')}>
        <input
          ref={first}
          type="number"
          min={0}
          max={MAX_AUTO_LOCK_MINUTES}
          inputMode="numeric"
          data-testid="settings-auto-lock"
          value={autoLock}
          onInput={(e) => {
            setAutoLock(e.currentTarget.value);
          }}
        />
      </Field>
      <Field label={t('settings_clipboard')}>
        <input
          type="number"
          min={0}
          max={MAX_CLIPBOARD_SECONDS}
          inputMode="numeric"
          data-testid="settings-clipboard"
          value={clipboard}
          onInput={(e) => {
            setClipboard(e.currentTarget.value);
          }}
        />
      </Field>
      <p class="note">{t('settings_zero_disables')}</p>
      <ErrorText text={save.error?.text} />
      <p role="status" class="status" data-testid="settings-saved">
        {saved ? t('settings_saved') : ''}
      </p>
      <button type="submit" data-testid="settings-submit" disabled={save.busy || load.busy}>
        {t('settings_save')}
      </button>
    </form>
  );
}
