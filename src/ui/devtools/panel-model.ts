/**
 * The panel's view of captured traffic, built from src/inspector's analysis and nothing else:
 * which entries are auth traffic, which could not be read, and the flows each source's entries
 * form with their lint findings. Every analysis call is wrapped, so one entry the analysis
 * chokes on becomes a row saying so instead of an empty panel (issue 6, "Bad input").
 */
import type { LogEntryView } from '../../messaging/inspector-protocol';
import {
  classifyRequest,
  groupFlows,
  lintFlow,
  normalizeEntry,
  type Flow,
  type LintFinding,
} from '../../inspector';

/** The inspected page (devtools.network) or the extension's own request log (the worker). */
export type FlowSource = 'page' | 'extension';

export interface UnreadableEntry {
  source: FlowSource;
  /** The entry's URL when it has a readable one. */
  url: string | null;
  problems: string[];
}

/** What one captured value is to the panel. */
export type Triage =
  { kind: 'auth' } | { kind: 'other' } | { kind: 'unreadable'; entry: UnreadableEntry };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Auth traffic is kept; other traffic is counted and dropped; unreadable values say why. */
export function triageEntry(raw: unknown, source: FlowSource): Triage {
  try {
    const classification = classifyRequest(raw);
    if (classification.kind !== 'unknown') return { kind: 'auth' };
    if (classification.problems.length === 0) return { kind: 'other' };
    const url = normalizeEntry(raw).entry.request.url;
    const entry = { source, url: url === '' ? null : url, problems: classification.problems };
    return { kind: 'unreadable', entry };
  } catch (error) {
    return { kind: 'unreadable', entry: { source, url: null, problems: [message(error)] } };
  }
}

export interface PanelFlow {
  /** Unique across both sources, e.g. `extension:flow-2`. */
  key: string;
  source: FlowSource;
  flow: Flow;
  /** null when linting this flow failed (`lintError` says why). */
  lint: LintFinding[] | null;
  lintError: string | null;
  /** Per step: the worker log's seq (extension flows) for `inspector/reveal`, else null. */
  seqs: (number | null)[];
  /** Per step: bytes the worker log cut from its bodies. */
  cutBytes: number[];
}

export interface SourceFlows {
  flows: PanelFlow[];
  /** Entries the grouper failed on (each then analysed alone). */
  unreadable: UnreadableEntry[];
}

function lintOf(flow: Flow): Pick<PanelFlow, 'lint' | 'lintError'> {
  try {
    return { lint: lintFlow(flow), lintError: null };
  } catch (error) {
    return { lint: null, lintError: message(error) };
  }
}

/**
 * groupFlows over all entries; should it throw, the entries it throws on alone are set aside
 * and the rest grouped again, so one bad entry costs that entry only.
 */
function safeGroups(entries: readonly unknown[], source: FlowSource) {
  try {
    return { flows: groupFlows(entries), unreadable: [] };
  } catch {
    const good: number[] = [];
    const unreadable: UnreadableEntry[] = [];
    entries.forEach((raw, index) => {
      try {
        groupFlows([raw]);
        good.push(index);
      } catch (error) {
        unreadable.push({ source, url: null, problems: [message(error)] });
      }
    });
    try {
      const flows = groupFlows(good.map((i) => entries[i])).map((flow) => ({
        ...flow,
        steps: flow.steps.map((step) => ({ ...step, entryIndex: good[step.entryIndex] ?? -1 })),
      }));
      return { flows, unreadable };
    } catch (error) {
      return {
        flows: [],
        unreadable: [...unreadable, { source, url: null, problems: [message(error)] }],
      };
    }
  }
}

export function buildSourceFlows(
  source: FlowSource,
  entries: readonly unknown[],
  log: readonly LogEntryView[] = [],
  keyPrefix: string = source,
): SourceFlows {
  const { flows, unreadable } = safeGroups(entries, source);
  return {
    unreadable,
    flows: flows.map((flow) => ({
      key: `${keyPrefix}:${flow.id}`,
      source,
      flow,
      ...lintOf(flow),
      seqs: flow.steps.map((step) => log[step.entryIndex]?.seq ?? null),
      cutBytes: flow.steps.map((step) => log[step.entryIndex]?.cutBytes ?? 0),
    })),
  };
}

/**
 * The extension's flows from its log entries, grouped per profile. The log masks tokens, and
 * masked tokens look alike (`eyJh…`): grouped together, one profile's calls could join another
 * profile's flow by a "shared" token. The worker tags every entry with its profile, so flows
 * never cross one; within a profile the inspector links as it does for page traffic (a login
 * replayed where a refresh was due is found there).
 */
export function buildLogFlows(log: readonly LogEntryView[]): SourceFlows {
  const byProfile = new Map<string, LogEntryView[]>();
  for (const item of log)
    byProfile.set(item.profileId, [...(byProfile.get(item.profileId) ?? []), item]);
  const parts = [...byProfile].map(([profileId, items]) =>
    buildSourceFlows(
      'extension',
      items.map((item) => item.entry),
      items,
      `extension:${profileId}`,
    ),
  );
  return {
    flows: parts.flatMap((part) => part.flows),
    unreadable: parts.flatMap((part) => part.unreadable),
  };
}

export function lintCounts(findings: readonly LintFinding[] | null) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings ?? []) counts[finding.severity]++;
  return counts;
}
