import { describe, expect, it } from 'vitest';
import { BackupCodeError } from '../../../src/otp/backup-codes';
import { exportAuthdeckBackup, importAuthdeckBackup } from '../../../src/otp/export/index';
import { importAccounts } from '../../../src/otp/import/index';
import {
  BANK,
  FIXTURE_PASSWORD,
  MAIL,
  MAIL_BACKUP_CODES,
  STEAM,
  WRONG_PASSWORD,
} from '../../fixtures/import/expected';
import { seededBytes } from '../../fixtures/import/fixture-helpers';
import { expectImportError, fixtureText } from './helpers';

/** The import floor, so the KDF stays cheap in tests. */
const kdf = { logN: 14, r: 8, p: 1 };
const accounts = [{ ...MAIL, backupCodes: MAIL_BACKUP_CODES }, BANK, { ...STEAM, backupCodes: [] }];
const restored = [
  { ...MAIL, backupCodes: MAIL_BACKUP_CODES },
  { ...BANK, backupCodes: [] },
  { ...STEAM, backupCodes: [] },
];
const edit = (text: string, change: (file: Record<string, unknown>) => void): string => {
  const file = JSON.parse(text) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};

describe('Authdeck backup', () => {
  it('round-trips accounts with their backup codes and when each was used', async () => {
    const text = await exportAuthdeckBackup(accounts, 'pass phrase', {
      kdf,
      randomBytes: seededBytes('t1'),
    });
    expect(await importAuthdeckBackup(text, 'pass phrase')).toEqual({
      accounts: restored,
      warnings: [],
    });
    expect(await importAccounts(text, { password: 'pass phrase' })).toEqual({
      accounts: restored,
      warnings: [],
      format: 'authdeck-backup',
    });
  });

  it('writes the documented header and never the secrets in clear', async () => {
    const text = await exportAuthdeckBackup(accounts, 'pass phrase', {
      kdf,
      randomBytes: seededBytes('t2'),
    });
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['authdeck', 'version', 'kdf', 'cipher', 'nonce', 'data']);
    expect(file).toMatchObject({
      authdeck: 'backup',
      version: 1,
      kdf: { name: 'scrypt', ...kdf },
      cipher: 'xchacha20poly1305',
    });
    expect(text).not.toContain(MAIL.secret);
    expect(text).not.toContain('1234-5678');
  });

  it('opens with the passphrase in another Unicode normal form', async () => {
    const text = await exportAuthdeckBackup([BANK], 'caf\u00e9', {
      kdf,
      randomBytes: seededBytes('t3'),
    });
    expect((await importAuthdeckBackup(text, 'cafe\u0301')).accounts).toHaveLength(1);
  });

  it('does not depend on how the header JSON is spaced', async () => {
    const compact = JSON.stringify(JSON.parse(fixtureText('authdeck-backup.json')));
    expect((await importAccounts(compact, { password: FIXTURE_PASSWORD })).accounts).toHaveLength(
      5,
    );
  });

  it('refuses the wrong passphrase and an altered nonce alike', async () => {
    const text = fixtureText('authdeck-backup.json');
    await expectImportError(importAuthdeckBackup(text, WRONG_PASSWORD), 'IMPORT_WRONG_PASSWORD');
    const otherNonce = edit(text, (file) => {
      file.nonce = Buffer.alloc(24, 7).toString('base64');
    });
    await expectImportError(
      importAuthdeckBackup(otherNonce, FIXTURE_PASSWORD),
      'IMPORT_WRONG_PASSWORD',
    );
  });

  it.each([
    [
      'logN below the floor of 14',
      (file: Record<string, unknown>) => Object.assign(file.kdf as object, { logN: 13 }),
    ],
    [
      'logN above 20',
      (file: Record<string, unknown>) => Object.assign(file.kdf as object, { logN: 21 }),
    ],
    [
      'another KDF',
      (file: Record<string, unknown>) => Object.assign(file.kdf as object, { name: 'argon2id' }),
    ],
    [
      'another cipher',
      (file: Record<string, unknown>) => Object.assign(file, { cipher: 'aes-256-gcm' }),
    ],
    ['a short nonce', (file: Record<string, unknown>) => Object.assign(file, { nonce: 'AAAA' })],
    [
      'data that is not base64',
      (file: Record<string, unknown>) => Object.assign(file, { data: '%%%' }),
    ],
  ])('calls a backup with %s corrupt without running the KDF', async (_what, change) => {
    const text = edit(fixtureText('authdeck-backup.json'), change);
    await expectImportError(importAuthdeckBackup(text, FIXTURE_PASSWORD), 'IMPORT_CORRUPT');
  });

  it('does not read a later backup version', async () => {
    const text = edit(fixtureText('authdeck-backup.json'), (file) => {
      file.version = 2;
    });
    await expectImportError(importAuthdeckBackup(text, FIXTURE_PASSWORD), 'IMPORT_UNKNOWN_FORMAT');
  });

  it('tells other files and broken JSON apart', async () => {
    await expectImportError(
      importAuthdeckBackup(fixtureText('aegis-plain.json'), 'x'),
      'IMPORT_UNKNOWN_FORMAT',
    );
    await expectImportError(importAuthdeckBackup('{"authdeck": "backup",', 'x'), 'IMPORT_CORRUPT');
  });

  it('refuses to write a backup it could not read back', async () => {
    await expect(
      exportAuthdeckBackup([BANK], 'pw', { kdf: { logN: 13, r: 8, p: 1 } }),
    ).rejects.toThrow(RangeError);
    await expect(exportAuthdeckBackup([BANK], '', { kdf })).rejects.toThrow(RangeError);
    const badCode = { ...BANK, backupCodes: [{ code: '12 34', usedAt: null }] };
    await expect(exportAuthdeckBackup([badCode], 'pw', { kdf })).rejects.toThrow(BackupCodeError);
  });
});
