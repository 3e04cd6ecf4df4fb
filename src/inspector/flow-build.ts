/**
 * Turns grouped calls into `Flow`s: steps in time order, the state their calls leave, stable
 * ids, and the earlier session a new sign-in replaced while its refresh token was alive.
 */
import type { EntryFacts } from './flow-facts';
import {
  advance,
  compatibleKeys,
  INITIAL_STATE,
  isSignIn,
  sameHome,
  type Flow,
  type FlowLink,
  type FlowState,
  type FlowStep,
  type PriorSession,
} from './flow-types';

export interface GroupedCalls {
  facts: EntryFacts[];
  links: FlowLink[];
  keys: Set<string>;
}

interface Ordered extends GroupedCalls {
  first: EntryFacts;
}

function ordered(group: GroupedCalls): Ordered | null {
  const pairs = group.facts.map((f, i) => ({ f, link: group.links[i] ?? 'time' }));
  pairs.sort((a, b) => a.f.timeMs - b.f.timeMs || a.f.index - b.f.index);
  const first = pairs[0]?.f;
  if (first === undefined) return null;
  return { facts: pairs.map((p) => p.f), links: pairs.map((p) => p.link), keys: group.keys, first };
}

/** The flow's state from its calls before `untilMs` (all of them by default). */
export function settle(
  facts: readonly EntryFacts[],
  untilMs = Number.POSITIVE_INFINITY,
): FlowState {
  let state = INITIAL_STATE;
  for (const f of facts) if (f.timeMs < untilMs) state = advance(state, f);
  return state;
}

function toStep(f: EntryFacts, linkedBy: FlowLink): FlowStep {
  return {
    entryIndex: f.index,
    entry: f.entry,
    family: f.family,
    kind: f.classification.step,
    endpoint: f.classification.endpoint,
    method: f.entry.request.method,
    url: f.entry.request.url,
    status: f.entry.response.status,
    startedMs: f.rawTimeMs,
    clientHash: f.clientHash,
    scSessionId: f.scSessionId,
    error: f.error,
    linkedBy,
  };
}

const distinct = (values: readonly (string | null)[]) => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

function toFlow(id: string, o: Ordered): Flow {
  const times = o.facts.map((f) => f.rawTimeMs).filter((t): t is number => t !== null);
  return {
    id,
    family: o.first.family,
    origin: o.first.origin,
    portal: o.facts.find((f) => f.classification.portal !== null)?.classification.portal ?? null,
    steps: o.facts.map((f, i) => toStep(f, o.links[i] ?? 'time')),
    startedMs: times.length === 0 ? null : Math.min(...times),
    endedMs: times.length === 0 ? null : Math.max(...times),
    ...settle(o.facts),
    clientHashes: distinct(o.facts.map((f) => f.clientHash)),
    scSessionIds: distinct(o.facts.map((f) => f.scSessionId)),
    priorSession: null,
  };
}

/** Seed 002, implementation note 4: refresh rather than replay the login. */
function priorSession(
  flows: readonly Flow[],
  all: readonly Ordered[],
  at: number,
): PriorSession | null {
  const mine = all[at];
  const signIn = mine?.facts.find(isSignIn);
  if (mine === undefined || signIn === undefined) return null;
  const t = signIn.timeMs;
  for (let i = at - 1; i >= 0; i--) {
    const other = all[i];
    const flow = flows[i];
    if (other === undefined || flow === undefined || !sameHome(other.first, signIn)) continue;
    if (!compatibleKeys(mine.keys, other.keys)) continue;
    const refresh = settle(other.facts, t).liveRefresh;
    if (refresh !== null && (refresh.validUntilMs === null || refresh.validUntilMs > t)) {
      return { flowId: flow.id, refresh };
    }
  }
  return null;
}

export function buildFlows(groups: readonly GroupedCalls[]): Flow[] {
  const all = groups.map(ordered).filter((o): o is Ordered => o !== null);
  all.sort((a, b) => a.first.timeMs - b.first.timeMs || a.first.index - b.first.index);
  const flows = all.map((o, i) => toFlow(`flow-${i + 1}`, o));
  flows.forEach((flow, i) => {
    flow.priorSession = priorSession(flows, all, i);
  });
  return flows;
}
