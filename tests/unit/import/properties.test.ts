/**
 * Whatever the input, importAccounts resolves with valid accounts or rejects with an
 * ImportError: no TypeError from a strange shape, no partial result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAccounts, ImportError } from '../../../src/otp/import/index';
import { validateAccount } from '../../../src/otp/index';
import { FIXTURE_PASSWORD } from '../../fixtures/import/expected';
import { fixtureBytes } from './helpers';

async function importsOrRefusesCleanly(
  input: Uint8Array | string,
  password?: string,
): Promise<void> {
  try {
    const result = await importAccounts(input, { password });
    for (const account of result.accounts) validateAccount(account);
    expect(result.accounts.length + result.warnings.length).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
}

const PLAIN = [
  'otpauth.txt',
  'google-migration.txt',
  'aegis-plain.json',
  '2fas-plain.2fas',
  'authenticator-extension.json',
  'bitwarden.json',
  'andotp.json',
];

/** A fixture with a few bytes overwritten and maybe cut short. */
function mutated(names: string[]): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      name: fc.constantFrom(...names),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }),
      keep: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map(({ name, edits, keep }) => {
      const bytes = fixtureBytes(name);
      for (const [at, value] of edits) bytes[at % bytes.length] = value;
      return keep === null ? bytes : bytes.subarray(0, Math.floor(bytes.length * keep));
    });
}

/** JSON shaped like the supported formats, with arbitrary values where fields go. */
const formatShaped = fc
  .record({
    key: fc.constantFrom(
      'entries',
      'services',
      'items',
      'db',
      'header',
      'secret',
      'otp',
      'login',
      'info',
    ),
    value: fc.jsonValue(),
  })
  .chain(({ key, value }) =>
    fc.constantFrom(
      { [key]: value },
      { version: 1, header: {}, db: { version: 3, entries: [{ type: 'totp', info: value }] } },
      { schemaVersion: 4, services: [value, { secret: value, otp: value }] },
      { encrypted: false, items: [{ login: { totp: value } }, value] },
      [{ secret: value, type: 'TOTP' }],
      { h: { secret: value, type: value } },
      { authdeck: 'backup', version: 1, kdf: value },
    ),
  );

describe('importAccounts never fails with anything but ImportError', () => {
  it('for arbitrary bytes and strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        importsOrRefusesCleanly(bytes),
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), (text) =>
        importsOrRefusesCleanly(text),
      ),
      { numRuns: 300 },
    );
  });

  it('for arbitrary JSON and URI-looking text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (value) => importsOrRefusesCleanly(JSON.stringify(value))),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(formatShaped, (value) => importsOrRefusesCleanly(JSON.stringify(value))),
      { numRuns: 500 },
    );
    const uriText = fc
      .array(
        fc.oneof(
          fc.constantFrom('otpauth://totp/', 'otpauth-migration://offline?data='),
          fc.string(),
        ),
        { maxLength: 4 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(uriText, (text) => importsOrRefusesCleanly(text)),
      { numRuns: 300 },
    );
  });

  it('for damaged copies of the plain fixtures', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(PLAIN), (bytes) => importsOrRefusesCleanly(bytes)),
      { numRuns: 400 },
    );
  });

  it('for damaged copies of the encrypted fixtures, with the right password', async () => {
    const encrypted = mutated(['aegis-encrypted.json', '2fas-encrypted.2fas']);
    await fc.assert(
      fc.asyncProperty(encrypted, (bytes) => importsOrRefusesCleanly(bytes, FIXTURE_PASSWORD)),
      { numRuns: 25 },
    );
  });
});
