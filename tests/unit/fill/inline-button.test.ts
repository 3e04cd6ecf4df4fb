import { afterEach, describe, expect, it } from 'vitest';
import {
  createInlineButton,
  randomElementName,
  type InlineRefusal,
} from '../../../src/content/inline-button';
import { PAGE_API_KEY } from '../../../src/messaging/page-contract';
import { callFill, callProbe, callStartInline } from '../../../src/platform/page-injector-api';
import { closeWindows, fromHtml } from '../detect/dom';

afterEach(closeWindows);

const counter = () => {
  let n = 0;
  return (bytes: Uint8Array) => bytes.map(() => n++);
};

describe('the inline button', () => {
  it('has a random valid custom-element name', () => {
    const names = new Set(
      Array.from({ length: 50 }, () => randomElementName((b) => crypto.getRandomValues(b))),
    );
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^[a-z]{5}-[a-z]{7}$/);
    expect(randomElementName(counter())).toBe('abcde-fghijkl');
  });

  it('shows a host with no attributes and a closed shadow root beside the field', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code">');
    const button = createInlineButton({
      doc,
      title: 'Fill',
      onChoose: () => undefined,
      onRefused: () => undefined,
    });
    const field = doc.getElementById('otp');
    if (field === null) throw new Error('no field');
    button.show(field, [{ id: 'a', label: 'Bank (alice)' }]);
    const host = doc.documentElement.lastElementChild;
    expect(host?.localName).toMatch(/^[a-z]{5}-[a-z]{7}$/);
    expect(host?.attributes.length).toBe(0);
    expect(host?.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(host?.textContent).toBe('');
    button.hide();
    expect(host?.isConnected).toBe(false);
  });

  it('refuses synthetic clicks and keys, whatever the page dispatches', () => {
    const doc = fromHtml('<input id="otp" autocomplete="one-time-code">');
    const view = doc.defaultView;
    if (view === null) throw new Error('no window');
    // The test keeps the closed root the button makes; a page has no such hook.
    const proto: Element = view.Element.prototype;
    const real = Object.getOwnPropertyDescriptor(proto, 'attachShadow')?.value as (
      this: Element,
      init: ShadowRootInit,
    ) => ShadowRoot;
    const roots: ShadowRoot[] = [];
    proto.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = real.call(this, init);
      roots.push(root);
      return root;
    };
    const refusals: InlineRefusal[] = [];
    const chosen: string[] = [];
    let button;
    try {
      button = createInlineButton({
        doc,
        title: 'Fill',
        onChoose: (id) => chosen.push(id),
        onRefused: (why) => refusals.push(why),
      });
    } finally {
      proto.attachShadow = real;
    }
    const field = doc.getElementById('otp');
    const inner = roots[0]?.querySelector('button');
    if (field === null || inner == null) throw new Error('no field or button');
    button.show(field, [{ id: 'a', label: 'Bank' }]);
    inner.dispatchEvent(new view.MouseEvent('pointerenter'));
    inner.dispatchEvent(new view.MouseEvent('click', { bubbles: true, composed: true }));
    inner.dispatchEvent(new view.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    doc.documentElement.lastElementChild?.dispatchEvent(
      new view.MouseEvent('click', { bubbles: true }),
    );
    expect(refusals).toEqual(['untrusted-click']);
    expect(chosen).toEqual([]);
  });
});

describe('the worker’s injected functions', () => {
  it('name the isolated world’s PageApi by its key (they are serialised without closures)', () => {
    for (const fn of [callProbe, callFill, callStartInline]) {
      expect(fn.toString()).toContain(PAGE_API_KEY);
    }
  });

  it('answer null when the detector is not installed', () => {
    expect(callProbe()).toBeNull();
    expect(callStartInline()).toBe(false);
  });
});
