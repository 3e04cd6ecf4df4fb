import { afterEach, describe, expect, it } from 'vitest';
import { analyzePage, fillInto, fillPlan, type LayoutReport } from '../../../src/detect/index';
import { typeKeystrokes } from '../../../src/detect/type-keystrokes';
import { fillPage } from '../../../src/content/page-fill';
import { closeWindows, fromHtml } from './dom';

afterEach(closeWindows);

const boxesHtml = (n: number, maxlength = 1) =>
  `<h1>Enter the verification code</h1><div id="boxes">${Array.from(
    { length: n },
    (_, i) => `<input id="b${i}" maxlength="${maxlength}" inputmode="numeric">`,
  ).join('')}</div>`;

function boxesOf(doc: Document): HTMLInputElement[] {
  return Array.from(doc.querySelectorAll<HTMLInputElement>('#boxes input'));
}

const values = (boxes: readonly HTMLInputElement[]) => boxes.map((b) => b.value);

/**
 * A split-box widget as many pages write it: it remembers the key of the last keydown, undoes
 * any input that keydown did not announce (so a bare value write is reset), and moves focus to
 * the next box once a box holds its character.
 */
function keydownOnlyWidget(boxes: readonly HTMLInputElement[]): string[] {
  const keys: string[] = [];
  boxes.forEach((box, index) => {
    let pending: string | null = null;
    box.addEventListener('keydown', (e) => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- older widgets still read keyCode
      keys.push(`${e.key}:${e.code}:${String(e.keyCode)}`);
      pending = e.key;
    });
    box.addEventListener('input', () => {
      const typed = box.value.slice(-1);
      box.value = pending !== null && typed === pending ? typed : '';
      pending = null;
      if (box.value !== '') boxes[index + 1]?.focus();
    });
  });
  return keys;
}

describe('typeKeystrokes', () => {
  it('fills six keydown-only boxes that fillInto could not, following the page focus', () => {
    const doc = fromHtml(boxesHtml(6));
    const boxes = boxesOf(doc);
    const keys = keydownOnlyWidget(boxes);
    const result = fillInto(fillPlan(analyzePage(doc), '385172'));
    expect(result).toMatchObject({ ok: false, needsKeystrokes: true });
    if (!result.needsKeystrokes) throw new Error('expected keystrokes');
    expect(values(boxes).join('')).toBe('');

    const typed = typeKeystrokes(result.keystrokes.element, result.keystrokes.text, {
      group: boxes,
    });
    expect(typed).toEqual({ ok: true, readBack: ['3', '8', '5', '1', '7', '2'] });
    expect(values(boxes)).toEqual(['3', '8', '5', '1', '7', '2']);
    expect(keys).toEqual([
      '3:Digit3:51',
      '8:Digit8:56',
      '5:Digit5:53',
      '1:Digit1:49',
      '7:Digit7:55',
      '2:Digit2:50',
    ]);
    expect(doc.activeElement).toBe(boxes[5]);
  });

  it('sends bubbling keydown, beforeinput, input and keyup for each character', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code">');
    const input = doc.getElementById('otp') as HTMLInputElement;
    const seen: string[] = [];
    for (const type of ['keydown', 'beforeinput', 'input', 'keyup']) {
      input.addEventListener(type, (e) => {
        const data = 'data' in e ? String(e.data) : (e as KeyboardEvent).key;
        seen.push(`${type}:${data}:${String(e.bubbles)}`);
      });
    }
    expect(typeKeystrokes(input, 'aB')).toEqual({ ok: true, readBack: ['aB'] });
    expect(seen).toEqual([
      'keydown:a:true',
      'beforeinput:a:true',
      'input:a:true',
      'keyup:a:true',
      'keydown:B:true',
      'beforeinput:B:true',
      'input:B:true',
      'keyup:B:true',
    ]);
  });

  it('inserts nothing into a box whose keydown the page prevents', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code">');
    const input = doc.getElementById('otp') as HTMLInputElement;
    let inputs = 0;
    input.addEventListener('keydown', (e) => {
      e.preventDefault();
    });
    input.addEventListener('input', () => (inputs += 1));
    const result = typeKeystrokes(input, '123456');
    expect(result).toMatchObject({ ok: false, readBack: [''], error: { code: 'mismatch' } });
    expect(input.value).toBe('');
    expect(inputs).toBe(0);
  });

  it('respects maxlength: a full box takes no more characters', () => {
    const doc = fromHtml(boxesHtml(2));
    const boxes = boxesOf(doc);
    let inputs = 0;
    for (const box of boxes) box.addEventListener('input', () => (inputs += 1));
    const [first] = boxes;
    if (first === undefined) throw new Error('no box');
    // No page script moves focus, so the second character meets a full first box.
    const result = typeKeystrokes(first, '12', { group: boxes });
    expect(result).toMatchObject({ ok: false, readBack: ['1', ''], error: { code: 'mismatch' } });
    expect(inputs).toBe(1);
    const single = fromHtml('<input id="otp" autocomplete="one-time-code" maxlength="4">');
    const otp = single.getElementById('otp') as HTMLInputElement;
    expect(typeKeystrokes(otp, '123456')).toMatchObject({ ok: false, readBack: ['1234'] });
  });

  it('stops at a box the guard refuses and types nothing into it', () => {
    const doc = fromHtml(boxesHtml(6));
    const boxes = boxesOf(doc);
    const keys = keydownOnlyWidget(boxes);
    const [first] = boxes;
    if (first === undefined) throw new Error('no box');
    const result = typeKeystrokes(first, '123456', {
      group: boxes,
      guard: (el) => (el.id === 'b3' ? 'covered at its centre' : null),
    });
    expect(result).toMatchObject({
      ok: false,
      readBack: ['1', '2', '3', '', '', ''],
      error: { code: 'guard-refused', message: 'covered at its centre' },
    });
    expect(keys).toHaveLength(3);
  });

  it('stops when the page moves focus out of the group mid-code', () => {
    const doc = fromHtml(`${boxesHtml(3)}<input id="search">`);
    const boxes = boxesOf(doc);
    boxes[0]?.addEventListener('input', () => doc.getElementById('search')?.focus());
    const [first] = boxes;
    if (first === undefined) throw new Error('no box');
    expect(typeKeystrokes(first, '123', { group: boxes })).toMatchObject({
      ok: false,
      readBack: ['1', '', ''],
      error: { code: 'focus-left' },
    });
    expect((doc.getElementById('search') as HTMLInputElement).value).toBe('');
  });
});

describe('fillPage retype', () => {
  const VISIBLE: LayoutReport = {
    hidden: null,
    blocked: null,
    rect: { x: 10, y: 10, width: 40, height: 24 },
  };
  const request = {
    code: '123456',
    expectedOrigin: 'https://bank.example',
    expectedUrl: null,
    autoSubmit: false,
  };

  it('fills keydown-only boxes by typing after the direct write was undone', () => {
    const doc = fromHtml(boxesHtml(6), 'https://bank.example/mfa');
    const boxes = boxesOf(doc);
    keydownOnlyWidget(boxes);
    const result = fillPage(doc, request, { createLayout: () => ({ inspect: () => VISIBLE }) });
    expect(result).toEqual({ status: 'filled', shape: 'boxes' });
    expect(values(boxes)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('clears the boxes and asks for typing when the page also rejects the keystrokes', () => {
    const doc = fromHtml(boxesHtml(6), 'https://bank.example/mfa');
    const boxes = boxesOf(doc);
    keydownOnlyWidget(boxes);
    // A page that only trusts real keys: script-made keydowns are cancelled.
    for (const box of boxes) {
      box.addEventListener('keydown', (e) => {
        if (!e.isTrusted) e.preventDefault();
      });
    }
    const result = fillPage(doc, request, { createLayout: () => ({ inspect: () => VISIBLE }) });
    expect(result).toMatchObject({ status: 'needs-typing', code: 'needs-typing' });
    expect(values(boxes).join('')).toBe('');
    expect(doc.activeElement).toBe(boxes[0]);
  });
});
