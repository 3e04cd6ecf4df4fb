/**
 * The popup's root: asks the worker for the vault state and shows one view at a time.
 *
 *   loading ─┬─ absent ──▶ create ──────────┐
 *            ├─ locked ──▶ unlock ──┐       ▼
 *            └─ unlocked ───────────┴─▶ home: signin if a flow waits for input, else list
 *
 *   tabs (unlocked):  Codes: list ◀──▶ add | details    Sign in: signin    Sessions: sessions
 *   gear ──▶ settings (no tab) ── back ──▶ list;  settings ── Import / export ──▶ options#transfer
 *   any view ── Lock / VAULT_LOCKED ──▶ unlock
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountView, SendToWorker, VaultState } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { GearIcon, LockIcon } from '../components/icons';
import { UiContext, useUi, type UiDeps } from '../context';
import { describeError } from '../error-message';
import { guardLocked } from '../guard-locked';
import { useAction } from '../hooks/use-action';
import { SessionsView } from '../sessions/sessions-view';
import { isInteractive } from '../signin/labels';
import { SignInView } from '../signin/signin-view';
import { AccountDetailsView } from './account-details-view';
import { AccountListView } from './account-list-view';
import { AddAccountView } from './add-account-view';
import { CreateVaultView } from './create-vault-view';
import { SettingsView } from './settings-view';
import { TAB_PANEL_ID, TabBar, type TabName } from './tab-bar';
import { UnlockView } from './unlock-view';

/** The popup's own extra: the way to the options page, optionally at a section (`transfer`). */
export interface PopupDeps extends UiDeps {
  openOptions: (section?: string) => Promise<void>;
}

export type Route =
  | { name: 'loading' }
  | { name: 'failed'; error: string }
  | { name: 'create' }
  | { name: 'unlock' }
  | { name: 'add' }
  | { name: 'details'; account: AccountView }
  | { name: 'settings' }
  // `viaTab`: reached from the tab bar, so the view leaves focus on the tab.
  | { name: 'list' | 'signin' | 'sessions'; viaTab?: boolean };

const TAB_ROUTES: Record<TabName, Route> = {
  codes: { name: 'list', viaTab: true },
  signin: { name: 'signin', viaTab: true },
  sessions: { name: 'sessions', viaTab: true },
};

function tabOf(route: Route): TabName | null {
  switch (route.name) {
    case 'list':
    case 'add':
    case 'details':
      return 'codes';
    case 'signin':
    case 'sessions':
      return route.name;
    default:
      return null;
  }
}

/**
 * Where an unlocked popup opens: back in a sign-in that waits for input (the popup closed while
 * the user fetched a code from another tab), else the codes.
 */
async function homeRoute(send: SendToWorker): Promise<Route> {
  try {
    const flow = await send('signin/current', {});
    if (flow !== null && isInteractive(flow.step)) return { name: 'signin' };
  } catch {
    // Only a convenience: whatever went wrong, the codes list is a fine place to land.
  }
  return { name: 'list' };
}

const ROUTE_FOR_STATE: Record<Exclude<VaultState, 'unlocked'>, Route> = {
  absent: { name: 'create' },
  locked: { name: 'unlock' },
};

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
  goHome: () => void;
  retry: () => void;
  openOptions: (section?: string) => Promise<void>;
}

function RouteView({ route, go, goHome, retry, openOptions }: RouteViewProps) {
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
      return <UnlockView onUnlocked={goHome} />;
    case 'list':
      return (
        <AccountListView
          autoFocusSearch={route.viaTab !== true}
          onAdd={() => {
            go({ name: 'add' });
          }}
          onOpen={(account) => {
            go({ name: 'details', account });
          }}
        />
      );
    case 'add':
      return <AddAccountView onBack={list} onAdded={list} onImported={list} />;
    case 'details':
      return <AccountDetailsView account={route.account} onBack={list} onDeleted={list} />;
    case 'settings':
      return <SettingsView onBack={list} onOpenOptions={openOptions} />;
    case 'signin':
      return (
        <SignInView
          autoFocus={route.viaTab !== true}
          onOpenSessions={() => {
            go({ name: 'sessions' });
          }}
          onManageProfiles={openOptions}
        />
      );
    case 'sessions':
      return (
        <SessionsView
          onSignIn={() => {
            go({ name: 'signin' });
          }}
        />
      );
  }
}

export interface PopupAppProps {
  deps: PopupDeps;
}

export function PopupApp({ deps }: PopupAppProps) {
  const [route, setRoute] = useState<Route>({ name: 'loading' });
  const toUnlock = useCallback(() => {
    setRoute({ name: 'unlock' });
  }, []);
  const ui = useMemo(() => ({ ...deps, send: guardLocked(deps.send, toUnlock) }), [deps, toUnlock]);

  const goHome = useCallback(() => {
    void homeRoute(ui.send).then(setRoute);
  }, [ui]);

  const loadStatus = useCallback(() => {
    setRoute({ name: 'loading' });
    deps.send('vault/status', {}).then(
      (status) => {
        if (status.state === 'unlocked') goHome();
        else setRoute(ROUTE_FOR_STATE[status.state]);
      },
      (caught: unknown) => {
        setRoute({ name: 'failed', error: describeError(caught, deps.t) });
      },
    );
  }, [deps, goHome]);
  useEffect(loadStatus, [loadStatus]);

  const unlocked = !['loading', 'failed', 'create', 'unlock'].includes(route.name);
  const tab = tabOf(route);
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
        {tab === null ? null : (
          <TabBar
            selected={tab}
            onSelect={(name) => {
              setRoute(TAB_ROUTES[name]);
            }}
          />
        )}
        <main
          id={TAB_PANEL_ID}
          role={tab === null ? undefined : 'tabpanel'}
          aria-labelledby={tab === null ? undefined : `tab-${tab}`}
        >
          <RouteView
            route={route}
            go={setRoute}
            goHome={goHome}
            retry={loadStatus}
            openOptions={deps.openOptions}
          />
        </main>
      </div>
    </UiContext.Provider>
  );
}
