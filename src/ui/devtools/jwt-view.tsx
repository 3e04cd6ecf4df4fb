/**
 * One decoded JWT (src/inspector decodeJwt): header, claims, iat/nbf/exp in local time with a
 * live countdown, and the flags a tester should notice (alg none, missing exp, …). Expiry and
 * not-before are judged against the ticking clock here, not the moment of decoding.
 */
import type { DecodedJwt, JwtResult, JwtTime, TokenSighting } from '../../inspector';
import { useUi } from '../context';
import { formatDuration } from '../format-duration';
import { useNow } from '../hooks/use-now';
import { formatLocalTime, SEVERITY_KEYS } from './labels';
// Here, not in an entry: the popup shows decoded tokens too (session tools).
import './inspector.css';

const LIVE_FLAGS = new Set(['expired', 'not-yet-valid']);

function TimeRow({ name, time, now }: { name: string; time: JwtTime | null; now: number }) {
  const { t } = useUi();
  if (time === null) return null;
  const seconds = Math.round((time.ms - now) / 1000);
  let relative = '';
  if (name === 'exp') {
    relative =
      seconds > 0
        ? t('devtools_jwt_expires_in', [formatDuration(seconds, t)])
        : t('devtools_jwt_expired_ago', [formatDuration(-seconds, t)]);
  } else if (name === 'nbf' && seconds > 0) {
    relative = t('devtools_jwt_valid_in', [formatDuration(seconds, t)]);
  }
  return (
    <>
      <dt>
        <code>{name}</code>
      </dt>
      <dd data-testid={`jwt-${name}`}>
        <span>{formatLocalTime(time.ms)}</span> <span class="note">({String(time.seconds)})</span>
        {relative === '' ? null : (
          <>
            {' · '}
            <span
              role={name === 'exp' ? 'timer' : undefined}
              class={seconds <= 0 && name === 'exp' ? 'warning-text' : undefined}
              data-testid={`jwt-${name}-relative`}
            >
              {relative}
            </span>
          </>
        )}
      </dd>
    </>
  );
}

function LiveFlags({ jwt, now }: { jwt: DecodedJwt; now: number }) {
  const { t } = useUi();
  const flags = jwt.flags.filter((f) => !LIVE_FLAGS.has(f.flag));
  const live: { flag: string; text: string }[] = [];
  if (jwt.exp !== null && jwt.exp.ms <= now)
    live.push({ flag: 'expired', text: t('devtools_jwt_expired') });
  if (jwt.nbf !== null && jwt.nbf.ms > now)
    live.push({ flag: 'not-yet-valid', text: t('devtools_jwt_not_yet_valid') });
  if (flags.length === 0 && live.length === 0) return null;
  return (
    <ul class="findings" data-testid="jwt-flags">
      {live.map((f) => (
        <li key={f.flag} class="finding finding-warning" data-flag={f.flag}>
          <span class="severity">{t('devtools_severity_warning')}</span> {f.text}
        </li>
      ))}
      {flags.map((f) => (
        <li key={f.flag} class={`finding finding-${f.severity}`} data-flag={f.flag}>
          <span class="severity">{t(SEVERITY_KEYS[f.severity])}</span> <code>{f.flag}</code>{' '}
          {f.message}
        </li>
      ))}
    </ul>
  );
}

function Decoded({ jwt }: { jwt: DecodedJwt }) {
  const { t } = useUi();
  const now = useNow(jwt.exp !== null || jwt.nbf !== null);
  return (
    <div class="stack jwt" data-testid="jwt">
      <p>
        <span class="note">{t('devtools_jwt_alg')}</span>{' '}
        <code data-testid="jwt-alg">{jwt.alg ?? '—'}</code>{' '}
        <span class="note">{t('devtools_jwt_signature', [String(jwt.signature.bytes)])}</span>
      </p>
      <LiveFlags jwt={jwt} now={now} />
      <dl class="meta">
        <TimeRow name="iat" time={jwt.iat} now={now} />
        <TimeRow name="nbf" time={jwt.nbf} now={now} />
        <TimeRow name="exp" time={jwt.exp} now={now} />
      </dl>
      <details open>
        <summary>{t('devtools_jwt_claims')}</summary>
        <pre class="code-block" data-testid="jwt-claims">
          {JSON.stringify(jwt.claims, null, 2)}
        </pre>
      </details>
      <details>
        <summary>{t('devtools_jwt_header')}</summary>
        <pre class="code-block" data-testid="jwt-header">
          {JSON.stringify(jwt.header, null, 2)}
        </pre>
      </details>
    </div>
  );
}

export function JwtView({ result }: { result: JwtResult }) {
  const { t } = useUi();
  if (result.ok) return <Decoded jwt={result} />;
  return (
    <p class="warning" data-testid="jwt-malformed" data-problem={result.problem}>
      {t('devtools_jwt_malformed')} {result.message}
    </p>
  );
}

export interface TokenListProps {
  sightings: readonly (TokenSighting & { label?: string })[];
}

/** Every token an entry (or a flow) shows: where it was seen, masked, and decoded. */
export function TokenList({ sightings }: TokenListProps) {
  const { t } = useUi();
  if (sightings.length === 0) return null;
  return (
    <ul class="stack token-list" data-testid="token-list">
      {sightings.map((s, i) => (
        <li key={i} class="card stack" data-testid="token" data-scheme={s.scheme}>
          <p>
            <span class="note">{s.label ?? s.where}</span>{' '}
            <code class="token" data-testid="token-value">
              {s.token}
            </code>
          </p>
          {s.jwt === null ? (
            <p class="note">{t('devtools_token_opaque')}</p>
          ) : (
            <JwtView result={s.jwt} />
          )}
        </li>
      ))}
    </ul>
  );
}
