/**
 * Everything scoring needs from one field, read once: a few attributes and the texts that
 * name it (id, name, placeholder, aria-label, data-testid, its label, aria-labelledby), each
 * normalised and joined into one `hint` string so that one regex run covers all sources.
 */
import { normalizeText } from './patterns';
import type { TextField } from './types';

export type HintSource =
  | 'id'
  | 'name'
  | 'placeholder'
  | 'aria-label'
  | 'data-testid'
  | 'label'
  | 'aria-labelledby'
  /** A split-box group's container (id, class, aria-label, data-testid, legend). */
  | 'container'
  /** Text just before a split-box group ("Enter the 6-digit code"). */
  | 'nearby text';

/** Sources set by the page's code, not shown to users: a negative found here is deliberate. */
export const STRUCTURAL_SOURCES: ReadonlySet<HintSource> = new Set(['id', 'name', 'data-testid']);

export interface FieldFacts extends Hint {
  element: TextField;
  /** Input type, or "textarea". */
  type: string;
  /** Lowercased autocomplete tokens. */
  autocomplete: readonly string[];
  inputMode: string;
  maxLength: number | null;
  minLength: number | null;
  pattern: string;
}

/** Labels wrap their field closely; a deeper ancestor label is page layout, not a name. */
const MAX_LABEL_DEPTH = 4;
const MAX_TEXT = 160;
const SEPARATOR = ' | ';

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

function numberAttr(el: Element, name: string): number | null {
  const raw = el.getAttribute(name);
  if (raw === null) return null;
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export function textOf(el: Element | null | undefined): string {
  const text = el?.textContent ?? '';
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

function wrappingLabel(el: Element): Element | null {
  let node = el.parentElement;
  for (let depth = 0; node !== null && depth < MAX_LABEL_DEPTH; depth++) {
    if (node.localName === 'label') return node;
    node = node.parentElement;
  }
  return null;
}

function labelledByText(el: Element, ids: string): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (typeof root.getElementById !== 'function') return '';
  return ids
    .split(/\s+/)
    .filter((id) => id !== '')
    .map((id) => textOf(root.getElementById(id)))
    .join(' ');
}

export interface Hint {
  hint: string;
  spans: readonly HintSpan[];
}
export interface HintSpan {
  source: HintSource;
  start: number;
  end: number;
}

/** Normalises each source and joins them; `spans` say where each one landed. */
export function buildHint(raw: readonly (readonly [HintSource, string])[]): Hint {
  let hint = '';
  const spans: HintSpan[] = [];
  for (const [source, text] of raw) {
    if (text.trim() === '') continue;
    const normal = normalizeText(text);
    if (normal === '') continue;
    if (hint !== '') hint += SEPARATOR;
    spans.push({ source, start: hint.length, end: hint.length + normal.length });
    hint += normal;
  }
  return { hint, spans };
}

export function readFacts(
  element: TextField,
  labelsFor: Map<string, HTMLLabelElement>,
): FieldFacts {
  const id = attr(element, 'id');
  const labelledBy = attr(element, 'aria-labelledby');
  const raw: (readonly [HintSource, string])[] = [
    ['id', id],
    ['name', attr(element, 'name')],
    ['placeholder', attr(element, 'placeholder')],
    ['aria-label', attr(element, 'aria-label')],
    ['data-testid', attr(element, 'data-testid')],
    ['label', `${id === '' ? '' : textOf(labelsFor.get(id))} ${textOf(wrappingLabel(element))}`],
    ['aria-labelledby', labelledBy === '' ? '' : labelledByText(element, labelledBy)],
  ];
  const { hint, spans } = buildHint(raw);
  const isTextarea = element.localName === 'textarea';
  return {
    element,
    type: isTextarea ? 'textarea' : (element as HTMLInputElement).type,
    autocomplete: attr(element, 'autocomplete').toLowerCase().split(/\s+/).filter(Boolean),
    inputMode: attr(element, 'inputmode').toLowerCase(),
    maxLength: numberAttr(element, 'maxlength'),
    minLength: numberAttr(element, 'minlength'),
    pattern: attr(element, 'pattern'),
    hint,
    spans,
  };
}

export interface KeywordHit {
  keyword: string;
  source: HintSource;
}

/** The first match of `re` in the facts' hint, with the source it came from. */
export function findKeyword(facts: Hint, re: RegExp): KeywordHit | null {
  const match = re.exec(facts.hint);
  if (match === null) return null;
  const span = facts.spans.find((s) => match.index >= s.start && match.index < s.end);
  return { keyword: match[0], source: span?.source ?? 'label' };
}
