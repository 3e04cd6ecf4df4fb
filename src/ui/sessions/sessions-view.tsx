/** The popup's Sessions tab: every stored auth session with live expiry, or a way to sign in. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SessionView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useNow } from '../hooks/use-now';
import { SessionRow } from './session-row';

export interface SessionsViewProps {
  /** To the Sign in tab; absent where there is none (the DevTools panel: sign in from the popup). */
  onSignIn?: () => void;
  /** Each session lists its own requests (the popup; the panel shows them as flows). */
  showLog?: boolean;
}

export function SessionsView({ onSignIn, showLog = true }: SessionsViewProps) {
  const { send, t } = useUi();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const now = useNow(sessions !== null && sessions.length > 0);
  const load = useAction(async () => {
    setSessions(await send('sessions/list', {}));
  });
  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad();
  }, [runLoad]);
  const replace = useCallback((fresh: SessionView) => {
    setSessions((list) => list?.map((s) => (s.id === fresh.id ? fresh : s)) ?? null);
  }, []);
  const remove = useCallback((id: string) => {
    setSessions((list) => list?.filter((s) => s.id !== id) ?? null);
  }, []);

  return (
    <section class="view stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title" class="visually-hidden">
        {t('sessions_title')}
      </h2>
      <ErrorText text={load.error?.text} />
      {sessions !== null && sessions.length === 0 ? (
        <div class="empty" data-testid="sessions-empty">
          <p>{t('sessions_empty')}</p>
          {onSignIn === undefined ? (
            <p class="note">{t('sessions_signin_in_popup')}</p>
          ) : (
            <button
              type="button"
              class="primary"
              data-testid="sessions-empty-signin"
              onClick={onSignIn}
            >
              {t('sessions_go_signin')}
            </button>
          )}
        </div>
      ) : null}
      <ul class="item-list" aria-label={t('sessions_title')}>
        {(sessions ?? []).map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            now={now}
            onChanged={replace}
            onSignedOut={remove}
            showLog={showLog}
          />
        ))}
      </ul>
    </section>
  );
}
