/**
 * The sites an account fills on (issue 5 §3), on its details view: each binding, exact or
 * widened to its base domain, with a way to remove it. Bindings are made from the codes list,
 * where the popup knows the site.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SiteBindingView } from '../../messaging/fill-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';

export function AccountSitesPanel({ accountId }: { accountId: string }) {
  const { send, t } = useUi();
  const [sites, setSites] = useState<SiteBindingView[] | null>(null);
  const unbind = useAction(async (origin: string) => {
    setSites(await send('sites/unbind', { accountId, origin }));
  });
  useEffect(() => {
    // An auxiliary panel: if the worker cannot list the sites, the section stays away.
    send('sites/list', { accountId }).then(setSites, () => {
      setSites(null);
    });
  }, [send, accountId]);
  if (sites === null) return null;
  return (
    <section class="stack" aria-labelledby="sites-title" data-testid="account-sites">
      <h3 id="sites-title">{t('details_sites_title')}</h3>
      {sites.length === 0 ? <p class="meta">{t('details_sites_none')}</p> : null}
      <ul class="item-list">
        {sites.map((site) => (
          <li class="item-row" key={site.origin} data-testid="account-site">
            <span class="item-name">
              {site.covers === null
                ? site.origin
                : t('details_sites_subdomains', [site.origin, site.covers])}
            </span>
            <button
              type="button"
              data-testid="unbind-site"
              disabled={unbind.busy}
              onClick={() => void unbind.run(site.origin)}
            >
              {t('details_sites_unbind')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorText text={unbind.error?.text} />
    </section>
  );
}
