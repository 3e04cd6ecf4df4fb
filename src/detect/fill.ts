/**
 * Filling a code into what analyzePage found (issue 5 §2).
 *
 *   fillPlan(analysis, code) ──refused──▶ { ok: false, error }
 *        │ ok: which element gets which characters
 *        ▼
 *   fillInto(plan) ── native setter + input/change per element ──▶ read back
 *        ├─ as planned ─────────────────────────────▶ { ok: true }
 *        └─ page moved characters ─▶ clear, focus first ─▶ { needsKeystrokes: true, keystrokes }
 *
 * React and Vue track `value` on the element itself; the setter from the element's own realm
 * prototype writes past that tracker, so the frameworks see the change on the input event.
 * Layout, gesture and origin checks belong to the caller; `guard` lets it re-check each
 * element at the moment of writing.
 */
import type { FieldDecision, OtpTarget, PageAnalysis, TextField } from './types';

export type FillRefusalCode =
  | 'no-target'
  | 'invalid-code'
  | 'hidden-box-in-group'
  | 'blocked'
  | 'length-mismatch'
  | 'charset-mismatch';

export interface FillStep {
  element: TextField;
  text: string;
}

export type FillPlan =
  | { ok: true; shape: 'single' | 'boxes'; into: 'otp' | 'backup'; code: string; steps: FillStep[] }
  | { ok: false; error: { code: FillRefusalCode; message: string } };

export interface FillPlanOptions {
  /** Fill the OTP target (default) or the first backup-code field. */
  into?: 'otp' | 'backup';
}

const MAX_CODE = 64;
const hasControl = (text: string) =>
  Array.from(text).some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f');

const refuse = (code: FillRefusalCode, message: string): FillPlan => ({
  ok: false,
  error: { code, message },
});

function blockersOf(fields: readonly FieldDecision[]): string[] {
  return fields.flatMap((f) => f.blockers);
}

function planBoxes(target: OtpTarget, code: string): FillPlan {
  if (target.flags.includes('hidden-box-in-group')) {
    return refuse(
      'hidden-box-in-group',
      'a box of the group is hidden; filling could put a character where it cannot be seen',
    );
  }
  const chars = Array.from(code);
  if (chars.length !== target.fields.length) {
    return refuse(
      'length-mismatch',
      `the code has ${chars.length} characters for ${target.fields.length} boxes`,
    );
  }
  const steps = target.fields.map((field, i) => ({ element: field.element, text: chars[i] ?? '' }));
  return { ok: true, shape: 'boxes', into: 'otp', code, steps };
}

function planSingle(field: FieldDecision, code: string, into: 'otp' | 'backup'): FillPlan {
  const max = field.element.maxLength;
  if (max > 0 && Array.from(code).length > max) {
    return refuse(
      'length-mismatch',
      `the code has ${Array.from(code).length} characters; the field takes ${max}`,
    );
  }
  if (
    field.element.localName === 'input' &&
    (field.element as HTMLInputElement).type === 'number' &&
    !/^\d+$/.test(code)
  ) {
    return refuse('charset-mismatch', 'a number field cannot take letters');
  }
  return { ok: true, shape: 'single', into, code, steps: [{ element: field.element, text: code }] };
}

/** Which element gets which characters; refuses rather than guess. */
export function fillPlan(
  analysis: PageAnalysis,
  code: string,
  opts: FillPlanOptions = {},
): FillPlan {
  const into = opts.into ?? 'otp';
  // OTPs are often shown grouped ("123 456"); backup codes keep their hyphens.
  const clean = into === 'otp' ? code.replace(/\s+/g, '') : code.trim();
  if (clean === '' || clean.length > MAX_CODE || hasControl(clean)) {
    return refuse('invalid-code', 'the code is empty, too long or has control characters');
  }
  if (into === 'backup') {
    const field = analysis.backup[0];
    if (field === undefined) return refuse('no-target', 'no backup-code field on this page');
    if (field.blockers.length > 0) {
      return refuse('blocked', `the field is ${field.blockers.join(', ')}`);
    }
    return planSingle(field, clean, 'backup');
  }
  const target = analysis.otp;
  if (target === null) return refuse('no-target', 'no one-time-code field on this page');
  const blockers = blockersOf(target.fields);
  if (blockers.length > 0) {
    return refuse('blocked', `the target is ${[...new Set(blockers)].join(', ')}`);
  }
  if (target.shape === 'boxes') return planBoxes(target, clean);
  const field = target.fields[0];
  return field === undefined
    ? refuse('no-target', 'empty target')
    : planSingle(field, clean, 'otp');
}
