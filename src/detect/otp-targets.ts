/**
 * Turns scored fields into OTP targets: split-box groups first (their members are never single
 * targets), then single fields. Hidden targets are rejected with their reason; blocked ones
 * (disabled, read-only, covered) stay, flagged, so the caller can explain why it will not fill.
 */
import { findBoxRuns, scoreBoxGroup, visualOrder, type BoxGroup } from './boxes';
import type { FieldFacts } from './field-facts';
import type { Inspection, Inspector } from './inspect';
import { THRESHOLD, type FieldScores } from './score-field';
import type { ContextStep, FieldDecision, OtpFlag, OtpTarget, TextField } from './types';

export interface Candidate {
  facts: FieldFacts;
  scores: FieldScores;
  context: ContextStep[];
}

export interface TargetResult {
  targets: OtpTarget[];
  /** Fields that belong to an OTP target or a rejected group: not usernames or passwords. */
  used: Set<TextField>;
  rejected: FieldDecision[];
}

/** The page says "two-factor" (title, headings): a nudge, never enough on its own. */
export const CONTEXT_POINTS = 10;

export function decisionOf(
  candidate: Candidate,
  role: FieldDecision['role'],
  score: number,
  reasons: string[],
  inspection: Inspection,
): FieldDecision {
  return {
    element: candidate.facts.element,
    role,
    score,
    reasons,
    blockers: inspection.blockers,
    context: candidate.context,
  };
}

interface Member {
  member: Candidate;
  inspection: Inspection;
}

/** Hidden boxes, visual order and blockers of a group; adds its flags and reasons. */
function assessGroup(
  group: BoxGroup<Candidate>,
  inspector: Inspector,
  reasons: string[],
): { members: Member[]; flags: OtpFlag[]; refusal: string | null } {
  let members = group.members.map((member) => ({
    member,
    inspection: inspector.inspect(member.facts.element, member.context),
  }));
  const n = members.length;
  const flags: OtpFlag[] = [];
  const hiddenAt = members.flatMap((m, i) => (m.inspection.hidden === null ? [] : [i + 1]));
  const everyHidden =
    hiddenAt.length === n ? `every box is hidden (${members[0]?.inspection.hidden ?? ''})` : null;
  if (hiddenAt.length > 0 && hiddenAt.length < n) {
    flags.push('hidden-box-in-group');
    reasons.push(`box ${hiddenAt.join(', ')} of ${n} is hidden: the group will not be filled`);
  }
  const visual = visualOrder(
    members,
    members.map((m) => m.inspection.rect),
  );
  if (visual !== null && visual.some((entry, i) => entry !== members[i])) {
    members = visual;
    flags.push('visual-order');
    reasons.push('fill order follows the visual order, which differs from the DOM order');
  }
  if (members.some((m) => m.inspection.blockers.length > 0)) flags.push('blocked');
  return { members, flags, refusal: group.negative ?? everyHidden };
}

function groupTarget(
  group: BoxGroup<Candidate>,
  inspector: Inspector,
  contextReason: string | null,
): { target: OtpTarget | null; rejected: FieldDecision[] } {
  const reasons = [...group.reasons];
  let score = group.score;
  if (contextReason !== null) {
    score += CONTEXT_POINTS;
    reasons.push(`${contextReason} (+${CONTEXT_POINTS})`);
  }
  // Too weak to be a code group and nothing to explain: no need to inspect its layout.
  if (group.negative === null && score < THRESHOLD.otp) return { target: null, rejected: [] };
  const { members, flags, refusal } = assessGroup(group, inspector, reasons);
  const n = members.length;
  const fields = members.map(({ member, inspection }, i) => {
    const all = [`box ${i + 1} of ${n}`];
    if (inspection.hidden !== null) all.push(`hidden: ${inspection.hidden}`);
    all.push(...reasons.map((r) => `group: ${r}`));
    if (refusal !== null) all.push(`group: ${refusal}`);
    return decisionOf(member, refusal === null ? 'otp-box' : 'rejected', score, all, inspection);
  });
  if (refusal !== null) return { target: null, rejected: fields };
  return { target: { shape: 'boxes', fields, score, reasons, flags, capacity: n }, rejected: [] };
}

function singleTarget(
  candidate: Candidate,
  inspector: Inspector,
  contextReason: string | null,
): { target: OtpTarget | null; rejected: FieldDecision | null } {
  const { otp, backup } = candidate.scores;
  if (otp.score <= 0 || backup.score >= THRESHOLD.backup) return { target: null, rejected: null };
  const reasons = [...otp.reasons];
  let score = otp.score;
  if (contextReason !== null) {
    score += CONTEXT_POINTS;
    reasons.push(`${contextReason} (+${CONTEXT_POINTS})`);
  }
  if (score < THRESHOLD.otp) return { target: null, rejected: null };
  const inspection = inspector.inspect(candidate.facts.element, candidate.context);
  if (inspection.hidden !== null) {
    const why = [...reasons, `hidden: ${inspection.hidden}`];
    return { target: null, rejected: decisionOf(candidate, 'rejected', score, why, inspection) };
  }
  const fields = [decisionOf(candidate, 'otp', score, reasons, inspection)];
  const flags: OtpFlag[] = inspection.blockers.length > 0 ? ['blocked'] : [];
  const max = candidate.facts.maxLength;
  return {
    target: {
      shape: 'single',
      fields,
      score,
      reasons,
      flags,
      capacity: max !== null && max > 0 ? max : null,
    },
    rejected: null,
  };
}

/** Best first: fillable before blocked, then by score; ties keep document order. */
function rank(a: OtpTarget, b: OtpTarget): number {
  const blocked = Number(a.flags.includes('blocked')) - Number(b.flags.includes('blocked'));
  const hidden =
    Number(a.flags.includes('hidden-box-in-group')) -
    Number(b.flags.includes('hidden-box-in-group'));
  return blocked || hidden || b.score - a.score;
}

export function findOtpTargets(
  roots: readonly (readonly Candidate[])[],
  inspector: Inspector,
  contextReason: () => string | null,
): TargetResult {
  const result: TargetResult = { targets: [], used: new Set(), rejected: [] };
  for (const candidates of roots) {
    const inGroup = new Set<Candidate>();
    for (const run of findBoxRuns(candidates)) {
      const group = scoreBoxGroup(run);
      if (group === null) continue;
      for (const member of group.members) inGroup.add(member);
      const { target, rejected } = groupTarget(group, inspector, contextReason());
      if (target !== null) result.targets.push(target);
      result.rejected.push(...rejected);
    }
    for (const candidate of candidates) {
      if (inGroup.has(candidate)) continue;
      const ctx = candidate.scores.otp.score > 0 ? contextReason() : null;
      const { target, rejected } = singleTarget(candidate, inspector, ctx);
      if (target !== null) result.targets.push(target);
      if (rejected !== null) result.rejected.push(rejected);
    }
    for (const member of inGroup) result.used.add(member.facts.element);
  }
  for (const target of result.targets) for (const f of target.fields) result.used.add(f.element);
  result.targets.sort(rank);
  return result;
}
