/**
 * The inline button next to a detected code field (issue 5 §5), built against DOM-based
 * clickjacking (DEF CON 33, 2025): the host is an element with a random custom-element name
 * and no attributes at all, its content lives in a closed shadow root, and a click counts
 * only when
 *
 *   - it is trusted (`isTrusted`: made by the user, not by a page script),
 *   - the pointer rested on the button (or, from the keyboard, focus did) for `dwellMs`,
 *   - the button is what is hit at its centre, the layout probe finds it visible and
 *     uncovered, and IntersectionObserver v2 reports it visible. The last one sees overlays
 *     with `pointer-events: none` that hit testing cannot (detect/layout.ts "Known limit").
 *
 * With several accounts a first click opens a menu of their labels; each item passes the same
 * gate, counted from the moment the menu appeared.
 */
import { createLayoutProbe, type LayoutProbe } from '../detect';

export type InlineRefusal = 'untrusted-click' | 'too-quick' | 'obscured';

export interface InlineChoice {
  id: string;
  label: string;
}

export interface InlineButtonDeps {
  doc: Document;
  /** Accessible name of the button. */
  title: string;
  onChoose: (id: string) => void;
  onRefused: (why: InlineRefusal) => void;
  dwellMs?: number;
  random?: (bytes: Uint8Array) => Uint8Array;
  createLayout?: () => LayoutProbe;
  /** IntersectionObserver v2 visibility; null where the browser cannot tell (Firefox). */
  isVisible?: (element: Element) => Promise<boolean | null>;
}

export interface InlineButton {
  show(anchor: Element, choices: InlineChoice[]): void;
  hide(): void;
  reposition(): void;
}

const SIZE = 24;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A valid custom element name, different on every page load: `[a-z]{5}-[a-z]{7}`. */
export function randomElementName(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(12));
  const letters = Array.from(bytes, (b) => LETTERS[b % LETTERS.length] ?? 'a');
  return `${letters.slice(0, 5).join('')}-${letters.slice(5).join('')}`;
}

/** IntersectionObserver v2: one observation with trackVisibility, answered once. */
export function intersectionVisibility(element: Element): Promise<boolean | null> {
  return new Promise((resolve) => {
    const init = { threshold: [1], trackVisibility: true, delay: 100 };
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      const entry: (IntersectionObserverEntry & { isVisible?: boolean }) | undefined =
        entries.at(-1);
      resolve(
        entry === undefined ? false : typeof entry.isVisible === 'boolean' ? entry.isVisible : null,
      );
    }, init);
    observer.observe(element);
  });
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; display: block; }
button { all: initial; box-sizing: border-box; display: block; cursor: pointer;
  font: 12px/1.2 system-ui, sans-serif; color: #1b1b1f; background: #fff;
  border: 1px solid #6b6b76; border-radius: 6px; }
.main { width: ${SIZE}px; height: ${SIZE}px; text-align: center; font-weight: 700; }
.menu { margin-top: 2px; background: #fff; border: 1px solid #6b6b76; border-radius: 6px; }
.menu button { width: 100%; padding: 4px 8px; border: 0; }
button:focus-visible { outline: 2px solid #2b59c3; outline-offset: 1px; }
`;

export function createInlineButton(deps: InlineButtonDeps): InlineButton {
  const { doc } = deps;
  const dwellMs = deps.dwellMs ?? 300;
  const random = deps.random ?? ((b: Uint8Array) => crypto.getRandomValues(b));
  const host = doc.createElement(randomElementName(random));
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = doc.createElement('style');
  const position = doc.createElement('style');
  const main = doc.createElement('button');
  const menu = doc.createElement('div');
  main.className = 'main';
  main.textContent = '#';
  main.setAttribute('aria-label', deps.title);
  menu.className = 'menu';
  sheet.textContent = STYLE;
  shadow.append(sheet, position, main, menu);
  let anchor: Element | null = null;
  let choices: InlineChoice[] = [];
  let menuShownAt: number | null = null;

  const gate = createGate(host, deps, dwellMs);
  gate.watch(main, () => {
    if (choices.length === 1 && choices[0] !== undefined) deps.onChoose(choices[0].id);
    else openMenu();
  });

  function openMenu(): void {
    menu.replaceChildren(
      ...choices.map((choice) => {
        const item = doc.createElement('button');
        item.textContent = choice.label;
        gate.watch(
          item,
          () => {
            deps.onChoose(choice.id);
          },
          () => menuShownAt,
        );
        return item;
      }),
    );
    menuShownAt = performance.now();
  }

  function reposition(): void {
    if (anchor === null) return;
    const rect = anchor.getBoundingClientRect();
    // Beside the field, never over it: a button on the field would cover its centre.
    const left = Math.round(rect.right + 4);
    const top = Math.round(rect.top + (rect.height - SIZE) / 2);
    position.textContent = `:host { left: ${left}px; top: ${top}px; }`;
  }

  return {
    show(next, nextChoices) {
      anchor = next;
      choices = nextChoices;
      menu.replaceChildren();
      menuShownAt = null;
      reposition();
      if (!host.isConnected) doc.documentElement.append(host);
    },
    hide() {
      anchor = null;
      host.remove();
    },
    reposition,
  };
}

/** The click gate shared by the button and the menu items. */
function createGate(host: Element, deps: InlineButtonDeps, dwellMs: number) {
  const createLayout = deps.createLayout ?? createLayoutProbe;
  const isVisible = deps.isVisible ?? intersectionVisibility;

  async function unobscured(button: Element): Promise<boolean> {
    const rect = button.getBoundingClientRect();
    const hit = deps.doc.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (hit !== host) return false;
    const report = createLayout().inspect(host);
    if (report.hidden !== null || report.blocked !== null) return false;
    // null: no IntersectionObserver v2 (Firefox); the hit test and layout checks stand alone.
    return (await isVisible(button)) !== false;
  }

  return {
    watch(button: HTMLElement, onPass: () => void, notBefore: () => number | null = () => null) {
      let hoverSince: number | null = null;
      let focusSince: number | null = null;
      button.addEventListener('pointerenter', (e) => {
        hoverSince = e.isTrusted ? e.timeStamp : null;
      });
      button.addEventListener('pointerleave', () => {
        hoverSince = null;
      });
      button.addEventListener('focus', (e) => {
        focusSince = e.isTrusted ? e.timeStamp : null;
      });
      button.addEventListener('blur', () => {
        focusSince = null;
      });
      button.addEventListener('click', (e) => {
        e.preventDefault();
        e.stopPropagation();
        if (!e.isTrusted) {
          deps.onRefused('untrusted-click');
          return;
        }
        // detail 0: activated from the keyboard, so focus (not the pointer) must have rested.
        const since = e.detail === 0 ? focusSince : hoverSince;
        const start = Math.max(since ?? Number.POSITIVE_INFINITY, notBefore() ?? 0);
        if (e.timeStamp - start < dwellMs || since === null) {
          deps.onRefused('too-quick');
          return;
        }
        void unobscured(button).then((ok) => {
          if (ok) onPass();
          else deps.onRefused('obscured');
        });
      });
    },
  };
}
