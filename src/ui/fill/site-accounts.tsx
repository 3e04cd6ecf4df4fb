/**
 * The codes list's fill additions in one place, so the list view only wires them: the site
 * bar, the current site's accounts first (issue 5 §3), and a Fill button per row.
 */
import type { AccountView } from '../../messaging/protocol';
import type { FillContextView } from '../../messaging/fill-protocol';
import { FillButton } from './fill-button';

/** The accounts bound to the current site first, each group in its own order. */
export function sortForSite(
  accounts: AccountView[],
  context: FillContextView | null,
): AccountView[] {
  if (context === null || context.boundAccountIds.length === 0) return accounts;
  const bound = new Set(context.boundAccountIds);
  return [...accounts.filter((a) => bound.has(a.id)), ...accounts.filter((a) => !bound.has(a.id))];
}

/** The row slot of AccountRow: a Fill button when the popup has a web page to fill. */
export function fillSlot(
  account: AccountView,
  context: FillContextView | null,
  onBound: () => void,
) {
  if (context === null || context.origin === null || !context.secure) return undefined;
  return ({ code, name }: { code: string | null; name: string }) => (
    <FillButton account={account} code={code} context={context} name={name} onBound={onBound} />
  );
}
