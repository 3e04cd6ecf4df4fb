/**
 * Whether a candidate can be seen and filled: the DOM-only checks always, the layout probe's
 * when one was given. Results are memoised per element, and only candidates are inspected:
 * no layout is read for the thousands of unrelated inputs a page may hold.
 */
import type { ContextStep, LayoutProbe, LayoutRect, TextField } from './types';
import { staticBlockers, staticHiddenReason } from './visibility';

export interface Inspection {
  hidden: string | null;
  blockers: string[];
  rect: LayoutRect | null;
}

export interface Inspector {
  inspect(field: TextField, context: readonly ContextStep[]): Inspection;
}

export function createInspector(probe: LayoutProbe | undefined): Inspector {
  const seen = new Map<Element, Inspection>();
  const frameHidden = new Map<Element, string | null>();

  /** A field inside a hidden frame is hidden, whatever its own styles say. */
  function hiddenFrame(context: readonly ContextStep[]): string | null {
    for (const step of context) {
      if (step.kind !== 'frame') continue;
      let reason = frameHidden.get(step.host);
      if (reason === undefined) {
        reason = staticHiddenReason(step.host) ?? probe?.inspect(step.host).hidden ?? null;
        frameHidden.set(step.host, reason);
      }
      if (reason !== null) return `inside a hidden frame: ${reason}`;
    }
    return null;
  }

  return {
    inspect(field, context) {
      const known = seen.get(field);
      if (known !== undefined) return known;
      const report = probe?.inspect(field);
      const blockers = staticBlockers(field);
      if (report?.blocked != null) blockers.push(report.blocked);
      const inspection: Inspection = {
        hidden: staticHiddenReason(field) ?? hiddenFrame(context) ?? report?.hidden ?? null,
        blockers,
        rect: report?.rect ?? null,
      };
      seen.set(field, inspection);
      return inspection;
    },
  };
}
