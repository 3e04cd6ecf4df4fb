/** Settings: the timers, the passphrase, and the way to the options page (sign-in profiles). */
import { ViewHeader } from '../components/view-header';
import { useUi } from '../context';
import { ChangePassphraseForm } from './change-passphrase-form';
import { TimersForm } from './timers-form';

export interface SettingsViewProps {
  onBack: () => void;
  onOpenOptions: () => Promise<void>;
}

export function SettingsView({ onBack, onOpenOptions }: SettingsViewProps) {
  const { t } = useUi();
  return (
    <section class="view stack" aria-labelledby="settings-title">
      <ViewHeader title={t('settings_title')} titleId="settings-title" onBack={onBack} />
      <TimersForm autoFocus />
      <ChangePassphraseForm />
      <button
        type="button"
        class="link-button"
        data-testid="open-options"
        onClick={() => void onOpenOptions()}
      >
        {t('settings_more')}
      </button>
    </section>
  );
}
