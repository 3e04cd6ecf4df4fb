/** The committed HAR fixtures are exactly what tests/fixtures/har/generate.ts builds. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHarFixtures } from '../../fixtures/har/build-har-fixtures';
import { fixtureText } from './helpers';

describe('HAR fixtures', () => {
  const built = buildHarFixtures();

  it('lists every committed .har file and no other', () => {
    const committed = readdirSync(new URL('../../fixtures/har/', import.meta.url))
      .filter((name) => name.endsWith('.har'))
      .sort();
    expect(Object.keys(built).sort()).toEqual(committed);
  });

  it.each(Object.keys(built))('%s matches its generator byte for byte', (name) => {
    expect(fixtureText(name) === built[name]).toBe(true);
  });
});
