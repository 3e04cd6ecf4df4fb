/**
 * The panel's main view: every flow from the inspected page and from the extension's own log,
 * newest first, the selected one in detail; and, said plainly, what was left out: entries
 * dropped by the caps, requests that were not auth traffic, entries that could not be read.
 */
import { useMemo, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { FlowDetail } from './flow-detail';
import type { Download } from './flow-export';
import { familyName, formatLocalTime, OUTCOME_KEYS } from './labels';
import {
  buildLogFlows,
  buildSourceFlows,
  lintCounts,
  type PanelFlow,
  type UnreadableEntry,
} from './panel-model';
import type { PageCapture } from './use-page-capture';
import type { WorkerLog } from './use-worker-log';

function FlowRow({
  item,
  selected,
  onSelect,
}: {
  item: PanelFlow;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useUi();
  const { flow } = item;
  const counts = lintCounts(item.lint);
  return (
    <li>
      <button
        type="button"
        class="flow-row"
        aria-current={selected ? 'true' : undefined}
        data-testid="flow-row"
        data-flow={item.key}
        data-family={flow.family}
        onClick={onSelect}
      >
        <span class="item-title">
          {familyName(flow.family, t)} · {flow.origin}
        </span>
        <span class="item-subtitle">
          {item.source === 'page' ? t('devtools_source_page') : t('devtools_source_extension')}
          {' · '}
          {t(OUTCOME_KEYS[flow.outcome])}
          {' · '}
          {t('devtools_steps_count', [String(flow.steps.length)])}
          {flow.startedMs === null ? '' : ` · ${formatLocalTime(flow.startedMs)}`}
        </span>
        {counts.error + counts.warning > 0 ? (
          <span class="item-subtitle" data-testid="flow-row-lint">
            {t('devtools_lint_counts', [String(counts.error), String(counts.warning)])}
          </span>
        ) : null}
      </button>
    </li>
  );
}

function CaptureNotes({ capture, log }: { capture: PageCapture | null; log: WorkerLog }) {
  const { t } = useUi();
  const notes: [string, string][] = [];
  if (capture === null) notes.push(['mode', t('devtools_mode_log_only')]);
  if (capture !== null && capture.failed !== null)
    notes.push(['har-failed', t('devtools_har_failed', [capture.failed])]);
  if (capture !== null && capture.dropped > 0)
    notes.push(['page-dropped', t('devtools_page_dropped', [String(capture.dropped)])]);
  if (capture !== null && capture.skipped > 0)
    notes.push(['page-skipped', t('devtools_page_skipped', [String(capture.skipped)])]);
  if (log.dropped > 0)
    notes.push([
      'log-dropped',
      t('devtools_log_dropped', [String(log.dropped), String(log.capacity ?? '?')]),
    ]);
  return (
    <ul class="notes" data-testid="capture-notes">
      {notes.map(([id, text]) => (
        <li key={id} class="note" data-testid={`note-${id}`}>
          {text}
        </li>
      ))}
    </ul>
  );
}

function Unreadable({ list }: { list: readonly UnreadableEntry[] }) {
  const { t } = useUi();
  if (list.length === 0) return null;
  return (
    <details class="card" data-testid="unreadable">
      <summary>{t('devtools_unreadable_count', [String(list.length)])}</summary>
      <ul class="stack">
        {list.map((item, i) => (
          <li key={i} data-testid="unreadable-entry">
            {t('devtools_entry_unreadable', [item.problems.join('; ')])}
            {item.url === null ? null : <code class="mono"> {item.url}</code>}
          </li>
        ))}
      </ul>
    </details>
  );
}

export interface FlowsSectionProps {
  capture: PageCapture | null;
  log: WorkerLog;
  download: Download;
}

export function FlowsSection({ capture, log, download }: FlowsSectionProps) {
  const { t } = useUi();
  const pageEntries = capture?.entries;
  const page = useMemo(() => buildSourceFlows('page', pageEntries ?? []), [pageEntries]);
  const own = useMemo(() => buildLogFlows(log.entries), [log.entries]);
  const flows = useMemo(() => {
    const all = [...page.flows, ...own.flows];
    return all.sort((a, b) => (b.flow.startedMs ?? 0) - (a.flow.startedMs ?? 0));
  }, [page, own]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = flows.find((f) => f.key === selectedKey) ?? flows[0] ?? null;
  const clear = useAction(async () => {
    capture?.clear();
    await log.clear();
  });

  return (
    <div class="flows-layout">
      <aside class="stack flow-list-pane">
        <div class="row-actions">
          <button type="button" data-testid="flows-clear" onClick={() => void clear.run()}>
            {t('devtools_clear')}
          </button>
        </div>
        <CaptureNotes capture={capture} log={log} />
        <ErrorText text={log.error ?? clear.error?.text} />
        {flows.length === 0 ? (
          <p class="empty" data-testid="flows-empty">
            {t('devtools_flows_empty')}
          </p>
        ) : (
          <ul class="item-list flow-list" aria-label={t('devtools_flows_title')}>
            {flows.map((item) => (
              <FlowRow
                key={item.key}
                item={item}
                selected={item.key === selected?.key}
                onSelect={() => {
                  setSelectedKey(item.key);
                }}
              />
            ))}
          </ul>
        )}
        <Unreadable
          list={[...(capture?.unreadable ?? []), ...page.unreadable, ...own.unreadable]}
        />
      </aside>
      <div class="flow-pane">
        {selected === null ? null : (
          <FlowDetail key={selected.key} panelFlow={selected} download={download} />
        )}
      </div>
    </div>
  );
}
