/**
 * A session's tester tools (issue 6 §3): its tokens' claims and expiry, copy as an
 * `Authorization: Bearer` header, a curl command or JSON, and closing its SCv2 session. The
 * worker's session view carries only the masked token, so claims come from `sessions/export`
 * (JSON) on request and live in this component's state until hidden.
 */
import { useState } from 'preact/hooks';
import { decodeJwt, type JwtResult } from '../../inspector';
import type { SessionExportFormat } from '../../messaging/inspector-protocol';
import type { SessionView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { JwtView } from '../devtools/jwt-view';
import { useAction } from '../hooks/use-action';
import { useCopy } from '../hooks/use-copy';

export interface ExportedToken {
  name: 'accessToken' | 'idToken';
  jwt: JwtResult;
}

const FIELDS = [
  ['accessToken', ['accessToken', 'access_token']],
  ['idToken', ['idToken', 'id_token']],
] as const;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The tokens of a `sessions/export` JSON text, decoded; an id token equal to the access token once. */
export function exportedTokens(text: string, now: number): ExportedToken[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const top = record(parsed);
  const places = [top, record(top?.tokens)];
  const seen = new Set<string>();
  const out: ExportedToken[] = [];
  for (const [name, keys] of FIELDS) {
    const token = places
      .flatMap((place) => keys.map((key) => place?.[key]))
      .find((value): value is string => typeof value === 'string' && value !== '');
    if (token === undefined || seen.has(token)) continue;
    seen.add(token);
    out.push({ name, jwt: decodeJwt(token, now) });
  }
  return out;
}

const COPY_FORMATS: [SessionExportFormat, string, string][] = [
  ['authorization-header', 'sessions_copy_header', 'session-copy-header'],
  ['curl', 'sessions_copy_curl', 'session-copy-curl'],
  ['json', 'sessions_copy_json', 'session-copy-json'],
];

export function SessionTools({ session }: { session: SessionView }) {
  const { send, t, now } = useUi();
  const { id } = session;
  const [claims, setClaims] = useState<ExportedToken[] | null>(null);
  const [closed, setClosed] = useState(false);
  const copy = useCopy();
  const showClaims = useAction(async () => {
    const { text } = await send('sessions/export', { id, format: 'json' });
    setClaims(exportedTokens(text, now()));
  });
  const copyAs = useAction(async (format: SessionExportFormat) => {
    await copy.run((await send('sessions/export', { id, format })).text);
  });
  const closeChannel = useAction(async () => {
    await send('sessions/close-channel', { id });
    setClosed(true);
  });
  const busy = showClaims.busy || copyAs.busy || copy.busy || closeChannel.busy;
  const failure = showClaims.error ?? copyAs.error ?? copy.error ?? closeChannel.error;
  return (
    <details class="stack session-tools" data-testid="session-tools">
      <summary data-testid="session-tools-toggle">{t('sessions_tools')}</summary>
      <div class="row-actions">
        <button
          type="button"
          data-testid="session-claims"
          aria-pressed={claims !== null}
          disabled={busy}
          onClick={() => {
            if (claims === null) void showClaims.run();
            else setClaims(null);
          }}
        >
          {claims === null ? t('sessions_show_claims') : t('sessions_hide_claims')}
        </button>
        {COPY_FORMATS.map(([format, key, testId]) => (
          <button
            key={format}
            type="button"
            data-testid={testId}
            disabled={busy}
            onClick={() => void copyAs.run(format)}
          >
            {t(key)}
          </button>
        ))}
        {session.family === 'slaunchx' ? (
          <button
            type="button"
            data-testid="session-close-channel"
            disabled={busy}
            onClick={() => void closeChannel.run()}
          >
            {t('sessions_close_channel')}
          </button>
        ) : null}
      </div>
      <p role="status" class="status" data-testid="session-tools-status">
        {copy.copied ? t('list_copied') : closed ? t('sessions_channel_closed') : ''}
      </p>
      {claims === null ? null : claims.length === 0 ? (
        <p class="note" data-testid="session-claims-none">
          {t('sessions_claims_none')}
        </p>
      ) : (
        <ul class="stack token-list" data-testid="session-claims-list">
          {claims.map((c) => (
            <li key={c.name} class="card stack" data-testid="session-claims-token">
              <h4>
                {c.name === 'accessToken' ? t('sessions_access_token') : t('sessions_id_token')}
              </h4>
              <JwtView result={c.jwt} />
            </li>
          ))}
        </ul>
      )}
      <ErrorText text={failure?.text} />
    </details>
  );
}
