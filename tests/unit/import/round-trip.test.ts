import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportAegisPlain,
  exportGoogleMigration,
  exportOtpauthText,
} from '../../../src/otp/export/index';
import { importAccounts } from '../../../src/otp/import/index';
import type { OtpAccount } from '../../../src/otp/types';
import { BANK, MAIL, SOLO, STEAM, VPN, WIKI } from '../../fixtures/import/expected';
import { seededBytes } from '../../fixtures/import/fixture-helpers';
import { validAccount } from './arbitraries';

const ALL = [MAIL, VPN, BANK, STEAM, SOLO, WIKI];

describe('round trips through importAccounts', () => {
  it('otpauth text', async () => {
    const result = await importAccounts(exportOtpauthText(ALL));
    expect(result).toEqual({ accounts: ALL, warnings: [], format: 'otpauth' });
  });

  it('Aegis plain vault', async () => {
    const result = await importAccounts(exportAegisPlain(ALL, { randomBytes: seededBytes('rt') }));
    expect(result).toEqual({ accounts: ALL, warnings: [], format: 'aegis' });
  });

  it('Aegis plain vault entries carry version-4 UUIDs and the documented fields', () => {
    const vault = JSON.parse(exportAegisPlain([MAIL, BANK])) as {
      header: unknown;
      db: { version: number; entries: { uuid: string; info: Record<string, unknown> }[] };
    };
    expect(vault.header).toEqual({ slots: null, params: null });
    expect(vault.db.version).toBe(3);
    for (const entry of vault.db.entries) {
      expect(entry.uuid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    expect(vault.db.entries[1]?.info).toEqual({
      secret: BANK.secret,
      algo: 'SHA1',
      digits: 6,
      counter: 42,
    });
  });

  it('Google migration, in batches, with what it cannot carry set aside', async () => {
    const { uris, skipped } = exportGoogleMigration(ALL, 2, { batchId: 99 });
    expect(skipped).toEqual([
      { account: VPN, reason: 'period-not-30' },
      { account: STEAM, reason: 'steam-unsupported' },
    ]);
    expect(uris).toHaveLength(2);
    const result = await importAccounts(uris.join('\n'));
    expect(result).toEqual({
      accounts: [MAIL, BANK, SOLO, WIKI],
      warnings: [],
      format: 'google-migration',
    });
  });

  it('Google migration skips digit counts other than 6 and 8', () => {
    const seven: OtpAccount = { ...MAIL, digits: 7 };
    expect(exportGoogleMigration([seven]).skipped).toEqual([
      { account: seven, reason: 'digits-not-6-or-8' },
    ]);
  });

  it('Google migration refuses a batch size below 1', () => {
    expect(() => exportGoogleMigration(ALL, 0)).toThrow(RangeError);
  });

  it('round-trips any valid account through otpauth text and Aegis', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validAccount, { minLength: 1, maxLength: 5 }), async (accounts) => {
        expect((await importAccounts(exportOtpauthText(accounts))).accounts).toEqual(accounts);
        expect((await importAccounts(exportAegisPlain(accounts))).accounts).toEqual(accounts);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips any account Google can carry, and sets aside the rest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(validAccount, { minLength: 1, maxLength: 12 }),
        async (accounts) => {
          const { uris, skipped } = exportGoogleMigration(accounts, 5);
          const kept = accounts.filter(
            (account) => !skipped.some((skip) => skip.account === account),
          );
          // HOTP has no period in the schema; it comes back as 30, which HOTP never uses.
          const expected = kept.map((account) =>
            account.type === 'hotp' ? { ...account, period: 30 } : account,
          );
          if (uris.length === 0) {
            expect(kept).toEqual([]);
            return;
          }
          expect((await importAccounts(uris.join('\n'))).accounts).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
