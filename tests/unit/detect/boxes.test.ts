import { afterEach, describe, expect, it } from 'vitest';
import {
  analyzePage,
  fillPlan,
  type LayoutProbe,
  type LayoutRect,
} from '../../../src/detect/index';
import { closeWindows, fromHtml } from './dom';

afterEach(closeWindows);

const box = (id: string, extra = '') =>
  `<input id="${id}" maxlength="1" inputmode="numeric" ${extra}>`;
const row = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => box(`${prefix}${i}`)).join('');
const HEADING = '<h1>Enter the verification code</h1>';

/** A probe that reports given rectangles and hidden reasons, and nothing else. */
function fakeProbe(
  rects: Map<Element, LayoutRect>,
  hidden = new Map<Element, string>(),
): LayoutProbe {
  return {
    inspect: (el) => ({
      hidden: hidden.get(el) ?? null,
      blocked: null,
      rect: rects.get(el) ?? null,
    }),
  };
}

describe('split-box groups', () => {
  it('needs at least four boxes', () => {
    const three = analyzePage(fromHtml(`${HEADING}<div>${row('b', 3)}</div>`));
    expect(three.otp).toBeNull();
    const four = analyzePage(fromHtml(`${HEADING}<div>${row('b', 4)}</div>`));
    expect(four.otp?.shape).toBe('boxes');
    expect(four.otp?.capacity).toBe(4);
  });

  it('takes at most ten boxes', () => {
    expect(analyzePage(fromHtml(`${HEADING}<div>${row('b', 10)}</div>`)).otp?.fields).toHaveLength(
      10,
    );
    expect(analyzePage(fromHtml(`${HEADING}<div>${row('b', 11)}</div>`)).otp).toBeNull();
  });

  it('breaks a run at another text field between boxes', () => {
    const doc = fromHtml(
      `${HEADING}<div>${row('a', 3)}<input id="mid" name="x">${row('b', 3)}</div>`,
    );
    expect(analyzePage(doc).otp).toBeNull();
  });

  it('joins halves that meet within three ancestors, not boxes of unrelated sections', () => {
    const halves = fromHtml(
      `${HEADING}<div id="g"><p><span>${row('a', 3)}</span></p><p><span>${row('b', 3)}</span></p></div>`,
    );
    expect(analyzePage(halves).otp?.fields).toHaveLength(6);
    const far = fromHtml(
      `${HEADING}<main><section><div><div><div>${row('a', 3)}</div></div></div></section><section><div><div><div>${row('b', 3)}</div></div></div></section></main>`,
    );
    expect(analyzePage(far).otp).toBeNull();
  });

  it('fills in visual order when the layout probe shows the boxes reversed', () => {
    const doc = fromHtml(
      `${HEADING}<div style="display:flex;flex-direction:row-reverse">${row('b', 6)}</div>`,
    );
    const boxes = Array.from(doc.querySelectorAll('input'));
    const rects = new Map(
      boxes.map((b, i) => [b as Element, { x: 500 - i * 50, y: 10, width: 40, height: 40 }]),
    );
    const analysis = analyzePage(doc, { layout: fakeProbe(rects) });
    expect(analysis.layout).toBe('evaluated');
    expect(analysis.otp?.fields.map((f) => f.element)).toEqual([...boxes].reverse());
    expect(analysis.otp?.flags).toContain('visual-order');
    const plan = fillPlan(analysis, '123456');
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.steps.map((s) => [s.element.id, s.text])).toEqual([
      ['b5', '1'],
      ['b4', '2'],
      ['b3', '3'],
      ['b2', '4'],
      ['b1', '5'],
      ['b0', '6'],
    ]);
  });

  it('flags a box hidden by CSS (seen through the probe) and refuses the fill', () => {
    const doc = fromHtml(`${HEADING}<div>${row('b', 7)}</div>`);
    const seventh = doc.getElementById('b6');
    if (seventh === null) throw new Error('no box');
    const analysis = analyzePage(doc, {
      layout: fakeProbe(new Map(), new Map([[seventh, 'display: none on <input#b6>']])),
    });
    expect(analysis.otp?.flags).toContain('hidden-box-in-group');
    expect(analysis.otp?.reasons.join('\n')).toContain('box 7 of 7 is hidden');
    expect(analysis.otp?.fields[6]?.reasons).toContain('hidden: display: none on <input#b6>');
    expect(fillPlan(analysis, '123456')).toMatchObject({
      ok: false,
      error: { code: 'hidden-box-in-group' },
    });
  });

  it('rejects a group whose every box is hidden', () => {
    const doc = fromHtml(`${HEADING}<div hidden>${row('b', 6)}</div>`);
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.rejected).toHaveLength(6);
    expect(analysis.rejected[0]?.reasons.join('\n')).toContain('every box is hidden');
  });

  it('rejects a split group named as a captcha', () => {
    const doc = fromHtml(`<div aria-label="Captcha">${row('b', 6)}</div>`);
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.rejected[0]?.reasons.join('\n')).toContain('negative: captcha');
  });
});
