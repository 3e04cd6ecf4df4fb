/**
 * The options page (issue 4 §1): sign-in profiles, the vault's settings, and import/export
 * (issue 7). Profiles hold nothing secret, so they can be edited while the vault is locked;
 * saved passwords, the linked vault account, the settings and import/export need it open, and
 * an unlock form sits at the top meanwhile.
 *
 *   loading ─┬─ absent ──▶ note (create the vault in the popup) + profiles
 *            ├─ locked ──▶ unlock form + profiles ── unlocked ──┐
 *            └─ unlocked ──▶ profiles (+ password, vault account) + settings + transfer ◀┘
 *   any reply VAULT_LOCKED ──▶ locked
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { VaultState } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { UiContext, type UiDeps } from '../context';
import { describeError } from '../error-message';
import { guardLocked } from '../guard-locked';
import { ChangePassphraseForm } from '../popup/change-passphrase-form';
import { TimersForm } from '../popup/timers-form';
import { UnlockView } from '../popup/unlock-view';
import { TRANSFER_SECTION_ID, type TransferPageDeps } from '../transfer/transfer-deps';
import { TransferSections } from '../transfer/transfer-sections';
import { HeaderRulesSection } from './header-rules-section';
import { ProfilesSection } from './profiles-section';

/** The options page's own extras: a profile's origin, and files in and out (issue 7). */
export interface OptionsDeps extends UiDeps, TransferPageDeps {
  /** `permissions.request({origins: [origin + '/*']})`; must start inside a user gesture. */
  requestOrigin: (origin: string) => Promise<boolean>;
}

export interface OptionsAppProps {
  deps: OptionsDeps;
  /** The page's `location.hash` without `#`: `transfer` scrolls to import/export. */
  section?: string;
}

type Vault = VaultState | 'loading' | { failed: string };

export function OptionsApp({ deps, section }: OptionsAppProps) {
  const { t } = deps;
  const [vault, setVault] = useState<Vault>('loading');
  const toLocked = useCallback(() => {
    setVault('locked');
  }, []);
  const ui = useMemo(() => ({ ...deps, send: guardLocked(deps.send, toLocked) }), [deps, toLocked]);
  useEffect(() => {
    deps.send('vault/status', {}).then(
      (status) => {
        setVault(status.state);
      },
      (caught: unknown) => {
        setVault({ failed: describeError(caught, t) });
      },
    );
  }, [deps, t]);
  const unlocked = vault === 'unlocked';

  return (
    <UiContext.Provider value={ui}>
      <div class="options">
        <header class="app-bar">
          <h1>
            {t('extName')} · {t('options_title')}
          </h1>
        </header>
        <main class="stack view">
          {typeof vault === 'object' ? <ErrorText text={vault.failed} /> : null}
          {vault === 'absent' ? (
            <p class="note" data-testid="options-absent">
              {t('options_absent_note')}
            </p>
          ) : null}
          {vault === 'locked' ? (
            <div class="card stack" data-testid="options-unlock">
              <UnlockView
                onUnlocked={() => {
                  setVault('unlocked');
                }}
              />
              <p class="note">{t('options_locked_note')}</p>
            </div>
          ) : null}
          {vault === 'loading' ? null : (
            // Not keyed on the vault state: an auto-lock must not throw away a half-edited form.
            <ProfilesSection unlocked={unlocked} requestOrigin={deps.requestOrigin} />
          )}
          {vault === 'loading' ? null : <HeaderRulesSection />}
          {unlocked ? (
            <section class="stack" aria-labelledby="options-settings-title">
              <h2 id="options-settings-title">{t('settings_title')}</h2>
              <TimersForm />
              <ChangePassphraseForm />
            </section>
          ) : null}
          {unlocked ? (
            <TransferSections files={deps} focus={section === TRANSFER_SECTION_ID} />
          ) : null}
        </main>
      </div>
    </UiContext.Provider>
  );
}
