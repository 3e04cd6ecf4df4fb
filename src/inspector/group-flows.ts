/**
 * Groups captured auth calls into flows: one sign-in attempt and what follows it (initiate →
 * MFA send → complete → refresh → logout; captcha → code → login for the others).
 *
 *   call ─► starts a sign-in? ─ yes ─► the open flow it is linked to (token, SC session), else
 *      │                               the latest open flow of the same family, origin and
 *      │                               caller within the gap, else a new flow
 *      └───────────────────── no ──► the flow it is linked to (token, then SC session), else
 *                                    the latest flow of the same caller, else the latest
 *                                    within the gap, else a new flow
 *
 * "Open": not yet signed in or out. A flow that never starts a sign-in (an SC session reopened
 * before a refresh, say) then joins the flow before it. Linking values stay in this module.
 */
import { buildFlows, type GroupedCalls } from './flow-build';
import { entryFacts, type EntryFacts } from './flow-facts';
import {
  advance,
  compatibleKeys,
  INITIAL_STATE,
  isSignIn,
  sameHome,
  type Flow,
  type FlowLink,
  type FlowState,
} from './flow-types';

export type * from './flow-types';

/** providers.md §1.3: a login session lives 300 s, so calls further apart are not one attempt. */
export const FLOW_GAP_MS = 300_000;

export interface GroupOptions {
  /** How far apart two calls of one attempt may be; default 300 s. */
  gapMs?: number;
}

interface Draft extends GroupedCalls {
  first: EntryFacts;
  values: Set<string>;
  scSessions: Set<string>;
  lastMs: number;
  state: FlowState;
}

const isOpen = (d: Draft) => d.state.outcome === 'pending' || d.state.outcome === 'failed';

function latest<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}

function place(drafts: Draft[], f: EntryFacts, gapMs: number): [Draft | undefined, FlowLink] {
  const byToken = latest(drafts, (d) => f.presented.some((v) => d.values.has(v)));
  const sc = f.scSessionId;
  const bySc =
    sc === null ? undefined : latest(drafts, (d) => sameHome(d.first, f) && d.scSessions.has(sc));
  const near = (d: Draft) => sameHome(d.first, f) && f.timeMs - d.lastMs <= gapMs;
  const sameCaller = (d: Draft) => f.key !== null && d.keys.has(f.key);
  if (f.spec?.starts === true) {
    if (byToken !== undefined && isOpen(byToken)) return [byToken, 'token'];
    if (bySc !== undefined && isOpen(bySc)) return [bySc, 'sc-session'];
    const mine = new Set(f.key === null ? [] : [f.key]);
    const retry = latest(drafts, (d) => near(d) && isOpen(d) && compatibleKeys(mine, d.keys));
    if (retry === undefined) return [undefined, 'new'];
    return [retry, sameCaller(retry) ? 'caller' : 'time'];
  }
  if (byToken !== undefined) return [byToken, 'token'];
  if (bySc !== undefined) return [bySc, 'sc-session'];
  const caller = latest(drafts, (d) => sameHome(d.first, f) && sameCaller(d));
  if (caller !== undefined) return [caller, 'caller'];
  const recent = latest(drafts, near);
  return recent === undefined ? [undefined, 'new'] : [recent, 'time'];
}

function add(draft: Draft, f: EntryFacts, link: FlowLink): void {
  draft.facts.push(f);
  draft.links.push(link);
  if (f.key !== null) draft.keys.add(f.key);
  for (const value of [...f.presented, ...f.issued]) draft.values.add(value);
  if (f.scSessionId !== null) draft.scSessions.add(f.scSessionId);
  // SCv2 §3 step 4: the open's answer names the session later calls send in X-SC-Session-Id.
  if (f.spec?.kind === 'sc-open') for (const value of f.issued) draft.scSessions.add(value);
  draft.lastMs = Math.max(draft.lastMs, f.timeMs);
  draft.state = advance(draft.state, f);
}

function newDraft(first: EntryFacts): Draft {
  return {
    first,
    facts: [],
    links: [],
    keys: new Set(),
    values: new Set(),
    scSessions: new Set(),
    lastMs: first.timeMs,
    state: INITIAL_STATE,
  };
}

/**
 * A provider flow that never starts a sign-in joins the latest earlier flow of the same caller.
 * Bearer and JWT traffic has no sign-in to miss: its flows stay as placed.
 */
function mergeOrphans(drafts: readonly Draft[]): Draft[] {
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const family = draft.first.family;
    const orphan = family !== 'bearer' && family !== 'jwt' && !draft.facts.some(isSignIn);
    const target = !orphan
      ? undefined
      : latest(kept, (d) => sameHome(d.first, draft.first) && compatibleKeys(draft.keys, d.keys));
    if (target === undefined) {
      kept.push(draft);
    } else {
      draft.facts.forEach((f, i) => {
        add(target, f, draft.links[i] ?? 'time');
      });
    }
  }
  return kept;
}

/** Groups entries (anything; non-auth and unreadable entries are left out) into flows. */
export function groupFlows(entries: unknown, options: GroupOptions = {}): Flow[] {
  const list: unknown[] = Array.isArray(entries) ? (entries as unknown[]) : [];
  const gapMs = options.gapMs ?? FLOW_GAP_MS;
  const facts: EntryFacts[] = [];
  let previousMs = 0;
  list.forEach((raw, index) => {
    const f = entryFacts(raw, index, previousMs);
    if (f === null) return;
    previousMs = f.timeMs;
    facts.push(f);
  });
  facts.sort((a, b) => a.timeMs - b.timeMs || a.index - b.index);
  const drafts: Draft[] = [];
  for (const f of facts) {
    const [found, link] = place(drafts, f, gapMs);
    const draft = found ?? newDraft(f);
    if (found === undefined) drafts.push(draft);
    add(draft, f, link);
  }
  return buildFlows(mergeOrphans(drafts));
}
