/**
 * The five locales stay in step with English: same keys, same placeholders, every `$NAME$`
 * defined; every key the UI names exists; every worker error code has its own message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KNOWN_ERROR_CODES, errorMessageKey } from '../../../src/ui/error-message';
import { placeholderNames, type Catalog } from '../../../src/ui/i18n';
import { LOCALES, loadCatalog } from './render-popup';

const en = loadCatalog('en');
const KEY_PREFIXES =
  /^(action|app|create|unlock|list|add|manual|details|backup|settings|error|tabs|signin|sessions|options|profile|duration|import|export|devtools|header|transfer)_\w+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** String literals in src/ui shaped like message keys (`'list_copy'`, `'manual_type_totp'`). */
function keysNamedInSource(): string[] {
  const root = join(import.meta.dirname, '../../../src/ui');
  const keys = sourceFiles(root).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'([a-z]+_[A-Za-z0-9_]+)'/g)].map((m) => m[1] ?? ''),
  );
  return [...new Set(keys.filter((k) => KEY_PREFIXES.test(k)))].sort();
}

const placeholderShape = (catalog: Catalog) =>
  Object.fromEntries(
    Object.entries(catalog).map(([key, e]) => [
      key,
      {
        used: [...new Set(placeholderNames(e.message))].sort(),
        defined: Object.entries(e.placeholders ?? {})
          .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
          .sort(),
      },
    ]),
  );

describe.each(LOCALES)('locale %s', (locale) => {
  const catalog = loadCatalog(locale);

  test('has exactly the English keys', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  test('uses and defines the same placeholders as English', () => {
    expect(placeholderShape(catalog)).toEqual(placeholderShape(en));
  });

  test('defines every placeholder its messages use, and nothing is left empty', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      expect(defined, key).toEqual(expect.arrayContaining(placeholderNames(entry.message)));
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  test('uses only key names Chrome accepts', () => {
    for (const key of Object.keys(catalog)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});

test('the locale folders are exactly the five supported ones', () => {
  const dir = join(import.meta.dirname, '../../../public/_locales');
  expect(readdirSync(dir).sort()).toEqual([...LOCALES].sort());
});

test('the non-English locales are translated, not copies of English', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const catalog = loadCatalog(locale);
    const same = Object.keys(en).filter((k) => catalog[k]?.message === en[k]?.message);
    // Brand and product names legitimately stay as they are.
    expect(
      same.filter((k) => !['extName', 'manual_type_steam'].includes(k)),
      locale,
    ).toEqual([]);
  }
});

test('every message key named in src/ui exists in English', () => {
  const named = keysNamedInSource();
  expect(named.length).toBeGreaterThan(50);
  expect(named.filter((k) => !(k in en))).toEqual([]);
});

test('every known worker error code has its own English message', () => {
  const messages = KNOWN_ERROR_CODES.map((code) => en[errorMessageKey(code)]?.message);
  expect(messages.filter((m) => m === undefined)).toEqual([]);
  expect(new Set(messages).size).toBe(KNOWN_ERROR_CODES.length);
});

test('the manifest strings exist', () => {
  expect(en.extName?.message).toBe('Authdeck');
  expect(en.extDescription?.message.length).toBeLessThanOrEqual(132);
});
