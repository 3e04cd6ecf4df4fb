/**
 * Flows as the grouper returns them, and how a flow's state moves with each call it holds.
 */
import type { StepKind } from './endpoints';
import type { StepError } from './explain-error';
import type { EntryFacts, FlowFamily } from './flow-facts';
import type { HarEntry } from './har';

export type { FlowFamily } from './flow-facts';

/** Why a step joined its flow: a shared token or id, the SC session, the caller, or time. */
export type FlowLink = 'new' | 'token' | 'sc-session' | 'caller' | 'time';
export type FlowOutcome = 'pending' | 'failed' | 'signed-in' | 'signed-out';

export interface FlowStep {
  /** Index of the entry in the list given to groupFlows. */
  entryIndex: number;
  /** The captured entry, normalised (missing fields filled with defaults). */
  entry: HarEntry;
  /** The step's own family: a bearer call may join the provider flow that issued its token. */
  family: FlowFamily;
  kind: StepKind;
  endpoint: string | null;
  method: string;
  url: string;
  status: number;
  startedMs: number | null;
  clientHash: string | null;
  scSessionId: string | null;
  error: StepError | null;
  linkedBy: FlowLink;
}

export interface LiveRefresh {
  issuedMs: number;
  /** null: the provider does not document the lifetime; assumed alive until used or revoked. */
  validUntilMs: number | null;
  entryIndex: number;
}

export interface PriorSession {
  flowId: string;
  refresh: LiveRefresh;
}

export interface Flow {
  id: string;
  family: FlowFamily;
  origin: string;
  portal: string | null;
  steps: FlowStep[];
  startedMs: number | null;
  endedMs: number | null;
  outcome: FlowOutcome;
  clientHashes: string[];
  scSessionIds: string[];
  /** The refresh credential the flow ended with, if one is alive. */
  liveRefresh: LiveRefresh | null;
  /** An earlier flow whose refresh token was still alive when this one signed in again. */
  priorSession: PriorSession | null;
}

export interface FlowState {
  outcome: FlowOutcome;
  liveRefresh: LiveRefresh | null;
}

export const INITIAL_STATE: FlowState = { outcome: 'pending', liveRefresh: null };

export function advance(state: FlowState, f: EntryFacts): FlowState {
  let { outcome, liveRefresh } = state;
  if (f.refreshIssued !== null) {
    const { validForMs } = f.refreshIssued;
    const validUntilMs = validForMs === null ? null : f.timeMs + validForMs;
    liveRefresh = { issuedMs: f.timeMs, validUntilMs, entryIndex: f.index };
  }
  if (f.signsIn) outcome = 'signed-in';
  else if (f.signsOut) [outcome, liveRefresh] = ['signed-out', null];
  else if (f.refreshDies) liveRefresh = null;
  else if (outcome === 'pending' || outcome === 'failed') {
    const failed = f.error !== null || f.entry.response.status >= 400;
    outcome = failed ? 'failed' : 'pending';
  }
  return { outcome, liveRefresh };
}

/** A sign-in attempt begins here (not the SC preamble, which any call may need). */
export function isSignIn(f: EntryFacts): boolean {
  return f.spec?.starts === true && !f.spec.kind.startsWith('sc-');
}

export function sameHome(a: EntryFacts, b: EntryFacts): boolean {
  return a.family === b.family && a.origin === b.origin;
}

/** Callers agree unless both are known and differ. */
export function compatibleKeys(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): boolean {
  return mine.size === 0 || theirs.size === 0 || [...mine].some((k) => theirs.has(k));
}
