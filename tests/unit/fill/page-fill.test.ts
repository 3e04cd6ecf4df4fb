import { afterEach, describe, expect, it } from 'vitest';
import type { LayoutProbe, LayoutReport } from '../../../src/detect';
import { fillPage } from '../../../src/content/page-fill';
import { probePage } from '../../../src/content/page-probe';
import type { PageFillRequest } from '../../../src/messaging/page-contract';
import { closeWindows, fromHtml } from '../detect/dom';

afterEach(closeWindows);

const URL_ = 'https://bank.example/mfa';
const VISIBLE: LayoutReport = {
  hidden: null,
  blocked: null,
  rect: { x: 10, y: 10, width: 120, height: 24 },
};

/** A layout probe for happy-dom (which has no layout): everything visible unless told. */
function layout(report: (el: Element) => LayoutReport = () => VISIBLE): () => LayoutProbe {
  return () => ({ inspect: report });
}

const request = (extra: Partial<PageFillRequest> = {}): PageFillRequest => ({
  code: '123456',
  expectedOrigin: 'https://bank.example',
  expectedUrl: null,
  autoSubmit: false,
  ...extra,
});

const value = (doc: Document, id: string) => (doc.getElementById(id) as HTMLInputElement).value;
const values = (doc: Document) => Array.from(doc.querySelectorAll('input'), (i) => i.value);

const SINGLE =
  '<h1>Two-step verification</h1><form id="f"><input id="otp" autocomplete="one-time-code" maxlength="6"></form>';
const boxes = (n: number, last = '') =>
  `<h1>Enter the verification code</h1>${Array.from({ length: n }, (_, i) => `<input id="b${i}" maxlength="1" inputmode="numeric" ${i === n - 1 ? last : ''}>`).join('')}`;

describe('fillPage', () => {
  it('fills a one-time-code field and tells the page through input and change', () => {
    const doc = fromHtml(SINGLE, URL_);
    const seen: string[] = [];
    doc
      .getElementById('otp')
      ?.addEventListener('input', (e) => seen.push((e.target as HTMLInputElement).value));
    expect(fillPage(doc, request(), { createLayout: layout() })).toEqual({
      status: 'filled',
      shape: 'single',
    });
    expect(value(doc, 'otp')).toBe('123456');
    expect(seen).toEqual(['123456']);
  });

  it('fills six boxes one character each', () => {
    const doc = fromHtml(boxes(6), URL_);
    expect(fillPage(doc, request(), { createLayout: layout() })).toEqual({
      status: 'filled',
      shape: 'boxes',
    });
    expect(values(doc)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('refuses a page that is no longer on the origin the worker checked', () => {
    const doc = fromHtml(SINGLE, 'https://bank.example.evil.test/mfa');
    expect(fillPage(doc, request(), { createLayout: layout() })).toMatchObject({
      status: 'navigated',
    });
    const same = fromHtml(SINGLE, URL_);
    const moved = request({ expectedUrl: 'https://bank.example/other' });
    expect(fillPage(same, moved, { createLayout: layout() })).toMatchObject({
      status: 'navigated',
    });
    expect(value(doc, 'otp') + value(same, 'otp')).toBe('');
  });

  it('says no-field when there is no code field to fill', () => {
    const doc = fromHtml(
      '<input type="search" name="q"><input name="promo" placeholder="Promo code">',
      URL_,
    );
    expect(fillPage(doc, request(), { createLayout: layout() })).toMatchObject({
      status: 'no-field',
    });
    expect(values(doc)).toEqual(['', '']);
  });

  it('refuses a split group with a hidden seventh box', () => {
    const doc = fromHtml(boxes(7, 'style="display:none"'), URL_);
    expect(fillPage(doc, request(), { createLayout: layout() })).toMatchObject({
      status: 'refused',
      code: 'hidden-box-in-group',
    });
    expect(values(doc).join('')).toBe('');
  });

  it('refuses fields the layout probe finds hidden or covered', () => {
    const doc = fromHtml(SINGLE, URL_);
    const covered = layout(() => ({
      ...VISIBLE,
      blocked: 'covered at its centre by <div#overlay>',
    }));
    expect(fillPage(doc, request(), { createLayout: covered })).toMatchObject({
      status: 'refused',
      code: 'blocked',
    });
    const transparent = layout(() => ({
      ...VISIBLE,
      hidden: 'transparent: opacity 0.00 through <div>',
    }));
    expect(fillPage(doc, request(), { createLayout: transparent })).toMatchObject({
      status: 'no-field',
    });
    expect(value(doc, 'otp')).toBe('');
  });

  it('re-checks each element at the moment of writing: covered after the analysis, not filled', () => {
    const doc = fromHtml(boxes(6), URL_);
    let probes = 0;
    const later = () => {
      probes += 1;
      // The first probe serves the analysis; the page then slides an overlay over the boxes.
      return probes === 1
        ? { inspect: () => VISIBLE }
        : { inspect: () => ({ ...VISIBLE, blocked: 'covered at its centre by <div>' }) };
    };
    expect(fillPage(doc, request(), { createLayout: later })).toMatchObject({
      status: 'refused',
      code: 'guard-refused',
    });
    expect(values(doc).join('')).toBe('');
  });

  it('refuses fields inside srcdoc and sandboxed frames', () => {
    const inner = '<input autocomplete=&quot;one-time-code&quot; maxlength=&quot;6&quot;>';
    const srcdoc = fromHtml(`<h1>Verify</h1><iframe srcdoc="${inner}"></iframe>`, URL_);
    expect(fillPage(srcdoc, request(), { createLayout: layout() })).toMatchObject({
      status: 'refused',
      code: 'frame',
    });
    const sandboxed = fromHtml(`<h1>Verify</h1><iframe sandbox srcdoc="${inner}"></iframe>`, URL_);
    // detect/ never searches a sandboxed frame: for the fill it holds no field at all.
    expect(fillPage(sandboxed, request(), { createLayout: layout() })).toMatchObject({
      status: 'no-field',
    });
    for (const doc of [srcdoc, sandboxed]) {
      const frameDoc = doc.querySelector('iframe')?.contentDocument;
      expect(frameDoc?.querySelector('input')?.value ?? '').toBe('');
    }
  });

  it('submits the form afterwards only when the site asked for it', () => {
    for (const autoSubmit of [false, true]) {
      const doc = fromHtml(SINGLE, URL_);
      let submitted = 0;
      doc.getElementById('f')?.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted += 1;
      });
      fillPage(doc, request({ autoSubmit }), { createLayout: layout() });
      expect(submitted).toBe(autoSubmit ? 1 : 0);
    }
  });

  it('leaves the boxes cleared and asks for typing when the page moves the characters', () => {
    const doc = fromHtml(boxes(6), URL_);
    const all = Array.from(doc.querySelectorAll('input'));
    // A page whose own handler shifts every character one box to the right.
    all.forEach((box, i) => {
      box.addEventListener('input', () => {
        const next = all[i + 1];
        if (box.value !== '' && next !== undefined) {
          next.value = box.value;
          box.value = '';
        }
      });
    });
    expect(fillPage(doc, request(), { createLayout: layout() })).toMatchObject({
      status: 'needs-typing',
    });
    expect(values(doc).join('')).toBe('');
  });
});

describe('probePage', () => {
  it('reports a fillable target, or why there is none', () => {
    expect(probePage(fromHtml(SINGLE, URL_), layout())).toEqual({
      origin: 'https://bank.example',
      kind: 'mfa',
      fillable: true,
      reason: null,
      shape: 'single',
    });
    expect(probePage(fromHtml('<p>hello</p>', URL_), layout())).toMatchObject({
      fillable: false,
      reason: 'no-target',
    });
    expect(probePage(fromHtml(boxes(7, 'hidden'), URL_), layout())).toMatchObject({
      fillable: false,
      reason: 'hidden-box-in-group',
    });
    const covered = layout(() => ({ ...VISIBLE, blocked: 'covered at its centre by <div>' }));
    expect(probePage(fromHtml(SINGLE, URL_), covered)).toMatchObject({
      fillable: false,
      reason: 'blocked',
    });
  });

  it('counts a target that is only scrolled out of view as fillable (the fill scrolls it in)', () => {
    const away = layout(() => ({
      ...VISIBLE,
      blocked: 'outside the viewport: scroll it into view and inspect again',
    }));
    expect(probePage(fromHtml(SINGLE, URL_), away)).toMatchObject({ fillable: true });
  });
});
