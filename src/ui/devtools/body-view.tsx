/**
 * A captured body as summarizeBody describes it, and SCv2 envelope metadata (SCv2 §4): what was
 * cut and why is said in words, binary stays base64, nothing is parsed twice.
 */
import type { BodyCut, BodySummary, EnvelopeInfo } from '../../inspector';
import { useUi } from '../context';
import { formatBytes, formatLocalTime } from './labels';

function CutNote({ cut }: { cut: BodyCut | null }) {
  const { t } = useUi();
  if (cut === null) return null;
  return (
    <p class="warning" data-testid="body-cut">
      {t('devtools_body_cut', [
        formatBytes(cut.keptBytes, t),
        formatBytes(cut.totalBytes, t),
        formatBytes(cut.cutBytes, t),
      ])}
    </p>
  );
}

export function BodyView({ summary, testId }: { summary: BodySummary; testId: string }) {
  const { t } = useUi();
  const size = (
    <span class="note">
      {summary.mimeType === '' ? '' : `${summary.mimeType} · `}
      {formatBytes(summary.bytes, t)}
    </span>
  );
  switch (summary.kind) {
    case 'empty':
      return (
        <p class="note" data-testid={testId} data-kind="empty">
          {t('devtools_body_empty')}
        </p>
      );
    case 'unavailable':
      return (
        <p class="note" data-testid={testId} data-kind="unavailable">
          {t('devtools_body_unavailable')} ({summary.note})
        </p>
      );
    case 'json':
      return (
        <div class="stack" data-testid={testId} data-kind="json">
          {size}
          <pre class="code-block">{summary.pretty}</pre>
        </div>
      );
    case 'text':
      return (
        <div class="stack" data-testid={testId} data-kind="text">
          {size}
          {summary.note === null ? null : <p class="note">{summary.note}</p>}
          <CutNote cut={summary.cut} />
          <pre class="code-block">{summary.text}</pre>
        </div>
      );
    case 'binary':
      return (
        <div class="stack" data-testid={testId} data-kind="binary">
          {size}
          <p class="note">
            {summary.envelope === null ? t('devtools_body_binary') : t('devtools_body_envelope')}
          </p>
          <CutNote cut={summary.cut} />
          <pre class="code-block base64">{summary.base64}</pre>
        </div>
      );
  }
}

export function EnvelopeView({ info, side }: { info: EnvelopeInfo; side: 'request' | 'response' }) {
  const { t } = useUi();
  const title =
    side === 'request' ? t('devtools_envelope_request') : t('devtools_envelope_response');
  if (!info.ok) {
    return (
      <div class="stack" data-testid="envelope" data-ok="false">
        <h5>{title}</h5>
        <p class="warning">{t('devtools_envelope_malformed', [info.reason])}</p>
      </div>
    );
  }
  return (
    <div class="stack" data-testid="envelope" data-ok="true">
      <h5>{title}</h5>
      <dl class="meta">
        <dt>{t('devtools_envelope_session')}</dt>
        <dd>
          <code data-testid="envelope-session">{info.sessionId ?? '—'}</code>
        </dd>
        <dt>{t('devtools_envelope_timestamp')}</dt>
        <dd data-testid="envelope-timestamp">
          {formatLocalTime(info.timestamp)}
          {info.stale ? ` · ${t('devtools_envelope_stale')}` : ''}
        </dd>
        <dt>{t('devtools_envelope_nonce')}</dt>
        <dd>
          <code data-testid="envelope-nonce">{info.nonceHex}</code>
        </dd>
        <dt>{t('devtools_envelope_size')}</dt>
        <dd data-testid="envelope-size">
          {t('devtools_envelope_size_value', [
            String(info.sizeBytes),
            String(info.ciphertextBytes),
          ])}
        </dd>
        <dt>{t('devtools_envelope_version')}</dt>
        <dd>
          <code>{info.scVersion ?? '—'}</code>
        </dd>
      </dl>
    </div>
  );
}
