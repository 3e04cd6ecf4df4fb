/**
 * The fill as it runs inside the page (issue 5 §2): re-check that the page is still the one
 * the worker checked, analyse it with the browser's layout probe, plan, and write through
 * fillInto with a guard that re-inspects every element at the moment of writing.
 *
 *   origin/URL still as expected? ──no──▶ navigated
 *   analyse (layout) ─ target only outside the viewport? ─▶ scroll it in, analyse again
 *   fillPlan ──refused──▶ no-field | refused (hidden box, blocked, length…)
 *   frames on the way all same-origin, unsandboxed, http(s)? ──no──▶ refused
 *   fillInto (guard: hidden / covered now?) ─▶ filled | needs-keystrokes | refused
 *   needs-keystrokes ─▶ typeKeystrokes once (same guard) ─▶ filled | needs-typing | refused
 *
 * needs-keystrokes: the page moved the characters around (its own paste or advance logic).
 * Issue 5 says retype them as keystrokes into the focused box; that is tried once. Key events
 * made by a script are untrusted and some pages ignore them, so if the retype does not read
 * back right the boxes are left cleared (needs-typing) and the popup offers the code to copy.
 */
import {
  analyzePage,
  createLayoutProbe,
  fillInto,
  fillPlan,
  type FieldDecision,
  type LayoutProbe,
  type PageAnalysis,
} from '../detect';
import type { TextField } from '../detect/types';
import { clearTyped, typeKeystrokes } from '../detect/type-keystrokes';
import type { PageFillRequest, PageFillResult } from '../messaging/page-contract';

/** The layout probe's blocker for a field that is merely scrolled away (detect/layout.ts). */
export const OUT_OF_VIEW = /^outside the viewport/;

function onlyOutOfView(analysis: PageAnalysis): HTMLElement | null {
  const fields = analysis.otp?.fields ?? [];
  const blockers = fields.flatMap((f) => f.blockers);
  if (blockers.length === 0 || !blockers.every((b) => OUT_OF_VIEW.test(b))) return null;
  return fields[0]?.element ?? null;
}

/** Why a field's frames forbid filling it: sandboxed, or a document that is not http(s) of our origin. */
export function frameRefusal(field: FieldDecision, origin: string): string | null {
  for (const step of field.context) {
    if (step.kind !== 'frame') continue;
    if (step.host.hasAttribute('sandbox')) return 'inside a sandboxed frame';
    const doc = (step.host as HTMLIFrameElement).contentDocument;
    let frameOrigin = 'null';
    try {
      frameOrigin = new URL(doc?.URL ?? 'about:blank').origin;
    } catch {
      frameOrigin = 'null';
    }
    // about:srcdoc and about:blank serialise to "null": their origin is inherited, not shown.
    if (frameOrigin !== origin) return `inside a frame of origin ${frameOrigin}`;
  }
  return null;
}

function submitFormOf(element: HTMLInputElement | HTMLTextAreaElement): void {
  const form = element.form;
  if (form === null) return;
  // requestSubmit runs the form's validation and submit handlers, as a user's Enter would.
  form.requestSubmit();
}

/** One retype (issue 5); on failure the group is cleared and focus is back on its first box. */
function retype(
  group: readonly TextField[],
  keystrokes: { element: TextField; text: string },
  guard: (element: TextField) => string | null,
  reason: string,
): PageFillResult | null {
  const typed = typeKeystrokes(keystrokes.element, keystrokes.text, { group, guard });
  if (typed.ok) return null;
  clearTyped(group);
  group[0]?.focus();
  if (typed.error.code === 'guard-refused') {
    return { status: 'refused', code: 'guard-refused', message: typed.error.message };
  }
  const message = `${reason}; ${typed.error.message}`;
  return { status: 'needs-typing', code: 'needs-typing', message };
}

export interface PageFillDeps {
  /** The browser's probe by default; tests in happy-dom (no layout) pass their own. */
  createLayout?: () => LayoutProbe;
}

export function fillPage(
  doc: Document,
  request: PageFillRequest,
  deps: PageFillDeps = {},
): PageFillResult {
  const here = doc.defaultView?.location;
  if (here?.origin !== request.expectedOrigin) {
    return { status: 'navigated', code: 'navigated', message: 'the page is on another origin' };
  }
  // Chrome drops null members when it serialises executeScript arguments: absent means null.
  const expectedUrl = request.expectedUrl ?? null;
  if (expectedUrl !== null && doc.URL !== expectedUrl) {
    return { status: 'navigated', code: 'navigated', message: 'the page changed' };
  }
  const createLayout = deps.createLayout ?? createLayoutProbe;
  let analysis = analyzePage(doc, { layout: createLayout() });
  const outOfView = onlyOutOfView(analysis);
  if (outOfView !== null) {
    outOfView.scrollIntoView({ block: 'center', inline: 'nearest' });
    analysis = analyzePage(doc, { layout: createLayout() });
  }
  const plan = fillPlan(analysis, request.code);
  if (!plan.ok) {
    const status = plan.error.code === 'no-target' ? 'no-field' : 'refused';
    return { status, code: plan.error.code, message: plan.error.message };
  }
  for (const field of analysis.otp?.fields ?? []) {
    const refusal = frameRefusal(field, request.expectedOrigin);
    if (refusal !== null) return { status: 'refused', code: 'frame', message: refusal };
  }
  // Layout is read again at each write: the page may have moved things since the analysis.
  const guardProbe = createLayout();
  const guard = (element: TextField): string | null => {
    const report = guardProbe.inspect(element);
    return report.hidden ?? report.blocked;
  };
  const result = fillInto(plan, { guard });
  if (!result.ok && !result.needsKeystrokes) {
    return { status: 'refused', code: result.error.code, message: result.error.message };
  }
  if (result.needsKeystrokes) {
    const group = plan.steps.map((step) => step.element);
    const failed = retype(group, result.keystrokes, guard, result.reason);
    if (failed !== null) return failed;
  }
  const first = plan.steps[0]?.element;
  if (request.autoSubmit && first !== undefined) submitFormOf(first);
  return { status: 'filled', shape: plan.shape };
}
