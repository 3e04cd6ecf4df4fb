/**
 * The browser's LayoutProbe: computed styles, geometry and hit testing, read only for the
 * candidates analyzePage hands it. A field is hidden when it is not rendered, invisible,
 * transparent (its own or an ancestor's opacity, multiplied), too small, clipped away or off
 * the page; it is blocked when it is outside the viewport or something else is on top of it
 * at its centre. Blocked fields are reported but never filled (issue 5 §2).
 *
 * Known limit: an overlay with `pointer-events: none` is invisible to elementFromPoint, so it
 * is not seen as covering; the inline button (issue 5 §5) needs its own check for that.
 */
import { parentAcrossShadow } from './visibility';
import type { LayoutProbe, LayoutRect, LayoutReport } from './types';

const MIN_SIZE = 4;
const MIN_OPACITY = 0.1;

function describe(el: Element): string {
  const id = el.getAttribute('id');
  return id !== null && id !== '' ? `<${el.localName}#${id}>` : `<${el.localName}>`;
}

/** Styles that hide the element or, through the flat tree, one of its ancestors. */
function hiddenByStyle(el: Element, view: Window): string | null {
  let opacity = 1;
  for (let node: Element | null = el; node !== null; node = parentAcrossShadow(node)) {
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return `display: none on ${describe(node)}`;
    if (node === el && (style.visibility === 'hidden' || style.visibility === 'collapse')) {
      return `visibility: ${style.visibility}`;
    }
    if (style.contentVisibility === 'hidden' && node !== el) {
      return `content-visibility: hidden on ${describe(node)}`;
    }
    opacity *= Number.parseFloat(style.opacity || '1');
    if (opacity < MIN_OPACITY) {
      return `transparent: opacity ${opacity.toFixed(2)} through ${describe(node)}`;
    }
    if (/inset\(\s*50%/.test(style.clipPath)) return `clipped away on ${describe(node)}`;
  }
  return null;
}

function hiddenByGeometry(rect: LayoutRect, doc: Document, view: Window): string | null {
  if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) {
    return `too small to see (${rect.width}×${rect.height} px)`;
  }
  const pageX = rect.x + view.scrollX;
  const pageY = rect.y + view.scrollY;
  const pageWidth = Math.max(doc.documentElement.scrollWidth, view.innerWidth);
  if (pageX + rect.width <= 0 || pageY + rect.height <= 0 || pageX >= pageWidth) {
    return `off-screen at (${Math.round(pageX)}, ${Math.round(pageY)})`;
  }
  return null;
}

function coveredBy(el: Element, rect: LayoutRect, view: Window): string | null {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  if (cx < 0 || cy < 0 || cx >= view.innerWidth || cy >= view.innerHeight) {
    return 'outside the viewport: scroll it into view and inspect again';
  }
  const root = el.getRootNode() as Document | ShadowRoot;
  const hit =
    typeof root.elementFromPoint === 'function'
      ? root.elementFromPoint(cx, cy)
      : el.ownerDocument.elementFromPoint(cx, cy);
  if (hit === null) return 'nothing is hit at its centre: cannot tell that it is uncovered';
  if (hit === el || el.contains(hit)) return null;
  // A label drawn over its own field (floating labels) passes clicks to it.
  if (hit.localName === 'label' && (hit as HTMLLabelElement).control === el) return null;
  return `covered at its centre by ${describe(hit)}`;
}

/** A LayoutProbe for real browsers; each element is read in its own document and window. */
export function createLayoutProbe(): LayoutProbe {
  return {
    inspect(el: Element): LayoutReport {
      const doc = el.ownerDocument;
      const view = doc.defaultView;
      if (view === null) return { hidden: 'not in a rendered document', blocked: null, rect: null };
      const box = el.getBoundingClientRect();
      const rect = { x: box.left, y: box.top, width: box.width, height: box.height };
      // checkVisibility is Chrome 105+, Firefox 106+; older engines rely on the style walk.
      const notRendered =
        'checkVisibility' in el &&
        !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
          ? 'not rendered visibly (checkVisibility)'
          : null;
      const hidden = hiddenByStyle(el, view) ?? notRendered ?? hiddenByGeometry(rect, doc, view);
      return { hidden, blocked: hidden === null ? coveredBy(el, rect, view) : null, rect };
    },
  };
}
