/**
 * Test helpers: fixtures and inline HTML loaded into happy-dom the way `npm run detect` loads
 * them (scripts off, declarative shadow roots attached), and " >>> " selectors resolved.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Window } from 'happy-dom';
import { loadHtml } from '../../../scripts/detect';
import { PIERCE } from '../../../src/detect/index';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/detect');

const open: Window[] = [];

export function fromHtml(html: string, url = 'https://login.example.com/mfa'): Document {
  const { window, document } = loadHtml(html, url);
  open.push(window);
  return document;
}

export function loadFixture(name: string): Document {
  const path = resolve(FIXTURES, name);
  return fromHtml(readFileSync(path, 'utf8'), pathToFileURL(path).href);
}

/** Closes every window opened since the last call (use in afterEach). */
export async function closeWindows(): Promise<void> {
  await Promise.all(open.splice(0).map((w) => w.happyDOM.close()));
}

/** The one element a " >>> "-joined selector names; throws when it names none or several. */
export function resolveSelector(doc: Document, selector: string): Element {
  let scope: Document | ShadowRoot = doc;
  let found: Element | null = null;
  for (const part of selector.split(PIERCE)) {
    if (found !== null) {
      const inner: Document | ShadowRoot | null =
        found.shadowRoot ?? (found as HTMLIFrameElement).contentDocument ?? null;
      if (inner === null) throw new Error(`${selector}: cannot enter ${part}`);
      scope = inner;
    }
    const matches: NodeListOf<Element> = scope.querySelectorAll(part);
    if (matches.length !== 1) throw new Error(`${selector}: "${part}" matches ${matches.length}`);
    found = matches[0] ?? null;
  }
  if (found === null) throw new Error(`${selector}: empty`);
  return found;
}

/** The input's value as the DOM holds it, read and written past any own-property override. */
export function nativeValue(el: HTMLInputElement): { get: () => string; set: (v: string) => void } {
  const view = el.ownerDocument.defaultView;
  if (view === null) throw new Error('detached document');
  const descriptor = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value');
  if (descriptor?.get === undefined || descriptor.set === undefined) {
    throw new Error('no native value accessor');
  }
  return {
    get: () => String(descriptor.get?.call(el)),
    set: (v) => {
      descriptor.set?.call(el, v);
    },
  };
}

/**
 * Identity keys for elements, for assertions: Vitest compares DOM nodes with isEqualNode, so
 * two identical one-digit boxes would pass for each other. `ids(a)` vs `ids(b)` compares the
 * very elements, in order.
 */
export function identity(): (
  elements: readonly (Element | null | undefined)[],
) => (number | null)[] {
  const keys = new Map<Element, number>();
  return (elements) =>
    elements.map((el) => {
      if (el === null || el === undefined) return null;
      let key = keys.get(el);
      if (key === undefined) {
        key = keys.size;
        keys.set(el, key);
      }
      return key;
    });
}
