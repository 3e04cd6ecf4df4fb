/**
 * Split one-character boxes ("PayPal style"): 4 to 10 adjacent inputs that each take one
 * character and share a container. Boxes are found in document order; a box is adjacent to
 * the previous one when no other text field sits between them and the two meet within
 * CONTAINER_DEPTH ancestors (boxes are often wrapped one per div, and Stripe-style groups
 * split 3 + 3 into two halves).
 */
import {
  buildHint,
  findKeyword,
  textOf,
  type FieldFacts,
  type Hint,
  type HintSource,
} from './field-facts';
import { DIGIT_PATTERN, SINGLE_CHAR_PATTERN, keywordMatchers } from './patterns';
import type { RoleScore } from './score-field';

export const MIN_BOXES = 4;
export const MAX_BOXES = 10;
const CONTAINER_DEPTH = 3;
const BOX_TYPES = new Set(['text', 'tel', 'number', 'password']);
const NEARBY_TAGS = new Set(['label', 'legend', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HARD_FOR_BOXES = new Set(['captcha', 'promo', 'postal', 'card', 'tool']);

export interface BoxGroup<T extends { facts: FieldFacts }> {
  members: T[];
  container: Element;
  score: number;
  reasons: string[];
  /** Set when a hard negative (captcha, promo…) names the group. */
  negative: string | null;
}

export function isBox(facts: FieldFacts): boolean {
  if (!BOX_TYPES.has(facts.type)) return false;
  if (facts.maxLength === 1) return true;
  return facts.maxLength === null && SINGLE_CHAR_PATTERN.test(facts.pattern);
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (
    let node = el.parentElement;
    node !== null && out.length < CONTAINER_DEPTH;
    node = node.parentElement
  ) {
    out.push(node);
  }
  return out;
}

/** The nearest ancestor `a` and `b` share within CONTAINER_DEPTH levels, or null. */
function sharedContainer(a: Element, b: Element): Element | null {
  const mine = ancestors(a);
  for (const node of ancestors(b)) if (mine.includes(node)) return node;
  return null;
}

/** Runs of adjacent boxes sharing a container, in document order, of any length. */
export function findBoxRuns<T extends { facts: FieldFacts }>(
  fields: readonly T[],
): { members: T[]; container: Element }[] {
  const runs: { members: T[]; container: Element }[] = [];
  let current: { members: T[]; container: Element } | null = null;
  for (const field of fields) {
    if (!isBox(field.facts)) {
      current = null;
      continue;
    }
    const last = current?.members[current.members.length - 1];
    const shared =
      last === undefined ? null : sharedContainer(last.facts.element, field.facts.element);
    if (current !== null && shared !== null) {
      current.members.push(field);
      // The container of the group is the highest shared ancestor seen so far.
      if (shared.contains(current.container)) current.container = shared;
    } else {
      current = {
        members: [field],
        container: field.facts.element.parentElement ?? field.facts.element,
      };
      runs.push(current);
    }
  }
  return runs;
}

function containerHint(container: Element): Hint {
  const raw: [HintSource, string][] = [];
  for (
    let node: Element | null = container, depth = 0;
    node !== null && depth < 2;
    node = node.parentElement, depth++
  ) {
    for (const name of ['id', 'class', 'aria-label', 'data-testid']) {
      raw.push(['container', node.getAttribute(name) ?? '']);
    }
    const legend = node.localName === 'fieldset' ? node.querySelector('legend') : null;
    raw.push(['container', textOf(legend)]);
    const before = node.previousElementSibling;
    if (before !== null && NEARBY_TAGS.has(before.localName)) {
      raw.push(['nearby text', textOf(before)]);
    }
  }
  return buildHint(raw);
}

function add(into: RoleScore, points: number, reason: string): void {
  into.score += points;
  into.reasons.push(`${reason} (+${points})`);
}

/** Scores a run as a code group; runs outside MIN_BOXES..MAX_BOXES are not groups. */
export function scoreBoxGroup<T extends { facts: FieldFacts }>(run: {
  members: T[];
  container: Element;
}): BoxGroup<T> | null {
  const n = run.members.length;
  if (n < MIN_BOXES || n > MAX_BOXES) return null;
  const m = keywordMatchers();
  const group: RoleScore = { score: 0, reasons: [] };
  add(group, 30, `${n} adjacent one-character boxes sharing a container`);
  if (n === 6) add(group, 10, 'six boxes, the usual code length');
  const facts = run.members.map((member) => member.facts);
  const numeric = facts.every(
    (f) =>
      f.inputMode === 'numeric' ||
      f.type === 'tel' ||
      f.type === 'number' ||
      DIGIT_PATTERN.test(f.pattern),
  );
  if (numeric) add(group, 5, 'every box is numeric');
  if (facts.some((f) => f.autocomplete.includes('one-time-code'))) {
    add(group, 60, 'autocomplete="one-time-code" on a box');
  }
  const hints: Hint[] = [...facts, containerHint(run.container)];
  const strong = firstHit(hints, m.otpStrong);
  const weak = strong === null ? firstHit(hints, m.otpWeak) : null;
  if (strong !== null) add(group, 40, `keyword "${strong.keyword}" in ${strong.source}`);
  else if (weak !== null) add(group, 15, `weak keyword "${weak.keyword}" in ${weak.source}`);
  let negative: string | null = null;
  for (const [category, re] of m.negatives) {
    if (!HARD_FOR_BOXES.has(category)) continue;
    const hit = firstHit(hints, re);
    if (hit !== null) {
      negative = `negative: ${category} (keyword "${hit.keyword}" in ${hit.source})`;
      break;
    }
  }
  return {
    members: run.members,
    container: run.container,
    score: group.score,
    reasons: group.reasons,
    negative,
  };
}

function firstHit(
  hints: readonly Hint[],
  re: RegExp,
): { keyword: string; source: HintSource } | null {
  for (const hint of hints) {
    const hit = hint.hint === '' ? null : findKeyword(hint, re);
    if (hit !== null) return hit;
  }
  return null;
}

/**
 * Visual order (rows top to bottom, then left to right) from the layout probe's boxes. Boxes
 * whose tops differ by less than half a box height are on one row.
 */
export function visualOrder<T>(
  members: readonly T[],
  rects: readonly ({ x: number; y: number; height: number } | null)[],
): T[] | null {
  if (rects.some((r) => r === null)) return null;
  const indexed = members.map((member, i) => ({
    member,
    rect: rects[i] ?? { x: 0, y: 0, height: 0 },
  }));
  indexed.sort((a, b) => {
    const sameRow = Math.abs(a.rect.y - b.rect.y) < Math.max(a.rect.height, b.rect.height) / 2;
    return sameRow ? a.rect.x - b.rect.x : a.rect.y - b.rect.y;
  });
  return indexed.map((entry) => entry.member);
}
