import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  analyzePage,
  createLayoutProbe,
  fillPlan,
  type LayoutProbe,
} from '../../../src/detect/index';
import { closeWindows, fromHtml, loadFixture } from './dom';

afterEach(closeWindows);
afterEach(() => vi.restoreAllMocks());

const OTP =
  '<form><label for="otp">Verification code</label><input id="otp" autocomplete="one-time-code"></form>';

function probe(
  report: Partial<ReturnType<LayoutProbe['inspect']>>,
): LayoutProbe & { calls: Element[] } {
  const calls: Element[] = [];
  return {
    calls,
    inspect: (el) => {
      calls.push(el);
      return { hidden: null, blocked: null, rect: null, ...report };
    },
  };
}

describe('the layout probe in analyzePage', () => {
  it('says "not evaluated" without a probe and "evaluated" with one', () => {
    expect(analyzePage(fromHtml(OTP)).layout).toBe('not evaluated');
    expect(analyzePage(fromHtml(OTP), { layout: probe({}) }).layout).toBe('evaluated');
  });

  it('rejects a field the probe finds hidden', () => {
    const analysis = analyzePage(fromHtml(OTP), {
      layout: probe({ hidden: 'transparent: opacity 0.00 through <div>' }),
    });
    expect(analysis.otp).toBeNull();
    expect(analysis.rejected[0]?.reasons).toContain(
      'hidden: transparent: opacity 0.00 through <div>',
    );
  });

  it('keeps a covered field as the target but refuses to fill it', () => {
    const analysis = analyzePage(fromHtml(OTP), {
      layout: probe({ blocked: 'covered at its centre by <div#overlay>' }),
    });
    expect(analysis.otp?.flags).toEqual(['blocked']);
    expect(fillPlan(analysis, '123456')).toMatchObject({
      ok: false,
      error: { code: 'blocked', message: 'the target is covered at its centre by <div#overlay>' },
    });
  });

  it('inspects only candidates: a handful of the 1 000 inputs, and reads no layout without a probe', () => {
    const doc = loadFixture('thousand-inputs.html');
    const counting = probe({});
    analyzePage(doc, { layout: counting });
    expect(counting.calls.length).toBeGreaterThan(0);
    expect(counting.calls.length).toBeLessThanOrEqual(5);
    const view = doc.defaultView;
    if (view === null) throw new Error('no window');
    const rects = vi.spyOn(view.Element.prototype, 'getBoundingClientRect');
    const styles = vi.spyOn(view, 'getComputedStyle');
    expect(analyzePage(doc).otp).not.toBeNull();
    expect(rects).not.toHaveBeenCalled();
    expect(styles).not.toHaveBeenCalled();
  });
});

describe('createLayoutProbe (browser probe, run here on happy-dom styles)', () => {
  const setup = (html: string) => {
    const doc = fromHtml(`<style>.gone{display:none}.half{opacity:.5}</style>${html}`);
    const get = (id: string) => {
      const el = doc.getElementById(id);
      if (el === null) throw new Error(id);
      return el;
    };
    const place = (el: Element, rect: { x: number; y: number; width: number; height: number }) =>
      vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
        ...rect,
        left: rect.x,
        top: rect.y,
        right: rect.x + rect.width,
        bottom: rect.y + rect.height,
        toJSON: () => rect,
      });
    return { doc, get, place };
  };

  it('finds display: none through a style sheet', () => {
    const { get } = setup('<input id="a" class="gone">');
    expect(createLayoutProbe().inspect(get('a')).hidden).toBe('display: none on <input#a>');
  });

  it('multiplies opacity through ancestors', () => {
    const { get, place } = setup(
      '<div class="half" id="outer"><div class="half"><div class="half"><div class="half"><input id="a"></div></div></div></div>',
    );
    place(get('a'), { x: 10, y: 10, width: 100, height: 30 });
    expect(createLayoutProbe().inspect(get('a')).hidden).toMatch(
      /^transparent: opacity 0\.06 through <div/,
    );
  });

  it('calls a zero-size or off-page field hidden', () => {
    const { get, place } = setup('<input id="a"><input id="b">');
    place(get('a'), { x: 10, y: 10, width: 0, height: 0 });
    place(get('b'), { x: -9999, y: 10, width: 100, height: 30 });
    expect(createLayoutProbe().inspect(get('a')).hidden).toBe('too small to see (0×0 px)');
    expect(createLayoutProbe().inspect(get('b')).hidden).toMatch(/^off-screen/);
  });

  it('reports a field covered at its centre, and accepts one that is hit itself', () => {
    const { doc, get, place } = setup('<input id="a"><div id="overlay"></div>');
    place(get('a'), { x: 10, y: 10, width: 100, height: 30 });
    const hit = vi.spyOn(doc, 'elementFromPoint').mockReturnValue(get('overlay'));
    expect(createLayoutProbe().inspect(get('a'))).toMatchObject({
      hidden: null,
      blocked: 'covered at its centre by <div#overlay>',
    });
    expect(hit).toHaveBeenCalledWith(60, 25);
    hit.mockReturnValue(get('a'));
    expect(createLayoutProbe().inspect(get('a'))).toMatchObject({
      hidden: null,
      blocked: null,
      rect: { x: 10, y: 10, width: 100, height: 30 },
    });
  });

  it('blocks a field outside the viewport until it is scrolled into view', () => {
    const { get, place } = setup('<input id="a">');
    place(get('a'), { x: 10, y: 5000, width: 100, height: 30 });
    expect(createLayoutProbe().inspect(get('a')).blocked).toMatch(/^outside the viewport/);
  });
});
