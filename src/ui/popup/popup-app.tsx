/**
 * The popup's root: asks the worker for the vault state and shows one view at a time.
 *
 *   loading ─┬─ absent ──▶ create ──┐
 *            ├─ locked ──▶ unlock ──┼──▶ list ◀──▶ add | details | settings
 *            └─ unlocked ───────────┘      │
 *   any view ── Lock / VAULT_LOCKED ──▶ unlock
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountView, SendToWorker, VaultState } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { GearIcon, LockIcon } from '../components/icons';
import { UiContext, useUi, type UiDeps } from '../context';
import { describeError, errorCode } from '../error-message';
import { useAction } from '../hooks/use-action';
import { AccountDetailsView } from './account-details-view';
import { AccountListView } from './account-list-view';
import { AddAccountView } from './add-account-view';
import { CreateVaultView } from './create-vault-view';
import { SettingsView } from './settings-view';
import { UnlockView } from './unlock-view';

export type Route =
  | { name: 'loading' }
  | { name: 'failed'; error: string }
  | { name: 'create' }
  | { name: 'unlock' }
  | { name: 'list' }
  | { name: 'add' }
  | { name: 'details'; account: AccountView }
  | { name: 'settings' };

const ROUTE_FOR_STATE: Record<VaultState, Route> = {
  absent: { name: 'create' },
  locked: { name: 'unlock' },
  unlocked: { name: 'list' },
};

/** Any reply saying the vault locked meanwhile (auto-lock) sends the user to unlock. */
export function guardLocked(send: SendToWorker, onLocked: () => void): SendToWorker {
  return async (type, payload) => {
    try {
      return await send(type, payload);
    } catch (caught) {
      if (errorCode(caught) === 'VAULT_LOCKED') onLocked();
      throw caught;
    }
  };
}

function AppBar({ onSettings, onLocked }: { onSettings: () => void; onLocked: () => void }) {
  const { send, t } = useUi();
  const lock = useAction(async () => {
    await send('vault/lock', {});
    onLocked();
  });
  return (
    <header class="app-bar">
      <h1>{t('extName')}</h1>
      <button type="button" class="icon-button" data-testid="settings" onClick={onSettings}>
        <GearIcon />
        <span class="visually-hidden">{t('app_settings')}</span>
      </button>
      <button
        type="button"
        class="icon-button"
        data-testid="lock"
        disabled={lock.busy}
        onClick={() => void lock.run()}
      >
        <LockIcon />
        <span class="visually-hidden">{t('app_lock')}</span>
      </button>
      <ErrorText text={lock.error?.text} />
    </header>
  );
}

interface RouteViewProps {
  route: Route;
  go: (r: Route) => void;
  retry: () => void;
}

function RouteView({ route, go, retry }: RouteViewProps) {
  const { t } = useUi();
  const list = () => {
    go({ name: 'list' });
  };
  switch (route.name) {
    case 'loading':
      return (
        <p class="view busy" role="status">
          {t('app_loading')}
        </p>
      );
    case 'failed':
      return (
        <div class="view stack">
          <ErrorText text={route.error} />
          <button type="button" data-testid="retry" onClick={retry}>
            {t('app_retry')}
          </button>
        </div>
      );
    case 'create':
      return <CreateVaultView onCreated={list} />;
    case 'unlock':
      return <UnlockView onUnlocked={list} />;
    case 'list':
      return (
        <AccountListView
          onAdd={() => {
            go({ name: 'add' });
          }}
          onOpen={(account) => {
            go({ name: 'details', account });
          }}
        />
      );
    case 'add':
      return <AddAccountView onBack={list} onAdded={list} />;
    case 'details':
      return <AccountDetailsView account={route.account} onBack={list} onDeleted={list} />;
    case 'settings':
      return <SettingsView onBack={list} />;
  }
}

export interface PopupAppProps {
  deps: UiDeps;
}

export function PopupApp({ deps }: PopupAppProps) {
  const [route, setRoute] = useState<Route>({ name: 'loading' });
  const toUnlock = useCallback(() => {
    setRoute({ name: 'unlock' });
  }, []);
  const ui = useMemo(() => ({ ...deps, send: guardLocked(deps.send, toUnlock) }), [deps, toUnlock]);

  const loadStatus = useCallback(() => {
    setRoute({ name: 'loading' });
    deps.send('vault/status', {}).then(
      (status) => {
        setRoute(ROUTE_FOR_STATE[status.state]);
      },
      (caught: unknown) => {
        setRoute({ name: 'failed', error: describeError(caught, deps.t) });
      },
    );
  }, [deps]);
  useEffect(loadStatus, [loadStatus]);

  const unlocked = !['loading', 'failed', 'create', 'unlock'].includes(route.name);
  return (
    <UiContext.Provider value={ui}>
      <div class="popup">
        {unlocked ? (
          <AppBar
            onSettings={() => {
              setRoute({ name: 'settings' });
            }}
            onLocked={toUnlock}
          />
        ) : (
          <header class="app-bar">
            <h1>{deps.t('extName')}</h1>
          </header>
        )}
        <main>
          <RouteView route={route} go={setRoute} retry={loadStatus} />
        </main>
      </div>
    </UiContext.Provider>
  );
}
