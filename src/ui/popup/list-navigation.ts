/**
 * Arrow-key movement through the account list: rows are `[data-row]`, the focusable controls
 * inside a row are `[data-nav]`. Moving keeps the column (copy stays on copy) where the next
 * row has one, so a keyboard user can walk the list without tabbing through every button.
 */
export type RowStep = 'next' | 'previous' | 'first' | 'last';

function navItems(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>('[data-nav]')].filter(
    (el) => !el.hasAttribute('disabled'),
  );
}

function targetIndex(step: RowStep, from: number, count: number): number {
  switch (step) {
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'next':
      return Math.min(count - 1, from + 1);
    case 'previous':
      return Math.max(0, from - 1);
  }
}

/** Focuses the matching control in another row; returns false when nothing moved. */
export function focusRow(list: Element, from: Element | null, step: RowStep): boolean {
  const rows = [...list.querySelectorAll('[data-row]')];
  if (rows.length === 0) return false;
  const row = from?.closest('[data-row]') ?? null;
  const rowIndex = row === null ? -1 : rows.indexOf(row);
  const column =
    row === null || from === null ? 0 : Math.max(0, navItems(row).indexOf(from as HTMLElement));
  const target = rows[targetIndex(step, rowIndex, rows.length)];
  if (target === undefined || target === row) return false;
  const items = navItems(target);
  const item = items[Math.min(column, items.length - 1)];
  item?.focus();
  return item !== undefined;
}

const KEY_STEPS: Record<string, RowStep> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

export function rowStepForKey(key: string): RowStep | null {
  return KEY_STEPS[key] ?? null;
}
