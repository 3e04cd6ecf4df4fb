/**
 * Settings: the timers, the passphrase, and the ways to the options page (sign-in profiles, and
 * import/export at its `#transfer` section).
 */
import { ViewHeader } from '../components/view-header';
import { useUi } from '../context';
import { TRANSFER_SECTION_ID } from '../transfer/transfer-deps';
import { FillSettingsForm } from '../fill/fill-settings-form';
import { ChangePassphraseForm } from './change-passphrase-form';
import { TimersForm } from './timers-form';

export interface SettingsViewProps {
  onBack: () => void;
  onOpenOptions: (section?: string) => Promise<void>;
}

export function SettingsView({ onBack, onOpenOptions }: SettingsViewProps) {
  const { t } = useUi();
  return (
    <section class="view stack" aria-labelledby="settings-title">
      <ViewHeader title={t('settings_title')} titleId="settings-title" onBack={onBack} />
      <TimersForm autoFocus />
      <ChangePassphraseForm />
      <FillSettingsForm />
      <button
        type="button"
        class="link-button"
        data-testid="open-options"
        onClick={() => void onOpenOptions()}
      >
        {t('settings_more')}
      </button>
      <button
        type="button"
        class="link-button"
        data-testid="open-transfer"
        onClick={() => void onOpenOptions(TRANSFER_SECTION_ID)}
      >
        {t('settings_transfer')}
      </button>
    </section>
  );
}
