/**
 * Masked until revealed, per step. Page traffic is held by the panel itself, so revealing only
 * changes how it is shown; the extension's log is masked by the worker, so its unmasked entries
 * are fetched (`inspector/reveal`) when the user reveals a step, decodes its tokens or exports
 * with secrets, and live only in this state (dropped with the flow view).
 */
import { useCallback, useState } from 'preact/hooks';
import { normalizeEntry, type HarEntry } from '../../inspector';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import type { PanelFlow } from './panel-model';

export interface StepReveal {
  isRevealed: (position: number) => boolean;
  /** The entry to show for a step (unmasked when revealed and fetched). */
  shown: (position: number) => HarEntry;
  /** The entry to decode tokens from, or null while the log's entry was not fetched. */
  decodeFrom: (position: number) => HarEntry | null;
  reveal: (position: number) => void;
  hide: (position: number) => void;
  decode: (positions: readonly number[]) => void;
  /** The flow's entries unmasked (fetched as needed) for an export with secrets. */
  unmaskedEntries: () => Promise<HarEntry[]>;
  busy: boolean;
  error: string | null;
}

export function useStepReveal(panelFlow: PanelFlow): StepReveal {
  const { send } = useUi();
  const { flow, seqs } = panelFlow;
  const own = panelFlow.source === 'extension';
  const [fetched, setFetched] = useState<ReadonlyMap<number, HarEntry>>(new Map());
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());

  const fetchAll = useCallback(
    async (positions: readonly number[]) => {
      const wanted = positions
        .map((p) => seqs[p] ?? null)
        .filter((seq): seq is number => seq !== null && !fetched.has(seq));
      const next = new Map(fetched);
      for (const seq of wanted) {
        next.set(seq, normalizeEntry((await send('inspector/reveal', { seq })).entry).entry);
      }
      setFetched(next);
      return next;
    },
    [fetched, seqs, send],
  );
  const fetchAction = useAction(async (positions: readonly number[], show: boolean) => {
    await fetchAll(positions);
    if (show) setRevealed((set) => new Set([...set, ...positions]));
  });

  const stepEntry = (position: number): HarEntry | undefined => flow.steps[position]?.entry;
  const unmasked = (position: number, map = fetched): HarEntry | null => {
    const seq = seqs[position] ?? null;
    return seq === null ? null : (map.get(seq) ?? null);
  };
  const empty = normalizeEntry({}).entry;

  return {
    isRevealed: (p) => revealed.has(p),
    shown: (p) => (revealed.has(p) && own ? unmasked(p) : null) ?? stepEntry(p) ?? empty,
    decodeFrom: (p) => (own ? unmasked(p) : (stepEntry(p) ?? null)),
    reveal: (p) => {
      if (own) void fetchAction.run([p], true);
      else setRevealed((set) => new Set([...set, p]));
    },
    hide: (p) => {
      setRevealed((set) => new Set([...set].filter((q) => q !== p)));
    },
    decode: (positions) => void fetchAction.run(positions, false),
    unmaskedEntries: async () => {
      const positions = flow.steps.map((_, i) => i);
      const map = own ? await fetchAll(positions) : fetched;
      return positions.map((p) => (own ? unmasked(p, map) : null) ?? stepEntry(p) ?? empty);
    },
    busy: fetchAction.busy,
    error: fetchAction.error?.text ?? null,
  };
}
