/**
 * The popup's glance at a session's own requests (issue 6 §2): method, path and status of each
 * call the extension made for it, from the worker's request log, and the way to the full view
 * in the DevTools panel. Loaded when opened, not polled: the popup is short-lived.
 */
import { useState } from 'preact/hooks';
import type { LogEntryView } from '../../messaging/inspector-protocol';
import type { SessionView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { urlPath } from '../devtools/labels';
import { useAction } from '../hooks/use-action';

/**
 * A session's entries: the calls made with its tokens (tagged with its id), and the sign-in
 * flow that obtained it. The worker tags flow calls with the flow only, so that flow is the
 * latest one of the session's profile that began before the session was obtained.
 */
export function sessionEntries(
  entries: readonly LogEntryView[],
  session: Pick<SessionView, 'id' | 'profileId' | 'obtainedAt'>,
): LogEntryView[] {
  const began = new Map<string, number>();
  for (const e of entries) {
    if (e.flowId === undefined || e.profileId !== session.profileId) continue;
    const at = Date.parse(e.entry.startedDateTime);
    if (Number.isNaN(at) || at > session.obtainedAt) continue;
    began.set(e.flowId, Math.min(began.get(e.flowId) ?? at, at));
  }
  let signIn: string | null = null;
  for (const [flowId, at] of began) {
    if (signIn === null || at >= (began.get(signIn) ?? 0)) signIn = flowId;
  }
  return entries.filter(
    (e) => e.sessionId === session.id || (signIn !== null && e.flowId === signIn),
  );
}

/** The panel page as a tab: without DevTools it shows the extension's own log. */
export const PANEL_PAGE = '/devtools-panel.html';

export function SessionLog({ session }: { session: SessionView }) {
  const sessionId = session.id;
  const { send, t } = useUi();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<LogEntryView[] | null>(null);
  const [howTo, setHowTo] = useState(false);
  const load = useAction(async () => {
    setEntries(sessionEntries((await send('inspector/log', {})).entries, session));
  });
  const listId = `session-log-${sessionId}`;
  return (
    <div class="stack session-log">
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="session-log-toggle"
        onClick={() => {
          if (!open) void load.run();
          setOpen(!open);
        }}
      >
        {t('sessions_log_title')}
      </button>
      {!open ? null : (
        <div class="stack" id={listId}>
          <ErrorText text={load.error?.text} />
          {entries !== null && entries.length === 0 ? (
            <p class="note" data-testid="session-log-empty">
              {t('sessions_log_empty')}
            </p>
          ) : null}
          <ol class="log-entries" data-testid="session-log">
            {(entries ?? []).map((e) => (
              <li key={e.seq} data-testid="session-log-entry">
                <code class="mono">{e.entry.request.method}</code>{' '}
                <span class="mono">{urlPath(e.entry.request.url)}</span>{' '}
                <span class={e.entry.response.status >= 400 ? 'error' : 'note'}>
                  {e.entry.response.status === 0 ? '—' : e.entry.response.status}
                </span>
              </li>
            ))}
          </ol>
          <button
            type="button"
            class="link-button"
            aria-expanded={howTo}
            data-testid="session-log-devtools"
            onClick={() => {
              setHowTo(!howTo);
            }}
          >
            {t('sessions_log_open_devtools')}
          </button>
          {howTo ? (
            <p class="note" data-testid="session-log-howto">
              {t('sessions_log_devtools_howto')}{' '}
              <a href={PANEL_PAGE} target="_blank" rel="noreferrer" data-testid="session-log-page">
                {t('sessions_log_open_page')}
              </a>
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
