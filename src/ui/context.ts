/**
 * What every UI component needs from the outside world, passed through one context
 * (style.md, preact-devtools: the view gets its store through context so tests render the real
 * components with an in-memory worker). Components never import `browser`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SendToWorker } from '../messaging/protocol';
import type { Translate } from './i18n';

export interface UiDeps {
  send: SendToWorker;
  t: Translate;
  /** ms since epoch; the countdowns read it once a second. */
  now: () => number;
  /** Puts text on the system clipboard (navigator.clipboard.writeText in the popup). */
  copyText: (text: string) => Promise<void>;
  /** The tab the popup was opened over, or null when there is none we may scan. */
  activeTabId: () => Promise<number | null>;
  /**
   * Asks the browser for host access to these match patterns (permissions.request); must be
   * the first thing a click handler awaits, while the click still counts as a gesture.
   * Absent where the UI cannot ask (tests, the devtools panel): binding then works without it.
   */
  requestSiteAccess?: (patterns: string[]) => Promise<boolean>;
}

export const UiContext = createContext<UiDeps | null>(null);

export function useUi(): UiDeps {
  const deps = useContext(UiContext);
  if (deps === null) throw new TypeError('useUi() needs a <UiContext.Provider> above it');
  return deps;
}
