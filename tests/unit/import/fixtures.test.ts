/**
 * Every fixture in tests/fixtures/import/ (written by generate.ts from the formats' own
 * descriptions) imports to exactly the accounts and warnings listed in expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { importAccounts } from '../../../src/otp/import/index';
import { buildFixtures } from '../../fixtures/import/build-fixtures';
import {
  ENCRYPTED_FIXTURES,
  EXPECTED,
  FIXTURE_PASSWORD,
  TAMPERED,
  TRUNCATED_CORRUPT,
  WRONG_PASSWORD,
} from '../../fixtures/import/expected';
import { expectImportError, fixtureBytes, fixtureText } from './helpers';

describe('fixtures', () => {
  it.each(Object.entries(EXPECTED))(
    '%s imports to the expected accounts',
    async (name, expected) => {
      const result = await importAccounts(fixtureBytes(name), { password: expected.password });
      expect(result.format).toBe(expected.format);
      expect(result.accounts).toEqual(expected.accounts);
      expect(result.warnings.map(({ entry, code }) => ({ entry, code }))).toEqual(
        expected.warnings,
      );
    },
  );

  it('gives every warning a message and the label the file names', async () => {
    const { warnings } = await importAccounts(fixtureText('aegis-plain.json'));
    expect(warnings.map(({ entry, label }) => ({ entry, label }))).toEqual([
      { entry: 6, label: 'Mobile: motp' },
      { entry: 7, label: 'Yandex: ya' },
    ]);
    expect(warnings[0]?.message).toMatch(/mOTP/);
    expect(warnings[1]?.message).toMatch(/Yandex/);
  });

  it('reads text given as a string the same as bytes', async () => {
    const fromText = await importAccounts(fixtureText('2fas-plain.2fas'));
    const fromBytes = await importAccounts(fixtureBytes('2fas-plain.2fas'));
    expect(fromText).toEqual(fromBytes);
  });

  it.each(ENCRYPTED_FIXTURES)('%s without a password asks for one', async (name) => {
    await expectImportError(importAccounts(fixtureBytes(name)), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      importAccounts(fixtureBytes(name), { password: '' }),
      'IMPORT_PASSWORD_REQUIRED',
    );
  });

  it.each(ENCRYPTED_FIXTURES)('%s with the wrong password is refused', async (name) => {
    await expectImportError(
      importAccounts(fixtureBytes(name), { password: WRONG_PASSWORD }),
      'IMPORT_WRONG_PASSWORD',
    );
  });

  it.each(TRUNCATED_CORRUPT)('%s (truncated) is corrupt', async (name) => {
    await expectImportError(
      importAccounts(fixtureBytes(name), { password: FIXTURE_PASSWORD }),
      'IMPORT_CORRUPT',
    );
  });

  it.each(TAMPERED)(
    '%s: content that fails authentication under the right password is corrupt',
    async (name) => {
      await expectImportError(
        importAccounts(fixtureBytes(name), { password: FIXTURE_PASSWORD }),
        'IMPORT_CORRUPT',
      );
    },
  );

  it('refuses an encrypted Bitwarden export as unsupported', async () => {
    await expectImportError(
      importAccounts(fixtureBytes('bitwarden-encrypted.json'), { password: FIXTURE_PASSWORD }),
      'IMPORT_ENCRYPTED_UNSUPPORTED',
    );
  });

  it('does not recognise an unrelated JSON file', async () => {
    await expectImportError(importAccounts(fixtureBytes('unknown.json')), 'IMPORT_UNKNOWN_FORMAT');
  });

  it('matches what generate.ts builds, so the committed files are current', () => {
    for (const [name, content] of Object.entries(buildFixtures())) {
      expect(fixtureText(name), name).toBe(content);
    }
  });
});
