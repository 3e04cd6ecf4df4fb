/**
 * One flow: where and how it ended, export, its lint findings (or a clean bill), the tokens it
 * handed out decoded, and its steps in order (initiate → MFA → complete → refresh …).
 */
import { useMemo } from 'preact/hooks';
import { findTokens, toCurl, type HarEntry, type TokenSighting } from '../../inspector';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useCopy } from '../hooks/use-copy';
import { FlowExport, type Download } from './flow-export';
import { familyName, formatLocalTime, OUTCOME_KEYS } from './labels';
import { TokenList } from './jwt-view';
import type { PanelFlow } from './panel-model';
import { EntryBoundary, FindingList } from './step-parts';
import { StepView } from './step-view';
import { useStepReveal, type StepReveal } from './use-step-reveal';

function LintSection({ panelFlow }: { panelFlow: PanelFlow }) {
  const { t } = useUi();
  const { lint, lintError } = panelFlow;
  return (
    <section class="stack" aria-labelledby="flow-lint-title">
      <h3 id="flow-lint-title">{t('devtools_lint_title')}</h3>
      {lint === null ? (
        <p class="warning" data-testid="lint-failed">
          {t('devtools_lint_failed', [lintError ?? ''])}
        </p>
      ) : lint.length === 0 ? (
        <p class="success" data-testid="lint-clean">
          {t('devtools_lint_clean')}
        </p>
      ) : (
        <FindingList findings={lint} />
      )}
    </section>
  );
}

type Labelled = TokenSighting & { label: string };

/** Distinct tokens across the flow, each labelled with the first step that showed it. */
function flowTokens(
  panelFlow: PanelFlow,
  decodeFrom: (position: number) => HarEntry | null,
  revealed: (p: number) => boolean,
  now: number,
): Labelled[] | null {
  const out: Labelled[] = [];
  const seen = new Set<string>();
  let missing = false;
  for (const [p, step] of panelFlow.flow.steps.entries()) {
    const entry = decodeFrom(p);
    if (entry === null) {
      missing = true;
      continue;
    }
    try {
      for (const s of findTokens(entry, now, { reveal: revealed(p) })) {
        const id = s.jwt?.ok === true ? JSON.stringify([s.jwt.header, s.jwt.claims]) : s.token;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ ...s, label: `${String(p + 1)} · ${step.kind} · ${s.where}` });
      }
    } catch {
      // The step's own view says it could not be read.
    }
  }
  return missing && out.length === 0 ? null : out;
}

function TokensSection({
  tokens,
  busy,
  onDecode,
}: {
  tokens: Labelled[] | null;
  busy: boolean;
  onDecode: () => void;
}) {
  const { t } = useUi();
  let body;
  if (tokens === null) {
    body = (
      <div class="stack">
        <p class="note">{t('devtools_tokens_masked')}</p>
        <button type="button" data-testid="flow-decode" disabled={busy} onClick={onDecode}>
          {t('devtools_decode_tokens')}
        </button>
      </div>
    );
  } else if (tokens.length === 0) {
    body = (
      <p class="note" data-testid="tokens-none">
        {t('devtools_tokens_none')}
      </p>
    );
  } else {
    body = (
      <div data-testid="flow-tokens">
        <TokenList sightings={tokens} />
      </div>
    );
  }
  return (
    <section class="stack" aria-labelledby="flow-tokens-title">
      <h3 id="flow-tokens-title">{t('devtools_tokens_title')}</h3>
      {body}
    </section>
  );
}

function StepList({
  panelFlow,
  reveal,
  copy,
}: {
  panelFlow: PanelFlow;
  reveal: StepReveal;
  copy: (text: string) => void;
}) {
  const { t } = useUi();
  const { flow, source } = panelFlow;
  // The worker masked its own entries already: they are shown (and copied) as given.
  const premasked = source === 'extension';
  return (
    <section class="stack" aria-labelledby="flow-steps-title">
      <h3 id="flow-steps-title">{t('devtools_steps_title', [String(flow.steps.length)])}</h3>
      <ol class="steps" data-testid="flow-steps">
        {flow.steps.map((step, p) => (
          <EntryBoundary key={step.entryIndex}>
            <StepView
              step={step}
              position={p}
              cutBytes={panelFlow.cutBytes[p] ?? 0}
              findings={(panelFlow.lint ?? []).filter((f) => f.entryIndex === step.entryIndex)}
              entry={reveal.shown(p)}
              revealed={reveal.isRevealed(p)}
              premasked={premasked}
              decodeFrom={reveal.decodeFrom(p)}
              canFetch={premasked}
              busy={reveal.busy}
              onReveal={() => {
                reveal.reveal(p);
              }}
              onHide={() => {
                reveal.hide(p);
              }}
              onDecode={() => {
                reveal.decode([p]);
              }}
              onCopyCurl={() => {
                copy(toCurl(reveal.shown(p), { reveal: reveal.isRevealed(p) || premasked }));
              }}
            />
          </EntryBoundary>
        ))}
      </ol>
    </section>
  );
}

export interface FlowDetailProps {
  panelFlow: PanelFlow;
  download: Download;
}

export function FlowDetail({ panelFlow, download }: FlowDetailProps) {
  const { t, now } = useUi();
  const { flow, source } = panelFlow;
  const reveal = useStepReveal(panelFlow);
  const copy = useCopy();
  const positions = flow.steps.map((_, i) => i);
  const decodeKey = positions.map((p) => (reveal.decodeFrom(p) === null ? 0 : 1)).join('');
  const tokens = useMemo(
    () => flowTokens(panelFlow, reveal.decodeFrom, reveal.isRevealed, now()),
    // What changes the decoded set: which steps were fetched, and which are revealed.
    [panelFlow, decodeKey, positions.map(reveal.isRevealed).join(), now],
  );
  const portal = flow.portal === null ? '' : ` · ${flow.portal}`;
  return (
    <article class="stack flow-detail" data-testid="flow-detail" data-flow={panelFlow.key}>
      <header class="stack">
        <h2>
          {familyName(flow.family, t)} · {flow.origin}
          {portal}
        </h2>
        <p class="note">
          <span data-testid="flow-outcome">{t(OUTCOME_KEYS[flow.outcome])}</span>
          {' · '}
          {source === 'page' ? t('devtools_source_page') : t('devtools_source_extension')}
          {flow.startedMs === null ? '' : ` · ${formatLocalTime(flow.startedMs)}`}
        </p>
        <FlowExport flow={flow} download={download} unmaskedEntries={reveal.unmaskedEntries} />
      </header>
      <LintSection panelFlow={panelFlow} />
      <TokensSection
        tokens={tokens}
        busy={reveal.busy}
        onDecode={() => {
          reveal.decode(positions);
        }}
      />
      <ErrorText text={reveal.error ?? copy.error?.text} />
      <StepList
        panelFlow={panelFlow}
        reveal={reveal}
        copy={(text) => {
          void copy.run(text);
        }}
      />
    </article>
  );
}
