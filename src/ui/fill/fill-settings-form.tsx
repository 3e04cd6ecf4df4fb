/**
 * The all-sites switch (issue 5 §4): by default the inline button runs only on bound sites;
 * switching this on asks the browser for access to every http(s) site first, and the worker
 * registers the watcher everywhere only once that access is granted.
 */
import { useEffect, useState } from 'preact/hooks';
import { ALL_SITE_PATTERNS } from '../../messaging/origin-match';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';

export function FillSettingsForm() {
  const { send, t, requestSiteAccess } = useUi();
  const [allSites, setAllSites] = useState<boolean | null>(null);
  const save = useAction(async (next: boolean) => {
    // Asked before anything else is awaited: the permission prompt needs the click.
    if (next) await requestSiteAccess?.(ALL_SITE_PATTERNS).catch(() => false);
    setAllSites((await send('fill/settings-set', { allSites: next })).allSites);
  });
  useEffect(() => {
    // An auxiliary section: if the worker cannot tell, it stays away.
    send('fill/settings-get', {}).then(
      (settings) => {
        setAllSites(settings.allSites);
      },
      () => {
        setAllSites(null);
      },
    );
  }, [send]);
  if (allSites === null) return null;
  return (
    <section class="stack" aria-labelledby="fill-settings-title">
      <h3 id="fill-settings-title">{t('settings_fill_title')}</h3>
      <label class="check">
        <input
          type="checkbox"
          data-testid="fill-all-sites"
          disabled={save.busy}
          checked={allSites}
          onChange={(e) => void save.run(e.currentTarget.checked)}
        />
        {t('settings_fill_all_sites')}
      </label>
      <ErrorText text={save.error?.text} />
    </section>
  );
}
