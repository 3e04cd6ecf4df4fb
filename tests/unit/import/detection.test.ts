import { describe, expect, it } from 'vitest';
import { importAccounts } from '../../../src/otp/import/index';
import { MAIL } from '../../fixtures/import/expected';
import { keyUri } from '../../fixtures/import/fixture-helpers';
import { expectImportError, fixtureBytes, fixtureText } from './helpers';

describe('format detection', () => {
  it.each(['', '   \n\t\n'])('calls an empty file empty (%j)', async (text) => {
    await expectImportError(importAccounts(text), 'IMPORT_EMPTY');
    await expectImportError(importAccounts(new TextEncoder().encode(text)), 'IMPORT_EMPTY');
  });

  it('calls an empty JSON array an empty andOTP backup', async () => {
    await expectImportError(importAccounts('[]'), 'IMPORT_EMPTY');
  });

  it.each([
    'Dear diary, today I set up two-factor authentication.',
    '{}',
    '[1, 2, 3]',
    '"otpauth://totp/X?secret=JBSWY3DPEHPK3PXP"',
    '{"entries": []}',
  ])('does not recognise %j', async (text) => {
    await expectImportError(importAccounts(text), 'IMPORT_UNKNOWN_FORMAT');
  });

  it('does not recognise bytes that are not UTF-8 (binary backups, images)', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]);
    await expectImportError(importAccounts(png), 'IMPORT_UNKNOWN_FORMAT');
  });

  it('calls JSON that stops half-way corrupt rather than unknown', async () => {
    await expectImportError(importAccounts('{"services": [{"name": "Mail"'), 'IMPORT_CORRUPT');
    await expectImportError(importAccounts('  [ {"secret": '), 'IMPORT_CORRUPT');
  });

  it('reads files that start with a UTF-8 byte order mark', async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
    const body = fixtureBytes('andotp.json');
    const withBom = new Uint8Array(bom.length + body.length);
    withBom.set(bom);
    withBom.set(body, bom.length);
    expect((await importAccounts(withBom)).format).toBe('andotp');
    expect((await importAccounts(`\uFEFF${fixtureText('andotp.json')}`)).format).toBe('andotp');
  });

  it('reads otpauth text with CRLF line ends and numbers the lines from 1', async () => {
    const text = ['', 'not a uri', keyUri(MAIL)].join('\r\n');
    const result = await importAccounts(text);
    expect(result.accounts).toEqual([MAIL]);
    expect(result.warnings.map(({ entry, label, code }) => ({ entry, label, code }))).toEqual([
      { entry: 2, label: '', code: 'IMPORT_LINE_UNRECOGNISED' },
    ]);
  });
});
