/**
 * The one pass over a root: every element is visited once, in document order, and sorted by
 * tag into what detection needs. `getElementsByTagName('*')` rather than a selector list: a
 * list such as 'input, textarea, label, iframe' costs one tree walk per selector in DOM
 * implementations that match group by group, and open shadow roots can only be found by
 * looking at every element anyway (bench/detect.bench.ts measures the cost).
 */
import type { ContextStep, TextField } from './types';

/** Frames: iframes only; <frame> (framesets) is obsolete and not searched. */
export type FrameElement = HTMLIFrameElement;
export type AnalysisRoot = Document | ShadowRoot | Element;

export interface CollectedRoot {
  root: AnalysisRoot;
  context: ContextStep[];
  /** Text-like inputs and text areas, in document order. */
  fields: TextField[];
  /** The first label naming each id with `for`. */
  labelsFor: Map<string, HTMLLabelElement>;
  frames: FrameElement[];
  /** Title-like elements (title, h1, h2, legend), for page context; at most MAX_HEADINGS. */
  headings: Element[];
  elements: number;
}

const MAX_HEADINGS = 24;

/**
 * DOM §4.2.14 (attachShadow): only custom elements (a hyphen in the name) and these elements
 * can host a shadow root, so no other element needs its `shadowRoot` read.
 */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** Input types that never hold a code, a username or a password. */
const SKIPPED_TYPES = new Set([
  'hidden',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'image',
  'file',
  'range',
  'color',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

function elementsOf(root: AnalysisRoot): Element[] {
  if ('getElementsByTagName' in root) {
    const all = Array.from(root.getElementsByTagName('*'));
    return root.nodeType === 1 ? [root as Element, ...all] : all;
  }
  // A ShadowRoot has no getElementsByTagName: take each top-level child and its subtree.
  const out: Element[] = [];
  for (const child of Array.from(root.children)) {
    out.push(child);
    for (const el of Array.from(child.getElementsByTagName('*'))) out.push(el);
  }
  return out;
}

/**
 * Collects `root` and, depth first, every open shadow root below it (at most `shadowDepth`
 * hosts deep). Closed shadow roots are invisible to page scripts and to us alike.
 */
export function collectRoots(
  root: AnalysisRoot,
  context: ContextStep[],
  shadowDepth: number,
  out: CollectedRoot[] = [],
): CollectedRoot[] {
  const collected: CollectedRoot = {
    root,
    context,
    fields: [],
    labelsFor: new Map(),
    frames: [],
    headings: [],
    elements: 0,
  };
  out.push(collected);
  const hosts: Element[] = [];
  const elements = elementsOf(root);
  collected.elements = elements.length;
  for (const el of elements) {
    const name = el.localName;
    if ((SHADOW_HOSTS.has(name) || name.includes('-')) && el.shadowRoot !== null) hosts.push(el);
    sortElement(el, name, collected);
  }
  if (shadowDepth > 0) {
    for (const host of hosts) {
      const shadow = host.shadowRoot;
      if (shadow !== null) {
        collectRoots(shadow, [...context, { kind: 'shadow', host }], shadowDepth - 1, out);
      }
    }
  }
  return out;
}

function sortElement(el: Element, name: string, into: CollectedRoot): void {
  switch (name) {
    case 'input':
      if (!SKIPPED_TYPES.has((el as HTMLInputElement).type)) {
        into.fields.push(el as HTMLInputElement);
      }
      return;
    case 'textarea':
      into.fields.push(el as HTMLTextAreaElement);
      return;
    case 'label': {
      const target = (el as HTMLLabelElement).htmlFor;
      if (target !== '' && !into.labelsFor.has(target)) {
        into.labelsFor.set(target, el as HTMLLabelElement);
      }
      return;
    }
    case 'iframe':
      into.frames.push(el as FrameElement);
      return;
    case 'title':
    case 'h1':
    case 'h2':
    case 'legend':
      if (into.headings.length < MAX_HEADINGS) into.headings.push(el);
      return;
    default:
      return;
  }
}
