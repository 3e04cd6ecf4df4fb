/**
 * One stored session: who, where, how long it lives, the masked token with Reveal (until hidden
 * or the view closes: the clear token lives only in this component's state) and Copy, refresh
 * now, and sign out behind a confirmation.
 */
import { useState } from 'preact/hooks';
import type { SessionView } from '../../messaging/signin-protocol';
import { ErrorInfoText } from '../components/error-info';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { formatDuration, secondsUntil } from '../format-duration';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';
import { useCopy } from '../hooks/use-copy';
import { useKey } from '../hooks/use-key';
import { FAMILY_NAMES } from '../signin/labels';
import { SessionLog } from './session-log';
import { SessionTools } from './session-tools';

/** The name a person knows the account by, most specific first. */
export function accountName(account: SessionView['account']): string | null {
  return (
    account.displayName ?? account.email ?? account.login ?? account.phone ?? account.id ?? null
  );
}

export interface SessionRowProps {
  session: SessionView;
  now: number;
  onChanged: (session: SessionView) => void;
  onSignedOut: (id: string) => void;
  /** The popup lists the session's own requests; the DevTools panel shows them in full. */
  showLog?: boolean;
}

function SignOutConfirm({
  name,
  onCancel,
  onConfirm,
  busy,
}: {
  name: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useUi();
  const cancel = useAutofocus<HTMLButtonElement>();
  useKey('Escape', () => {
    onCancel();
    return true;
  });
  return (
    <div
      class="confirm stack"
      role="alertdialog"
      aria-labelledby="signout-title"
      aria-describedby="signout-text"
    >
      <h3 id="signout-title">{t('sessions_sign_out_title')}</h3>
      <p id="signout-text">{t('sessions_sign_out_text', [name])}</p>
      <div class="button-row">
        <button ref={cancel} type="button" data-testid="session-signout-cancel" onClick={onCancel}>
          {t('action_cancel')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="session-signout-confirm"
          disabled={busy}
          onClick={onConfirm}
        >
          {t('sessions_sign_out')}
        </button>
      </div>
    </div>
  );
}

function ExpiryLine({ session, now }: { session: SessionView; now: number }) {
  const { t } = useUi();
  const left = secondsUntil(session.expiresAt, now);
  const refreshIn = session.refreshAt === undefined ? 0 : secondsUntil(session.refreshAt, now);
  return (
    <>
      <p class={left === 0 ? 'warning' : 'note'} role="timer" data-testid="session-expiry">
        {left === 0 ? t('sessions_expired') : t('sessions_expires_in', [formatDuration(left, t)])}
      </p>
      {refreshIn > 0 ? (
        <p class="note" data-testid="session-refresh-at">
          {t('sessions_refreshes_in', [formatDuration(refreshIn, t)])}
        </p>
      ) : null}
    </>
  );
}

export function SessionRow({
  session,
  now,
  onChanged,
  onSignedOut,
  showLog = false,
}: SessionRowProps) {
  const { send, t } = useUi();
  const { id } = session;
  const [token, setToken] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [refreshed, setRefreshed] = useState(false);
  const copy = useCopy();
  const reveal = useAction(async () => {
    setToken((await send('sessions/reveal-token', { id })).accessToken);
  });
  // Copy without revealing: the token goes to the clipboard, not on screen.
  const copyToken = useAction(async () => {
    await copy.run(token ?? (await send('sessions/reveal-token', { id })).accessToken);
  });
  const refresh = useAction(async () => {
    setRefreshed(false);
    onChanged(await send('sessions/refresh', { id }));
    setToken(null);
    setRefreshed(true);
  });
  const signOut = useAction(async () => {
    await send('sessions/sign-out', { id });
    onSignedOut(id);
  });
  const name = accountName(session.account) ?? t('sessions_account_unknown');
  const titleId = `session-title-${id}`;
  const busy = reveal.busy || copyToken.busy || copy.busy || refresh.busy || signOut.busy;
  const failure = reveal.error ?? copyToken.error ?? copy.error ?? refresh.error ?? signOut.error;

  return (
    <li class="item-row session-row" data-testid="session-row" data-session-id={id}>
      <div class="item-name">
        <span class="item-title" id={titleId}>
          {name}
        </span>
        <span class="item-subtitle" data-testid="session-profile">
          {FAMILY_NAMES[session.family]} · {session.profileName}
        </span>
        {session.account.email !== undefined && session.account.email !== name ? (
          <span class="item-subtitle">{session.account.email}</span>
        ) : null}
      </div>
      <ExpiryLine session={session} now={now} />
      <div class="token-line">
        <span class="note">{t('sessions_token', [session.tokenType])}</span>
        <code class="token" data-testid="session-token">
          {token ?? session.maskedAccessToken}
        </code>
      </div>
      {session.lastError === undefined ? null : (
        <ErrorInfoText
          error={session.lastError}
          title={t('sessions_last_error')}
          testId="session-error"
        />
      )}
      <div class="row-actions" role="group" aria-labelledby={titleId}>
        <button
          type="button"
          data-testid="session-reveal"
          aria-pressed={token !== null}
          disabled={busy}
          onClick={() => {
            if (token === null) void reveal.run();
            else setToken(null);
          }}
        >
          {token === null ? t('sessions_reveal') : t('sessions_hide')}
        </button>
        <button
          type="button"
          data-testid="session-copy"
          disabled={busy}
          onClick={() => void copyToken.run()}
        >
          {copy.copied ? t('list_copied') : t('list_copy')}
        </button>
        <button
          type="button"
          data-testid="session-refresh"
          disabled={busy || !session.canRefresh}
          onClick={() => void refresh.run()}
        >
          {t('sessions_refresh')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="session-signout"
          disabled={busy}
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('sessions_sign_out')}
        </button>
      </div>
      <p role="status" class="status" data-testid="session-status">
        {refreshed ? t('sessions_refreshed') : copy.copied ? t('list_copied') : ''}
      </p>
      <SessionTools session={session} />
      {showLog ? <SessionLog session={session} /> : null}
      {confirming ? (
        <SignOutConfirm
          name={name}
          busy={signOut.busy}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => void signOut.run()}
        />
      ) : null}
      <ErrorText text={failure?.text} />
    </li>
  );
}
