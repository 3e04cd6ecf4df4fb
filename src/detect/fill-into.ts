/**
 * fillInto: performs a FillPlan in the page (see the diagram in fill.ts). Each element is
 * focused, written through the native value setter of its own realm, and told with bubbling,
 * composed `input` and `change` events; then every element is read back. A page that spread
 * the characters differently (its own paste logic, a mask) gets its boxes cleared and the
 * caller is asked to type the code as keystrokes into the first one.
 */
import type { FillPlan, FillStep } from './fill';
import type { TextField } from './types';

export interface FillOptions {
  /** Last check before each write; a returned reason stops the fill (e.g. a re-run layout check). */
  guard?: (element: TextField) => string | null;
}

export type FillErrorCode = 'plan-refused' | 'guard-refused' | 'detached';

export type FillResult =
  | { ok: true; needsKeystrokes: false; readBack: string[] }
  | {
      ok: false;
      needsKeystrokes: true;
      /** Focus `element` (already focused and cleared) and type `text`. */
      keystrokes: { element: TextField; text: string };
      readBack: string[];
      reason: string;
    }
  | { ok: false; needsKeystrokes: false; error: { code: FillErrorCode; message: string } };

type Accessor = { get: () => string; set: (value: string) => void };

/** The value accessors of the element's realm prototype, past any own-property tracker. */
export function nativeValue(element: TextField): Accessor {
  const view = element.ownerDocument.defaultView;
  const realmProto: object | null | undefined =
    element.localName === 'textarea'
      ? view?.HTMLTextAreaElement.prototype
      : view?.HTMLInputElement.prototype;
  let proto = realmProto ?? (Object.getPrototypeOf(element) as object | null);
  for (; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    if (descriptor?.get !== undefined && descriptor.set !== undefined) {
      return {
        get: () => String(descriptor.get?.call(element)),
        set: (value) => {
          descriptor.set?.call(element, value);
        },
      };
    }
  }
  return {
    get: () => element.value,
    set: (value) => {
      element.value = value;
    },
  };
}

function dispatch(element: TextField, type: 'input' | 'change', data: string | null): void {
  const view = element.ownerDocument.defaultView;
  const init = { bubbles: true, composed: true };
  const InputEventClass = view?.InputEvent;
  const EventClass = view?.Event ?? Event;
  const event =
    type === 'input' && InputEventClass !== undefined
      ? new InputEventClass('input', {
          ...init,
          inputType: data === null ? 'deleteContentBackward' : 'insertText',
          data,
        })
      : new EventClass(type, init);
  element.dispatchEvent(event);
}

function write(element: TextField, text: string): void {
  element.focus();
  nativeValue(element).set(text);
  dispatch(element, 'input', text === '' ? null : text);
  dispatch(element, 'change', null);
}

/** Spaces and hyphens a page adds for display ("123 456") do not make a fill wrong. */
const loose = (text: string) => text.replace(/[\s-]+/g, '');

function landedAsPlanned(steps: readonly FillStep[], readBack: readonly string[]): boolean {
  if (steps.length === 1) return loose(readBack[0] ?? '') === loose(steps[0]?.text ?? '');
  return steps.every((step, i) => readBack[i] === step.text);
}

export function fillInto(plan: FillPlan, opts: FillOptions = {}): FillResult {
  const fail = (code: FillErrorCode, message: string): FillResult => ({
    ok: false,
    needsKeystrokes: false,
    error: { code, message },
  });
  if (!plan.ok) return fail('plan-refused', plan.error.message);
  for (const step of plan.steps) {
    if (!step.element.isConnected) {
      return fail('detached', 'a target element left the page before the fill');
    }
    const refusal = opts.guard?.(step.element) ?? null;
    if (refusal !== null) return fail('guard-refused', refusal);
    write(step.element, step.text);
  }
  const readBack = plan.steps.map((step) => nativeValue(step.element).get());
  if (landedAsPlanned(plan.steps, readBack)) return { ok: true, needsKeystrokes: false, readBack };
  for (const step of plan.steps) write(step.element, '');
  const first = plan.steps[0];
  if (first === undefined) return fail('plan-refused', 'empty plan');
  first.element.focus();
  return {
    ok: false,
    needsKeystrokes: true,
    keystrokes: { element: first.element, text: plan.code },
    readBack,
    reason: `the page rearranged the characters (read back ${JSON.stringify(readBack)})`,
  };
}
