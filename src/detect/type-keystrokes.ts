/**
 * typeKeystrokes: the retype after fillInto asked for keystrokes (issue 5: split boxes "read
 * back and, if the page redistributed them wrongly, retyped as keystrokes into the focused
 * box"). Each character goes through the sequence a browser runs for typing:
 *
 *   keydown ─prevented─▶ nothing inserted
 *      └─▶ beforeinput (insertText) ─prevented─▶ nothing inserted
 *             └─▶ value += char (native setter, maxlength respected) ─▶ input ─▶ keyup
 *   then: did the page move focus to another box of the group? type the next character there.
 *
 * The events are script-made (isTrusted: false): a page that only accepts trusted input still
 * refuses them, and the caller keeps the copy fallback for it. Success is judged only by reading
 * every box of the group back.
 */
import type { TextField } from './types';
import { nativeValue } from './fill-into';

export interface TypeOptions {
  /** The boxes typing may move between (the page's own auto-advance); defaults to [element]. */
  group?: readonly TextField[];
  /** Last check before each character, on the box about to receive it; a reason stops typing. */
  guard?: (element: TextField) => string | null;
}

export type TypeErrorCode = 'guard-refused' | 'detached' | 'focus-left' | 'mismatch';

export type TypeResult =
  | { ok: true; readBack: string[] }
  | { ok: false; readBack: string[]; error: { code: TypeErrorCode; message: string } };

/** `code` and legacy `keyCode` as a US keyboard reports them; other characters stay unidentified. */
function keyOf(char: string): { code: string; keyCode: number; shiftKey: boolean } {
  if (/^[0-9]$/.test(char))
    return { code: `Digit${char}`, keyCode: char.charCodeAt(0), shiftKey: false };
  if (/^[a-z]$/i.test(char)) {
    const upper = char.toUpperCase();
    return {
      code: `Key${upper}`,
      keyCode: upper.charCodeAt(0),
      shiftKey: char !== char.toLowerCase(),
    };
  }
  return { code: '', keyCode: 0, shiftKey: false };
}

/** Dispatches a key event; keyCode/which are set as own properties because the init dict omits them. */
function key(element: TextField, type: 'keydown' | 'keyup', char: string): boolean {
  const view = element.ownerDocument.defaultView;
  const KeyboardEventClass = view?.KeyboardEvent ?? KeyboardEvent;
  const { code, keyCode, shiftKey } = keyOf(char);
  const init = { key: char, code, shiftKey, bubbles: true, composed: true, cancelable: true };
  const event = new KeyboardEventClass(type, init);
  for (const name of ['keyCode', 'which'] as const) {
    Object.defineProperty(event, name, { configurable: true, get: () => keyCode });
  }
  return element.dispatchEvent(event);
}

function inputEvent(element: TextField, type: 'beforeinput' | 'input', char: string): boolean {
  const view = element.ownerDocument.defaultView;
  const InputEventClass = view?.InputEvent ?? InputEvent;
  const init = { inputType: 'insertText', data: char, bubbles: true, composed: true };
  return element.dispatchEvent(
    new InputEventClass(type, { ...init, cancelable: type === 'beforeinput' }),
  );
}

/** Types one character into `element` as a browser would. */
function typeChar(element: TextField, char: string): void {
  if (key(element, 'keydown', char)) {
    const value = nativeValue(element);
    const current = value.get();
    // A full box takes nothing (HTML §4.10.18.3 maxlength); the page's handlers may move focus.
    const full = element.maxLength >= 0 && current.length >= element.maxLength;
    if (!full && inputEvent(element, 'beforeinput', char)) {
      value.set(current + char);
      inputEvent(element, 'input', char);
    }
  }
  key(element, 'keyup', char);
}

/** The focused element of the element's tree (document or shadow root). */
function focusedIn(element: TextField): Element | null {
  const root = element.getRootNode();
  const holder = root as Partial<DocumentOrShadowRoot>;
  return holder.activeElement ?? element.ownerDocument.activeElement;
}

const loose = (text: string) => text.replace(/[\s-]+/g, '');

/** Reads every box of the group; a single field may carry display spaces or hyphens. */
function judge(group: readonly TextField[], text: string): TypeResult {
  const readBack = group.map((field) => nativeValue(field).get());
  const joined = readBack.join('');
  const ok = group.length === 1 ? loose(joined) === loose(text) : joined === text;
  if (ok) return { ok: true, readBack };
  const message = `typing did not land (read back ${JSON.stringify(readBack)})`;
  return { ok: false, readBack, error: { code: 'mismatch', message } };
}

export function typeKeystrokes(
  element: TextField,
  text: string,
  opts: TypeOptions = {},
): TypeResult {
  const group = opts.group ?? [element];
  const stop = (code: TypeErrorCode, message: string): TypeResult => ({
    ok: false,
    readBack: group.map((field) => nativeValue(field).get()),
    error: { code, message },
  });
  let target = element;
  target.focus();
  const chars = Array.from(text);
  for (const [index, char] of chars.entries()) {
    if (!target.isConnected) return stop('detached', 'the focused box left the page');
    const refusal = opts.guard?.(target) ?? null;
    if (refusal !== null) return stop('guard-refused', refusal);
    typeChar(target, char);
    const focused = focusedIn(target);
    if (focused === target || index === chars.length - 1) continue;
    const next = group.find((field) => field === focused);
    // Keys go where focus is; focus outside the group means our keys would land elsewhere.
    if (next === undefined) return stop('focus-left', 'the page moved focus out of the code boxes');
    target = next;
  }
  return judge(group, text);
}

/** Empties the fields and tells the page, as fillInto does before asking for keystrokes. */
export function clearTyped(fields: readonly TextField[]): void {
  const init = { bubbles: true, composed: true };
  for (const field of fields) {
    const view = field.ownerDocument.defaultView;
    nativeValue(field).set('');
    const InputEventClass = view?.InputEvent ?? InputEvent;
    field.dispatchEvent(
      new InputEventClass('input', { ...init, inputType: 'deleteContentBackward', data: null }),
    );
    field.dispatchEvent(new (view?.Event ?? Event)('change', init));
  }
}
