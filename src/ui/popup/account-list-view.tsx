/**
 * The unlocked home: search (focused on open, `/` from anywhere), the accounts with live codes,
 * arrow keys between rows, and the way to add an account.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { fillSlot, sortForSite } from '../fill/site-accounts';
import { SiteBar } from '../fill/site-bar';
import { useFillContext } from '../fill/use-fill-context';
import { useUi } from '../context';
import { matchesQuery } from '../format-code';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';
import { useCodes } from '../hooks/use-codes';
import { isTypingTarget, useKey } from '../hooks/use-key';
import { AccountRow } from './account-row';
import { focusRow, rowStepForKey } from './list-navigation';

export interface AccountListViewProps {
  /** False when reached from the tab bar: focus stays on the tab (default true). */
  autoFocusSearch?: boolean;
  onAdd: () => void;
  onOpen: (account: AccountView) => void;
}

export function AccountListView({ autoFocusSearch = true, onAdd, onOpen }: AccountListViewProps) {
  const { send, t } = useUi();
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [query, setQuery] = useState('');
  const search = useAutofocus<HTMLInputElement>(autoFocusSearch);
  const list = useRef<HTMLUListElement | null>(null);
  const live = useCodes();
  const site = useFillContext();
  const load = useAction(async () => {
    setAccounts(await send('accounts/list', {}));
  });
  const { run: runLoad } = load;

  useEffect(() => {
    void runLoad();
  }, [runLoad]);

  useKey('/', (event) => {
    if (isTypingTarget(event.target)) return false;
    search.current?.focus();
    return true;
  });

  const onListKey = (event: KeyboardEvent) => {
    const step = rowStepForKey(event.key);
    if (step === null || list.current === null) return;
    if (focusRow(list.current, event.target as Element, step)) event.preventDefault();
  };

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && list.current !== null) {
      if (focusRow(list.current, null, 'first')) event.preventDefault();
    } else if (event.key === 'Escape' && query !== '') {
      // Escape clears the search first; the view has nothing to go back to.
      setQuery('');
      event.preventDefault();
    }
  };

  const shown = sortForSite(
    (accounts ?? []).filter((a) => matchesQuery(a, query)),
    site.context,
  );

  return (
    <section class="view stack" aria-labelledby="list-title">
      <h2 id="list-title" class="visually-hidden">
        {t('list_title')}
      </h2>
      <div class="toolbar">
        <input
          ref={search}
          type="search"
          class="search"
          data-testid="search"
          aria-label={t('list_search')}
          placeholder={t('list_search_placeholder')}
          aria-keyshortcuts="/"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
          }}
          onKeyDown={onSearchKey}
        />
        <button type="button" class="primary" data-testid="add-account" onClick={onAdd}>
          {t('list_add')}
        </button>
      </div>
      <ErrorText text={load.error?.text ?? live.error} />
      {site.context !== null && accounts !== null ? (
        <SiteBar context={site.context} accounts={accounts} onChanged={site.reload} />
      ) : null}
      {accounts !== null && accounts.length === 0 ? (
        <div class="empty" data-testid="empty-state">
          <p>{t('list_empty')}</p>
          <button type="button" class="primary" onClick={onAdd}>
            {t('list_empty_add')}
          </button>
        </div>
      ) : null}
      {accounts !== null && accounts.length > 0 && shown.length === 0 ? (
        <p class="empty" role="status">
          {t('list_no_match', [query.trim()])}
        </p>
      ) : null}
      <ul ref={list} class="account-list" aria-label={t('list_title')} onKeyDown={onListKey}>
        {shown.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            code={live.codes.get(account.id)}
            now={live.now}
            onOpen={onOpen}
            onNextHotp={live.nextHotp}
            fill={fillSlot(account, site.context, site.reload)}
          />
        ))}
      </ul>
    </section>
  );
}
