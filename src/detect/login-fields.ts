/**
 * Backup-code, password and username fields, once the OTP targets have taken theirs. A
 * username is only reported next to a password or when the page marks it
 * `autocomplete="username"` (identifier-first sign-in): an e-mail box on a comment form is not
 * a sign-in name.
 */
import type { Inspector } from './inspect';
import { decisionOf, type Candidate } from './otp-targets';
import { THRESHOLD } from './score-field';
import type { FieldDecision, TextField } from './types';

/** Negatives that still allow a field to be a username (an e-mail or phone number is one). */
const USERNAME_NEGATIVES = new Set(['email', 'phone', 'login']);
const SAME_FORM_POINTS = 20;
const BEFORE_PASSWORD_POINTS = 10;

export interface LoginFields {
  backup: FieldDecision[];
  username: FieldDecision | null;
  password: FieldDecision | null;
  rejected: FieldDecision[];
}

function visible(
  candidates: readonly Candidate[],
  inspector: Inspector,
  accept: (c: Candidate) => boolean,
  rejected: FieldDecision[],
  score: (c: Candidate) => { score: number; reasons: string[] },
): { candidate: Candidate; decision: FieldDecision }[] {
  const out: { candidate: Candidate; decision: FieldDecision }[] = [];
  for (const candidate of candidates) {
    if (!accept(candidate)) continue;
    const inspection = inspector.inspect(candidate.facts.element, candidate.context);
    const { score: points, reasons } = score(candidate);
    if (inspection.hidden !== null) {
      const why = [...reasons, `hidden: ${inspection.hidden}`];
      rejected.push(decisionOf(candidate, 'rejected', points, why, inspection));
      continue;
    }
    out.push({
      candidate,
      decision: decisionOf(candidate, 'rejected', points, [...reasons], inspection),
    });
  }
  return out;
}

function formOf(field: TextField): HTMLFormElement | null {
  return field.form;
}

function pickUsername(
  options: { candidate: Candidate; decision: FieldDecision }[],
  password: FieldDecision | null,
): FieldDecision | null {
  let best: FieldDecision | null = null;
  for (const { candidate, decision } of options) {
    const explicit = candidate.facts.autocomplete.includes('username');
    if (password === null && !explicit) continue;
    if (password !== null) {
      const form = formOf(password.element);
      if (form !== null && formOf(decision.element) === form) {
        decision.score += SAME_FORM_POINTS;
        decision.reasons.push(`in the password's form (+${SAME_FORM_POINTS})`);
      }
      // DOCUMENT_POSITION_FOLLOWING: the password comes after this field.
      if ((decision.element.compareDocumentPosition(password.element) & 4) !== 0) {
        decision.score += BEFORE_PASSWORD_POINTS;
        decision.reasons.push(`comes before the password (+${BEFORE_PASSWORD_POINTS})`);
      }
    }
    if (best === null || decision.score > best.score) best = decision;
  }
  if (best !== null) best.role = 'username';
  return best;
}

export function findLoginFields(
  candidates: readonly Candidate[],
  used: ReadonlySet<TextField>,
  inspector: Inspector,
): LoginFields {
  const rejected: FieldDecision[] = [];
  const free = candidates.filter((c) => !used.has(c.facts.element));
  const backup = visible(
    free,
    inspector,
    (c) => c.scores.backup.score >= THRESHOLD.backup,
    rejected,
    (c) => c.scores.backup,
  ).map(({ decision }) => ({ ...decision, role: 'backup' as const }));
  const taken = new Set(backup.map((d) => d.element));
  const passwords = visible(
    free,
    inspector,
    (c) => !taken.has(c.facts.element) && c.scores.password.score >= THRESHOLD.password,
    rejected,
    (c) => c.scores.password,
  );
  // The first password of the best score: a confirmation field comes second.
  let password: FieldDecision | null = null;
  for (const { decision } of passwords) {
    if (password === null || decision.score > password.score) password = decision;
  }
  if (password !== null) {
    password.role = 'password';
    taken.add(password.element);
  }
  const users = visible(
    free,
    inspector,
    (c) =>
      !taken.has(c.facts.element) &&
      c.scores.username.score >= THRESHOLD.username &&
      (c.scores.negative === null || USERNAME_NEGATIVES.has(c.scores.negative.category)),
    [],
    (c) => c.scores.username,
  );
  return { backup, username: pickUsername(users, password), password, rejected };
}
