/** Pieces of a step's detail: headers, an explained error code, lint findings. */
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import type { HarHeader, LintFinding, StepError } from '../../inspector';
import { useUi } from '../context';
import { SEVERITY_KEYS } from './labels';

export function HeadersView({
  headers,
  testId,
}: {
  headers: readonly HarHeader[];
  testId: string;
}) {
  const { t } = useUi();
  if (headers.length === 0) return <p class="note">{t('devtools_headers_none')}</p>;
  return (
    <table class="headers" data-testid={testId}>
      <tbody>
        {headers.map((h, i) => (
          <tr key={i}>
            <th scope="row">{h.name}</th>
            <td>
              <code>{h.value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ERROR_SOURCE_KEYS: Record<StepError['source'], string> = {
  body: 'devtools_error_source_body',
  decrypted: 'devtools_error_source_decrypted',
  header: 'devtools_error_source_header',
  status: 'devtools_error_source_status',
};

/** A provider error code with the seed's meaning and action (src/inspector explainError). */
export function ExplainedError({ error }: { error: StepError }) {
  const { t } = useUi();
  const { explanation } = error;
  return (
    <div class="error-info" data-testid="step-error" data-code={error.code}>
      <p>
        <code class="error-code" data-testid="step-error-code">
          {error.code}
        </code>{' '}
        <span class="note">{t(ERROR_SOURCE_KEYS[error.source])}</span>
      </p>
      {error.message === null ? null : (
        <p data-testid="step-error-message">{t('devtools_error_provider_says', [error.message])}</p>
      )}
      <p data-testid="step-error-meaning">{explanation.meaning}</p>
      {explanation.action === null ? null : (
        <p class="note" data-testid="step-error-action">
          {t('devtools_error_action', [explanation.action])}
        </p>
      )}
      {explanation.documented ? null : <p class="note">{t('devtools_error_undocumented')}</p>}
    </div>
  );
}

export function FindingList({
  findings,
  testId = 'lint-findings',
}: {
  findings: readonly LintFinding[];
  testId?: string;
}) {
  const { t } = useUi();
  return (
    <ul class="findings" data-testid={testId}>
      {findings.map((f, i) => (
        <li
          key={i}
          class={`finding finding-${f.severity}`}
          data-testid="lint-finding"
          data-rule={f.rule}
          data-severity={f.severity}
        >
          <span class="severity">{t(SEVERITY_KEYS[f.severity])}</span> <code>{f.rule}</code>{' '}
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Render errors below become a "could not read this entry" row: captured traffic is anything,
 * and one entry must not take the panel down with it.
 */
export function EntryBoundary({ children }: { children: ComponentChildren }) {
  const { t } = useUi();
  const [error] = useErrorBoundary() as [unknown, () => void];
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    return (
      <p class="warning" data-testid="entry-unreadable">
        {t('devtools_entry_unreadable', [reason])}
      </p>
    );
  }
  return <>{children}</>;
}
