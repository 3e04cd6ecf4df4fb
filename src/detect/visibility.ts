/**
 * What the DOM alone says about whether a field can be seen and filled. Always evaluated, in
 * the CLI too; the rendering-dependent checks (computed styles, geometry, covering elements)
 * live behind the LayoutProbe (layout.ts).
 */
import type { TextField } from './types';

/** Inline styles that hide an element outright. */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0*(?:\.0*)?\s*(?:!important\s*)?(?:;|$)|content-visibility\s*:\s*hidden)/i;

/** Parent in the flat tree: through a shadow root to its host. */
export function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement !== null) return el.parentElement;
  const root = el.parentNode;
  return root !== null && root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null;
}

function describe(el: Element): string {
  const id = el.getAttribute('id');
  return id !== null && id !== '' ? `<${el.localName}#${id}>` : `<${el.localName}>`;
}

/**
 * Why `el` is hidden by its own markup or an ancestor's: the `hidden` attribute, an inline
 * style (display, visibility, opacity 0), a closed <details>, or `inert`. Null when the DOM
 * does not hide it (CSS rules may still; that is the layout probe's job).
 */
export function staticHiddenReason(el: Element): string | null {
  let child: Element | null = null;
  for (let node: Element | null = el; node !== null; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden')) return `hidden attribute on ${describe(node)}`;
    if (node.hasAttribute('inert')) return `inert attribute on ${describe(node)}`;
    const style = node.getAttribute('style');
    if (style !== null && HIDING_STYLE.test(style)) {
      return `inline style "${style.trim()}" on ${describe(node)}`;
    }
    if (
      node.localName === 'details' &&
      !node.hasAttribute('open') &&
      child?.localName !== 'summary'
    ) {
      return `inside a closed ${describe(node)}`;
    }
    child = node;
  }
  return null;
}

/**
 * HTML §4.10.18.2: a disabled fieldset disables its descendants except those in its first
 * legend. Checked by hand because not every DOM implementation derives `:disabled` from it.
 */
function inDisabledFieldset(field: Element): boolean {
  for (let node = field.parentElement; node !== null; node = node.parentElement) {
    if (node.localName !== 'fieldset' || !node.hasAttribute('disabled')) continue;
    const legend = Array.from(node.children).find((child) => child.localName === 'legend');
    if (legend === undefined || !legend.contains(field)) return true;
  }
  return false;
}

/** Disabled (also through a disabled fieldset) and read-only fields are found but never filled. */
export function staticBlockers(field: TextField): string[] {
  const blockers: string[] = [];
  if (field.disabled || inDisabledFieldset(field)) blockers.push('disabled');
  if (field.readOnly) blockers.push('read-only');
  return blockers;
}
