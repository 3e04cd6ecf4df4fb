import { afterEach, describe, expect, it } from 'vitest';
import { analyzePage, fillInto, fillPlan } from '../../../src/detect/index';
import { closeWindows, fromHtml, loadFixture, nativeValue } from './dom';

afterEach(closeWindows);

const SIX_BOXES = `<h1>Enter the verification code</h1><div id="boxes">${Array.from(
  { length: 6 },
  (_, i) => `<input id="b${i}" maxlength="1" inputmode="numeric">`,
).join('')}</div>`;

function boxesOf(doc: Document): HTMLInputElement[] {
  return Array.from(doc.querySelectorAll<HTMLInputElement>('#boxes input'));
}

/**
 * React's value tracker, reduced: React defines `value` on the input itself and remembers what
 * was last set through it; on an input event it reports a change only when the DOM value
 * differs from that memory. A fill through `el.value = …` is therefore invisible to React.
 */
function trackLikeReact(el: HTMLInputElement): string[] {
  const native = nativeValue(el);
  let tracked = native.get();
  Object.defineProperty(el, 'value', {
    configurable: true,
    get: () => native.get(),
    set: (v: string) => {
      tracked = v;
      native.set(v);
    },
  });
  const changes: string[] = [];
  el.addEventListener('input', () => {
    const current = native.get();
    if (current !== tracked) {
      tracked = current;
      changes.push(current);
    }
  });
  return changes;
}

describe('fillInto on a single field', () => {
  it('is seen by a React-style controlled input because it writes through the native setter', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code" maxlength="6">');
    const input = doc.getElementById('otp') as HTMLInputElement;
    const changes = trackLikeReact(input);
    const result = fillInto(fillPlan(analyzePage(doc), '123456'));
    expect(result).toMatchObject({ ok: true, needsKeystrokes: false, readBack: ['123456'] });
    expect(changes).toEqual(['123456']);
  });

  it('control: assigning .value is not seen by the same React-style tracker', () => {
    const doc = fromHtml('<input id="otp">');
    const input = doc.getElementById('otp') as HTMLInputElement;
    const changes = trackLikeReact(input);
    input.value = '123456';
    input.dispatchEvent(new (doc.defaultView?.Event ?? Event)('input', { bubbles: true }));
    expect(changes).toEqual([]);
  });

  it('updates Vue-style v-model (input) and v-model.lazy (change) with bubbling, composed events', () => {
    const doc = fromHtml('<div id="app"><input id="otp" autocomplete="one-time-code"></div>');
    const input = doc.getElementById('otp') as HTMLInputElement;
    const model = { eager: '', lazy: '' };
    input.addEventListener('input', (e) => (model.eager = (e.target as HTMLInputElement).value));
    input.addEventListener('change', (e) => (model.lazy = (e.target as HTMLInputElement).value));
    const seen: string[] = [];
    doc.addEventListener('input', (e) => seen.push(`${e.type}:${String(e.composed)}`));
    doc.addEventListener('change', (e) => seen.push(`${e.type}:${String(e.composed)}`));
    expect(fillInto(fillPlan(analyzePage(doc), '654321')).ok).toBe(true);
    expect(model).toEqual({ eager: '654321', lazy: '654321' });
    expect(seen).toEqual(['input:true', 'change:true']);
  });

  it('accepts a page that formats the code for display ("123 456")', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code" maxlength="7">');
    const input = doc.getElementById('otp') as HTMLInputElement;
    input.addEventListener('input', () => {
      const digits = input.value.replace(/\D/g, '');
      input.value = digits.length > 3 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    });
    expect(fillInto(fillPlan(analyzePage(doc), '123456'))).toMatchObject({
      ok: true,
      readBack: ['123 456'],
    });
  });

  it('asks for keystrokes when the page mangles the value', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code">');
    const input = doc.getElementById('otp') as HTMLInputElement;
    input.addEventListener('input', () => (input.value = input.value.slice(0, 4)));
    const result = fillInto(fillPlan(analyzePage(doc), '123456'));
    expect(result).toMatchObject({
      ok: false,
      needsKeystrokes: true,
      keystrokes: { element: input, text: '123456' },
    });
    expect(input.value).toBe('');
    expect(doc.activeElement).toBe(input);
  });

  it('fills a field in a same-origin frame with that frame realm setter', () => {
    const doc = fromHtml(
      `<iframe id="f" srcdoc='<input id="otp" autocomplete="one-time-code">'></iframe>`,
    );
    const input = (doc.getElementById('f') as HTMLIFrameElement).contentDocument?.getElementById(
      'otp',
    );
    if (!(input instanceof (input?.ownerDocument.defaultView?.HTMLInputElement ?? HTMLElement))) {
      throw new Error('no input');
    }
    const changes = trackLikeReact(input as HTMLInputElement);
    expect(fillInto(fillPlan(analyzePage(doc), '111222')).ok).toBe(true);
    expect(changes).toEqual(['111222']);
  });
});

describe('fillInto on split boxes', () => {
  it('puts one character in each box, in order, each box told with its own events', () => {
    const doc = fromHtml(SIX_BOXES);
    const events: string[] = [];
    for (const box of boxesOf(doc)) {
      box.addEventListener('input', () => events.push(`${box.id}=${box.value}`));
    }
    const plan = fillPlan(analyzePage(doc), '385 172');
    expect(plan).toMatchObject({ ok: true, shape: 'boxes', code: '385172' });
    expect(fillInto(plan)).toMatchObject({ ok: true, readBack: ['3', '8', '5', '1', '7', '2'] });
    expect(boxesOf(doc).map((b) => b.value)).toEqual(['3', '8', '5', '1', '7', '2']);
    expect(events).toEqual(['b0=3', 'b1=8', 'b2=5', 'b3=1', 'b4=7', 'b5=2']);
  });

  it('works with boxes that clear themselves and spread typed digits (the IDaaS demo script)', () => {
    const doc = fromHtml(SIX_BOXES);
    const boxes = boxesOf(doc);
    boxes.forEach((box, index) => {
      box.addEventListener('input', () => {
        const digits = box.value.replace(/\D/g, '');
        box.value = '';
        digits.split('').forEach((d, k) => {
          const target = boxes[index + k];
          if (target !== undefined) target.value = d;
        });
        boxes[Math.min(index + digits.length, boxes.length - 1)]?.focus();
      });
    });
    expect(fillInto(fillPlan(analyzePage(doc), '908172')).ok).toBe(true);
    expect(boxes.map((b) => b.value).join('')).toBe('908172');
  });

  it('notices a page that moves characters to the next box and asks for keystrokes', () => {
    const doc = fromHtml(SIX_BOXES);
    const boxes = boxesOf(doc);
    // A buggy auto-advance: the character typed in a box lands in the next one.
    boxes.forEach((box, index) => {
      box.addEventListener('input', () => {
        const next = boxes[index + 1];
        if (next !== undefined && box.value !== '') {
          next.value = box.value;
          box.value = '';
        }
      });
    });
    const result = fillInto(fillPlan(analyzePage(doc), '123456'));
    expect(result).toMatchObject({
      ok: false,
      needsKeystrokes: true,
      keystrokes: { element: boxes[0], text: '123456' },
    });
    if (!result.needsKeystrokes) throw new Error('expected keystrokes');
    expect(result.readBack).not.toEqual(['1', '2', '3', '4', '5', '6']);
    expect(boxes.every((b) => b.value === '')).toBe(true);
    expect(doc.activeElement).toBe(boxes[0]);
  });
});

describe('fillPlan refusals', () => {
  it('refuses a group with a hidden seventh box', () => {
    const analysis = analyzePage(loadFixture('stripe-split-hidden7.html'));
    expect(fillPlan(analysis, '123456')).toMatchObject({
      ok: false,
      error: { code: 'hidden-box-in-group' },
    });
    expect(fillPlan(analysis, '1234567')).toMatchObject({
      ok: false,
      error: { code: 'hidden-box-in-group' },
    });
  });

  it('refuses read-only and disabled targets', () => {
    expect(fillPlan(analyzePage(loadFixture('readonly-otp.html')), '123456')).toMatchObject({
      ok: false,
      error: { code: 'blocked', message: 'the target is read-only' },
    });
    const doc = fromHtml(
      '<fieldset disabled><input id="otp" autocomplete="one-time-code"></fieldset>',
    );
    expect(fillPlan(analyzePage(doc), '123456')).toMatchObject({
      ok: false,
      error: { code: 'blocked' },
    });
  });

  it('refuses codes that do not fit', () => {
    const boxes = analyzePage(fromHtml(SIX_BOXES));
    expect(fillPlan(boxes, '12345')).toMatchObject({
      ok: false,
      error: { code: 'length-mismatch' },
    });
    expect(fillPlan(boxes, '1234567')).toMatchObject({
      ok: false,
      error: { code: 'length-mismatch' },
    });
    const short = analyzePage(fromHtml('<input autocomplete="one-time-code" maxlength="6">'));
    expect(fillPlan(short, '12345678')).toMatchObject({
      ok: false,
      error: { code: 'length-mismatch' },
    });
    const numeric = analyzePage(fromHtml('<input type="number" autocomplete="one-time-code">'));
    expect(fillPlan(numeric, 'ABC123')).toMatchObject({
      ok: false,
      error: { code: 'charset-mismatch' },
    });
  });

  it('refuses empty codes, control characters and pages without a target', () => {
    const analysis = analyzePage(fromHtml('<input autocomplete="one-time-code">'));
    expect(fillPlan(analysis, '  ')).toMatchObject({ ok: false, error: { code: 'invalid-code' } });
    expect(fillPlan(analysis, '12\u00003')).toMatchObject({
      ok: false,
      error: { code: 'invalid-code' },
    });
    expect(fillPlan(analyzePage(fromHtml('<p>nothing</p>')), '123456')).toMatchObject({
      ok: false,
      error: { code: 'no-target' },
    });
  });

  it('writes nothing when the guard refuses, and nothing into a detached field', () => {
    const doc = fromHtml(SIX_BOXES);
    const plan = fillPlan(analyzePage(doc), '123456');
    const refused = fillInto(plan, {
      guard: (el) => (el.id === 'b0' ? 'covered at its centre' : null),
    });
    expect(refused).toMatchObject({
      ok: false,
      needsKeystrokes: false,
      error: { code: 'guard-refused' },
    });
    expect(
      boxesOf(doc)
        .map((b) => b.value)
        .join(''),
    ).toBe('');
    boxesOf(doc)[0]?.remove();
    expect(fillInto(plan)).toMatchObject({ ok: false, error: { code: 'detached' } });
    expect(fillInto(fillPlan(analyzePage(doc), ''))).toMatchObject({
      ok: false,
      error: { code: 'plan-refused' },
    });
  });
});
