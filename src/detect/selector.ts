/**
 * Unique CSS selectors for reported elements, so testers can find them in devtools. An element
 * in an open shadow root or a frame gets one selector per tree, joined by " >>> " (the
 * Puppeteer/Playwright piercing notation): host in the page, then the element in its tree.
 */
import type { ContextStep } from './types';

export const PIERCE = ' >>> ';

/** CSS.escape (CSSOM §2.1.1), written out because not every DOM implementation has it. */
export function cssEscape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const ch = value.charAt(i);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 0x1 && code <= 0x1f) || code === 0x7f) out += `\\${code.toString(16)} `;
    else if (i === 0 && code >= 0x30 && code <= 0x39) out += `\\${code.toString(16)} `;
    else if (i === 1 && code >= 0x30 && code <= 0x39 && value.charCodeAt(0) === 0x2d)
      out += `\\${code.toString(16)} `;
    else if (i === 0 && value.length === 1 && code === 0x2d) out += `\\${ch}`;
    else if (code >= 0x80 || code === 0x2d || code === 0x5f || /[0-9A-Za-z]/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

type Scope = Document | ShadowRoot;

function isUnique(scope: Scope, selector: string): boolean {
  try {
    return scope.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

function nthOfType(el: Element): string {
  if (el.localName === 'html' || el.localName === 'body') return el.localName;
  let index = 1;
  for (let sib = el.previousElementSibling; sib !== null; sib = sib.previousElementSibling) {
    if (sib.localName === el.localName) index += 1;
  }
  return `${el.localName}:nth-of-type(${index})`;
}

function idSelector(el: Element, scope: Scope): string | null {
  const id = el.getAttribute('id');
  if (id === null || id === '') return null;
  const selector = `#${cssEscape(id)}`;
  return isUnique(scope, selector) ? selector : null;
}

/** A selector matching exactly `el` within its own tree (document or shadow root). */
export function uniqueSelector(el: Element): string {
  const scope = el.getRootNode() as Scope;
  const byId = idSelector(el, scope);
  if (byId !== null) return byId;
  const name = el.getAttribute('name');
  if (name !== null && name !== '') {
    const byName = `${el.localName}[name="${name.replace(/["\\]/g, '\\$&')}"]`;
    if (isUnique(scope, byName)) return byName;
  }
  const parts: string[] = [];
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    const anchor = node === el ? null : idSelector(node, scope);
    if (anchor !== null) {
      parts.unshift(anchor);
      break;
    }
    parts.unshift(nthOfType(node));
  }
  return parts.join(' > ');
}

/** The element's selector prefixed by those of the shadow hosts and frames around it. */
export function deepSelector(el: Element, context: readonly ContextStep[]): string {
  return [...context.map((step) => uniqueSelector(step.host)), uniqueSelector(el)].join(PIERCE);
}
