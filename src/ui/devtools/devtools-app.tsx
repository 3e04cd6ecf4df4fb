/**
 * The DevTools panel "Authdeck" (issue 6): flows from the inspected page (devtools.network) and
 * from the extension's own request log, the stored sessions with their tools, and the header
 * rules of test profiles. Opened as a plain extension page there is no devtools.network, and the
 * panel shows the extension's log only; a recorded HAR file can be loaded as page traffic in
 * either mode (load-har.tsx).
 *
 *   tabs: Flows ◀──▶ Sessions ◀──▶ Header rules      (capture and log polling run under all)
 *   any reply VAULT_LOCKED ──▶ an unlock form above the tab ── unlocked ──▶ sessions load again
 */
import { useCallback, useMemo, useState } from 'preact/hooks';
import { UiContext, useUi, type UiDeps } from '../context';
import { guardLocked } from '../guard-locked';
import { UnlockView } from '../popup/unlock-view';
import { SessionsView } from '../sessions/sessions-view';
import type { Download } from './flow-export';
import { FlowsSection } from './flows-section';
import { HAR_FILE_LIMITS, type HarFileLimits } from './har-file-source';
import { HeaderRulesList } from './header-rules-list';
import { LoadHar } from './load-har';
import type { NetworkSource } from './network-source';
import { useHarFile, useMergedCapture } from './use-har-file';
import { usePageCapture } from './use-page-capture';
import { LOG_POLL_MS, useWorkerLog } from './use-worker-log';

export interface DevtoolsDeps extends UiDeps {
  /** The inspected page's traffic; null when the panel is not inside DevTools. */
  network: NetworkSource | null;
  /** Saves text as a file (a HAR export). */
  download: Download;
  /** How often the worker's log is polled; default 1 s. */
  pollMs?: number;
  /** Bounds on a loaded HAR file; default HAR_FILE_LIMITS. */
  harFileLimits?: HarFileLimits;
}

type Tab = 'flows' | 'sessions' | 'rules';

const TABS: [Tab, string][] = [
  ['flows', 'devtools_tab_flows'],
  ['sessions', 'devtools_tab_sessions'],
  ['rules', 'devtools_tab_rules'],
];

function PanelTabs({ selected, onSelect }: { selected: Tab; onSelect: (tab: Tab) => void }) {
  const { t } = useUi();
  return (
    <div class="tab-bar" role="tablist">
      {TABS.map(([tab, key]) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`devtools-tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls="devtools-tab-panel"
          data-testid={`devtools-tab-${tab}`}
          onClick={() => {
            onSelect(tab);
          }}
        >
          {t(key)}
        </button>
      ))}
    </div>
  );
}

/** The worker refused for a locked vault (a reveal, the sessions): unlock here, not in the popup. */
function UnlockCard({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useUi();
  return (
    <div class="card stack" data-testid="devtools-unlock">
      <UnlockView onUnlocked={onUnlocked} />
      <p class="note">{t('devtools_locked_note')}</p>
    </div>
  );
}

function Panel({ deps, locked, setLocked }: PanelProps) {
  const { t } = deps;
  const [tab, setTab] = useState<Tab>('flows');
  // Bumped on unlock, so the sessions list loads again.
  const [unlocks, setUnlocks] = useState(0);
  const capture = usePageCapture(deps.network);
  const harLimits = deps.harFileLimits ?? HAR_FILE_LIMITS;
  // A loaded HAR file joins the page's traffic (or stands for it, outside DevTools).
  const harFile = useHarFile(harLimits);
  const pageCapture = useMergedCapture(deps.network === null ? null : capture, harFile);
  const log = useWorkerLog(deps.pollMs ?? LOG_POLL_MS);
  return (
    <div class="devtools">
      <header class="app-bar">
        <h1>{t('extName')}</h1>
        <p class="note" data-testid="devtools-mode">
          {deps.network === null ? t('devtools_mode_log_only_short') : t('devtools_mode_full')}
        </p>
      </header>
      <PanelTabs selected={tab} onSelect={setTab} />
      <main id="devtools-tab-panel" role="tabpanel" aria-labelledby={`devtools-tab-${tab}`}>
        {locked ? (
          <UnlockCard
            onUnlocked={() => {
              setLocked(false);
              setUnlocks((n) => n + 1);
            }}
          />
        ) : null}
        {tab === 'flows' ? (
          <>
            <LoadHar har={harFile} limits={harLimits} />
            <FlowsSection capture={pageCapture} log={log} download={deps.download} />
          </>
        ) : null}
        {tab === 'sessions' && !locked ? <SessionsView key={unlocks} showLog={false} /> : null}
        {tab === 'rules' ? <HeaderRulesList /> : null}
      </main>
    </div>
  );
}

interface PanelProps {
  deps: DevtoolsDeps;
  locked: boolean;
  setLocked: (locked: boolean) => void;
}

export function DevtoolsApp({ deps }: { deps: DevtoolsDeps }) {
  const [locked, setLocked] = useState(false);
  const toLocked = useCallback(() => {
    setLocked(true);
  }, []);
  const ui = useMemo(() => ({ ...deps, send: guardLocked(deps.send, toLocked) }), [deps, toLocked]);
  return (
    <UiContext.Provider value={ui}>
      <Panel deps={ui} locked={locked} setLocked={setLocked} />
    </UiContext.Provider>
  );
}
