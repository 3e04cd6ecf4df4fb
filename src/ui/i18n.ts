/**
 * The UI's one way to turn a message key into text. In the extension this is
 * `browser.i18n.getMessage`; tests and previews build the same function from a
 * `messages.json` catalog with `createCatalogTranslator`, which follows Chrome's rules
 * (keys and placeholder names are case-insensitive, `$1`…`$9` in a placeholder's content are
 * the substitutions, `$$` is a literal dollar sign).
 */
export type Translate = (key: string, substitutions?: string[]) => string;

export interface CatalogPlaceholder {
  content: string;
  example?: string;
}

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, CatalogPlaceholder>;
}

export type Catalog = Record<string, CatalogEntry>;

/** Placeholder names used by a message (`$NAME$`), lower-cased, in order of appearance. */
export function placeholderNames(message: string): string[] {
  return [...message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
}

function fillPositional(content: string, substitutions: string[]): string {
  return content.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
}

/** Formats one entry the way `chrome.i18n.getMessage` does. */
export function formatEntry(entry: CatalogEntry, substitutions: string[] = []): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  // One pass, so a `$$` inside a substitution is left as the caller wrote it.
  return entry.message.replace(/\$\$|\$([a-zA-Z0-9_@]+)\$/g, (whole, name?: string) => {
    if (name === undefined) return '$';
    const content = placeholders.get(name.toLowerCase());
    return content === undefined ? whole : fillPositional(content, substitutions);
  });
}

/**
 * A `Translate` over an in-memory catalog. Unknown keys go to `onMissing` (tests make that
 * throw, so a key missing from messages.json fails the test that renders it).
 */
export function createCatalogTranslator(
  catalog: Catalog,
  onMissing: (key: string) => string = () => '',
): Translate {
  const byKey = new Map(Object.entries(catalog).map(([key, e]) => [key.toLowerCase(), e]));
  return (key, substitutions) => {
    const entry = byKey.get(key.toLowerCase());
    return entry === undefined ? onMissing(key) : formatEntry(entry, substitutions);
  };
}
