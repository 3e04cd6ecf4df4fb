/**
 * The current site above the codes list (issue 5 §3): its origin, whether a code field was
 * found, the site's auto-fill and auto-submit switches once an account is bound to it, and —
 * for an account added in the last minutes while this tab was open — the offer to bind it.
 */
import { useState } from 'preact/hooks';
import type { FillContextView, SiteSettingsView } from '../../messaging/fill-protocol';
import type { AccountView } from '../../messaging/protocol';
import { matchPatternOf } from '../../messaging/origin-match';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { accountTitle } from '../format-code';
import { useAction } from '../hooks/use-action';
import { fillTextKey } from './fill-text';

/** How recent an account must be for the popup to offer binding it to the site. */
export const NEW_ACCOUNT_MS = 10 * 60_000;

export interface SiteBarProps {
  context: FillContextView;
  accounts: AccountView[];
  onChanged: () => void;
}

function statusKey(context: FillContextView): string {
  if (context.fillable) return 'list_fill_ready';
  return fillTextKey(context.reason);
}

export function SiteBar({ context, accounts, onChanged }: SiteBarProps) {
  const { send, t, now, requestSiteAccess } = useUi();
  const [site, setSite] = useState<SiteSettingsView>(context.site);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const origin = context.origin;
  const save = useAction(async (next: SiteSettingsView) => {
    if (origin === null) return;
    setSite(next);
    await send('fill/settings-set', { site: { origin, ...next } });
  });
  const bind = useAction(async (accountId: string) => {
    if (origin === null) return;
    const pattern = matchPatternOf({ origin, baseDomain: false });
    if (pattern !== null) await requestSiteAccess?.([pattern]).catch(() => false);
    await send('sites/bind', { accountId, origin, baseDomain: false });
    onChanged();
  });
  if (origin === null) return null;
  const fresh = accounts.find(
    (a) =>
      now() - a.createdAt < NEW_ACCOUNT_MS &&
      !context.boundAccountIds.includes(a.id) &&
      a.id !== dismissed,
  );
  const bound = context.boundAccountIds.length > 0;
  return (
    <div class="card stack site-bar" data-testid="site-bar">
      <p>
        <strong>{t('list_fill_site', [origin])}</strong>
        <br />
        <span data-testid="site-status">
          {t(context.secure ? statusKey(context) : 'list_fill_insecure')}
        </span>
      </p>
      {fresh !== undefined && context.secure ? (
        <div class="confirm button-row" data-testid="bind-offer">
          <span>{t('list_fill_new_account_prompt', [accountTitle(fresh), origin])}</span>
          <button
            type="button"
            class="primary"
            disabled={bind.busy}
            onClick={() => void bind.run(fresh.id)}
          >
            {t('list_fill_bind')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDismissed(fresh.id);
            }}
          >
            {t('list_fill_not_now')}
          </button>
        </div>
      ) : null}
      {bound ? (
        <div class="stack">
          <label class="check">
            <input
              type="checkbox"
              data-testid="site-auto-fill"
              checked={site.autoFill}
              onChange={(e) => void save.run({ ...site, autoFill: e.currentTarget.checked })}
            />
            {t('list_fill_auto_fill')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              data-testid="site-auto-submit"
              checked={site.autoSubmit}
              onChange={(e) => void save.run({ ...site, autoSubmit: e.currentTarget.checked })}
            />
            {t('list_fill_auto_submit')}
          </label>
        </div>
      ) : null}
      <ErrorText text={save.error?.text ?? bind.error?.text} />
    </div>
  );
}
