/**
 * The popup's three sections as an ARIA tab list (WAI-ARIA APG "Tabs", automatic activation):
 * one tab in the Tab order, arrow keys, Home and End move between tabs and select them.
 */
import { useRef } from 'preact/hooks';
import { useUi } from '../context';

export type TabName = 'codes' | 'signin' | 'sessions';

export const TABS: readonly { name: TabName; key: string }[] = [
  { name: 'codes', key: 'tabs_codes' },
  { name: 'signin', key: 'tabs_signin' },
  { name: 'sessions', key: 'tabs_sessions' },
];

export const TAB_PANEL_ID = 'tab-panel';

/** The tab a key moves to from `from`, wrapping at both ends; null for other keys. */
export function tabIndexForKey(key: string, from: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (from + 1) % count;
    case 'ArrowLeft':
      return (from - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface TabBarProps {
  selected: TabName;
  onSelect: (tab: TabName) => void;
}

export function TabBar({ selected, onSelect }: TabBarProps) {
  const { t } = useUi();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const focused = buttons.current.findIndex((b) => b === event.target);
    const from = focused >= 0 ? focused : TABS.findIndex((tab) => tab.name === selected);
    const to = tabIndexForKey(event.key, from, TABS.length);
    const tab = to === null ? undefined : TABS[to];
    if (to === null || tab === undefined) return;
    event.preventDefault();
    onSelect(tab.name);
    buttons.current[to]?.focus();
  };
  return (
    <div role="tablist" class="tab-bar" aria-label={t('tabs_label')} onKeyDown={onKeyDown}>
      {TABS.map((tab, index) => {
        const active = tab.name === selected;
        return (
          <button
            key={tab.name}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.name}`}
            data-testid={`tab-${tab.name}`}
            aria-selected={active}
            aria-controls={TAB_PANEL_ID}
            tabIndex={active ? 0 : -1}
            onClick={() => {
              onSelect(tab.name);
            }}
          >
            {t(tab.key)}
          </button>
        );
      })}
    </div>
  );
}
