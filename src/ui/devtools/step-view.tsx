/**
 * One step of a flow: a summary row (kind, method, endpoint, status, error code) that opens its
 * detail: the explained error, its lint findings, request and response with masked headers and
 * summarised bodies, SCv2 envelope metadata and plaintexts, and the tokens it carries decoded.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { FlowStep, HarEntry, LintFinding } from '../../inspector';
import { useUi } from '../context';
import { BodyView, EnvelopeView } from './body-view';
import { formatBytes, urlPath } from './labels';
import { TokenList } from './jwt-view';
import { analyzeStep, type StepAnalysis } from './step-analysis';
import { ExplainedError, FindingList, HeadersView } from './step-parts';

export interface StepViewProps {
  step: FlowStep;
  position: number;
  /** Bytes the worker log cut from this entry's bodies. */
  cutBytes: number;
  findings: readonly LintFinding[];
  /** What to show, and whether it is shown unmasked. */
  entry: HarEntry;
  revealed: boolean;
  /**
   * The entry comes masked by the worker: shown as given (masking it again would hide the first
   * characters the worker left, and values under the inspector's length rule entirely).
   */
  premasked: boolean;
  /** The entry tokens are decoded from; null while the log's masked entry was not fetched. */
  decodeFrom: HarEntry | null;
  /** The extension's log masks tokens: decoding asks the worker for the entry. */
  canFetch: boolean;
  busy: boolean;
  onReveal: () => void;
  onHide: () => void;
  onDecode: () => void;
  onCopyCurl: () => void;
}

function Side({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="stack step-side">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

function Detail({ analysis, step }: { analysis: StepAnalysis; step: FlowStep }) {
  const { t } = useUi();
  const { envelopes, plaintext } = analysis;
  return (
    <div class="step-sides">
      <Side title={t('devtools_request')}>
        <p>
          <code class="mono" data-testid="step-url">
            {step.method} {analysis.url}
          </code>
        </p>
        <HeadersView headers={analysis.requestHeaders} testId="request-headers" />
        <BodyView summary={analysis.requestBody} testId="request-body" />
        {envelopes.request === null ? null : (
          <EnvelopeView info={envelopes.request} side="request" />
        )}
        {plaintext.request === null ? null : (
          <div class="stack" data-testid="request-plaintext">
            <h5>{t('devtools_plaintext')}</h5>
            <BodyView summary={plaintext.request} testId="request-plaintext-body" />
          </div>
        )}
      </Side>
      <Side title={t('devtools_response', [String(step.status)])}>
        <HeadersView headers={analysis.responseHeaders} testId="response-headers" />
        <BodyView summary={analysis.responseBody} testId="response-body" />
        {envelopes.response === null ? null : (
          <EnvelopeView info={envelopes.response} side="response" />
        )}
        {plaintext.response === null ? null : (
          <div class="stack" data-testid="response-plaintext">
            <h5>{t('devtools_plaintext')}</h5>
            <BodyView summary={plaintext.response} testId="response-plaintext-body" />
          </div>
        )}
      </Side>
    </div>
  );
}

function StepActions(props: StepViewProps) {
  const { t } = useUi();
  const { revealed, busy, canFetch, decodeFrom } = props;
  return (
    <div class="row-actions">
      <button
        type="button"
        data-testid="step-reveal"
        aria-pressed={revealed}
        disabled={busy}
        onClick={revealed ? props.onHide : props.onReveal}
      >
        {revealed ? t('devtools_hide') : t('devtools_reveal')}
      </button>
      {canFetch && decodeFrom === null ? (
        <button type="button" data-testid="step-decode" disabled={busy} onClick={props.onDecode}>
          {t('devtools_decode_tokens')}
        </button>
      ) : null}
      <button type="button" data-testid="step-copy-curl" onClick={props.onCopyCurl}>
        {t('devtools_copy_curl')}
      </button>
    </div>
  );
}

function StepSummary(props: {
  step: FlowStep;
  position: number;
  findings: number;
  open: boolean;
  controls: string;
  onToggle: () => void;
}) {
  const { t } = useUi();
  const { step } = props;
  const bad = step.status >= 400 || step.status === 0;
  return (
    <button
      type="button"
      class="step-summary"
      aria-expanded={props.open}
      aria-controls={props.controls}
      data-testid="step-toggle"
      onClick={props.onToggle}
    >
      <span class="step-index">{props.position + 1}</span>
      <span class="badge step-kind">{step.kind}</span>
      <code class="step-endpoint">
        {step.method} {step.endpoint ?? urlPath(step.url)}
      </code>
      <span class={bad ? 'status-bad' : 'status-ok'}>
        {step.status === 0 ? t('devtools_no_response') : step.status}
      </span>
      {step.error === null ? null : <code class="error-code">{step.error.code}</code>}
      {props.findings === 0 ? null : (
        <span class="note">{t('devtools_step_findings', [String(props.findings)])}</span>
      )}
    </button>
  );
}

export function StepView(props: StepViewProps) {
  const { t, now } = useUi();
  const { step, position, findings, entry, revealed, decodeFrom, premasked } = props;
  const [open, setOpen] = useState(false);
  // Decoded once per entry shown; the JWT view judges expiry against its own ticking clock.
  const analysis = useMemo(
    () =>
      open
        ? analyzeStep(
            entry,
            { reveal: revealed || premasked, revealTokens: revealed },
            decodeFrom,
            now(),
          )
        : null,
    [open, entry, revealed, premasked, decodeFrom, now],
  );
  const detailId = `step-detail-${step.entryIndex}`;
  return (
    <li class="step" data-testid="flow-step" data-kind={step.kind} data-status={step.status}>
      <StepSummary
        step={step}
        position={position}
        findings={findings.length}
        open={open}
        controls={detailId}
        onToggle={() => {
          setOpen(!open);
        }}
      />
      {!open || analysis === null ? null : (
        <div class="stack step-detail" id={detailId} data-testid="step-detail">
          <StepActions {...props} />
          {props.cutBytes > 0 ? (
            <p class="warning" data-testid="step-log-cut">
              {t('devtools_log_cut', [formatBytes(props.cutBytes, t)])}
            </p>
          ) : null}
          {step.error === null ? null : <ExplainedError error={step.error} />}
          {findings.length === 0 ? null : (
            <FindingList findings={findings} testId="step-findings" />
          )}
          {analysis.ok ? (
            <>
              <Detail analysis={analysis.value} step={step} />
              {analysis.value.tokens === null ? (
                <p class="note">{t('devtools_tokens_masked')}</p>
              ) : (
                <TokenList sightings={analysis.value.tokens} />
              )}
            </>
          ) : (
            <p class="warning" data-testid="entry-unreadable">
              {t('devtools_entry_unreadable', [analysis.reason])}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
