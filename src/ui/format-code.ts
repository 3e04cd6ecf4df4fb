/** Display helpers for one-time codes; pure, so the list and its tests agree on the format. */

/**
 * Splits a code in two groups for reading aloud and typing (`123 456`, `1234 5678`,
 * `1234 567`). Short codes such as Steam's five characters stay whole.
 */
export function formatCode(code: string): string {
  if (code.length < 6) return code;
  const head = Math.ceil(code.length / 2);
  return `${code.slice(0, head)} ${code.slice(head)}`;
}

export interface Countdown {
  /** Whole seconds left, rounded up, never negative. */
  seconds: number;
  /** Share of the window left, 0…1, for the bar. */
  fraction: number;
}

export function countdownAt(now: number, validFrom: number, validUntil: number): Countdown {
  const span = Math.max(1, validUntil - validFrom);
  const left = Math.min(span, Math.max(0, validUntil - now));
  return { seconds: Math.ceil(left / 1000), fraction: left / span };
}

/** The line a person recognises an account by: the issuer, or the label when there is none. */
export function accountTitle(account: { issuer: string; label: string }): string {
  return account.issuer !== '' ? account.issuer : account.label;
}

/** The second line: the label, when the title did not already use it. */
export function accountSubtitle(account: { issuer: string; label: string }): string {
  return account.issuer !== '' ? account.label : '';
}

/** Case- and accent-insensitive match of a search query against issuer and label. */
export function matchesQuery(account: { issuer: string; label: string }, query: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const needle = fold(query.trim());
  return needle === '' || fold(`${account.issuer} ${account.label}`).includes(needle);
}
