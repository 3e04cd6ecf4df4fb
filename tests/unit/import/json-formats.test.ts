import { describe, expect, it } from 'vitest';
import { importAccounts } from '../../../src/otp/import/index';
import {
  BANK,
  FIXTURE_PASSWORD,
  MAIL,
  STEAM,
  WRONG_PASSWORD,
} from '../../fixtures/import/expected';
import { base32ToBytes, expectImportError, fixtureText } from './helpers';

const json = (value: unknown): string => JSON.stringify(value);
const parsed = (name: string): Record<string, unknown> =>
  JSON.parse(fixtureText(name)) as Record<string, unknown>;

function aegisPlain(entries: unknown[], contentVersion = 3): string {
  return json({
    version: 1,
    header: { slots: null, params: null },
    db: { version: contentVersion, entries },
  });
}

describe('Aegis', () => {
  it('turns entries with missing or mistyped fields into warnings and keeps the rest', async () => {
    const good = {
      type: 'totp',
      name: MAIL.label,
      issuer: MAIL.issuer,
      info: { secret: MAIL.secret, algo: 'SHA1', digits: 6, period: 30 },
    };
    const result = await importAccounts(
      aegisPlain([
        'not an object',
        { type: 'totp', name: 'x' },
        { ...good, info: { ...good.info, digits: 'six' } },
        { ...good, name: 42 },
        { ...good, type: 'blizzard' },
        good,
      ]),
    );
    expect(result.accounts).toEqual([MAIL]);
    expect(result.warnings.map(({ entry, code }) => [entry, code])).toEqual([
      [1, 'IMPORT_ENTRY_MALFORMED'],
      [2, 'IMPORT_ENTRY_MALFORMED'],
      [3, 'OTP_DIGITS'],
      [4, 'IMPORT_ENTRY_MALFORMED'],
      [5, 'OTP_URI_TYPE'],
    ]);
  });

  it('refuses vault and content versions newer than the spec describes', async () => {
    await expectImportError(importAccounts(aegisPlain([], 4)), 'IMPORT_UNKNOWN_FORMAT');
    const vault = { ...parsed('aegis-plain.json'), version: 2 };
    await expectImportError(importAccounts(json(vault)), 'IMPORT_UNKNOWN_FORMAT');
  });

  it('calls a vault without an entry list corrupt', async () => {
    const vault = {
      version: 1,
      header: { slots: null, params: null },
      db: { version: 3, entries: {} },
    };
    await expectImportError(importAccounts(json(vault)), 'IMPORT_CORRUPT');
  });

  it('cannot open a vault that has only a biometric slot', async () => {
    const vault = parsed('aegis-encrypted.json') as { header: { slots: { type: number }[] } };
    vault.header.slots = vault.header.slots.filter((slot) => slot.type !== 1);
    await expectImportError(
      importAccounts(json(vault), { password: FIXTURE_PASSWORD }),
      'IMPORT_ENCRYPTED_UNSUPPORTED',
    );
  });

  it.each([
    ['n above 2^20', { n: 2 ** 21 }],
    ['n not a power of two', { n: 3000 }],
    ['r above 16', { r: 64 }],
    ['p as a string', { p: '1' }],
  ])('refuses scrypt parameters with %s before running the KDF', async (_what, change) => {
    const vault = parsed('aegis-encrypted.json') as {
      header: { slots: Record<string, unknown>[] };
    };
    vault.header.slots = vault.header.slots.map((slot) =>
      slot.type === 1 ? { ...slot, ...change } : slot,
    );
    await expectImportError(
      importAccounts(json(vault), { password: FIXTURE_PASSWORD }),
      'IMPORT_CORRUPT',
    );
  });
});

describe('2FAS', () => {
  const service = (otp: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    name: 'Bank',
    secret: BANK.secret,
    otp: { account: 'alan', ...otp },
    order: { position: 0 },
    ...extra,
  });

  it('takes the service name as issuer and defaults a missing token type to TOTP', async () => {
    const backup = {
      schemaVersion: 4,
      services: [service({ issuer: 'Bank Ltd', tokenType: 'HOTP', counter: 42 }), service({})],
    };
    const { accounts } = await importAccounts(json(backup));
    expect(accounts).toEqual([BANK, { ...BANK, type: 'totp', counter: 0 }]);
  });

  it('reports an unknown token type per service', async () => {
    const backup = { schemaVersion: 4, services: [service({ tokenType: 'YANDEX' })] };
    const { warnings } = await importAccounts(json(backup));
    expect(warnings).toEqual([
      expect.objectContaining({ entry: 1, label: 'Bank: alan', code: 'OTP_URI_TYPE' }),
    ]);
  });

  it('says "wrong password" when an encrypted backup without a reference will not open', async () => {
    const backup = parsed('2fas-encrypted.2fas');
    delete backup.reference;
    await expectImportError(
      importAccounts(json(backup), { password: WRONG_PASSWORD }),
      'IMPORT_WRONG_PASSWORD',
    );
    expect(
      (await importAccounts(json(backup), { password: FIXTURE_PASSWORD })).accounts,
    ).toHaveLength(4);
  });

  it('calls encrypted data that is not "cipher:salt:iv" corrupt', async () => {
    const backup = { ...parsed('2fas-encrypted.2fas'), servicesEncrypted: 'bm90:base64' };
    await expectImportError(
      importAccounts(json(backup), { password: FIXTURE_PASSWORD }),
      'IMPORT_CORRUPT',
    );
  });
});

describe('Authenticator extension', () => {
  const entry = (fields: Record<string, unknown>) => ({
    account: 'alan',
    issuer: 'Bank',
    secret: BANK.secret,
    encrypted: false,
    ...fields,
  });

  it('reads prefixed secrets, numeric algorithms and hhex entries like the extension does', async () => {
    const hexSecret = Buffer.from(base32ToBytes(BANK.secret)).toString('hex');
    const backup = {
      a: entry({ type: 'hotp', counter: 42 }),
      b: entry({
        type: 'totp',
        secret: `stm-${STEAM.secret}`,
        issuer: 'Steam',
        account: 'player1',
      }),
      c: entry({ type: 'totp', algorithm: 2, digits: 8 }),
      d: entry({ type: 'hhex', secret: hexSecret, counter: 42 }),
      key: { enc: 'old-key', hash: 'old-hash' },
      e: { dataType: 'Key', id: 'k1', salt: 's' },
    };
    const { accounts, warnings } = await importAccounts(json(backup));
    expect(warnings).toEqual([]);
    expect(accounts).toEqual([
      BANK,
      STEAM,
      { ...BANK, type: 'totp', counter: 0, algorithm: 'SHA256', digits: 8 },
      BANK,
    ]);
  });

  it('warns about Battle.net, GOST and separately encrypted entries', async () => {
    const backup = {
      a: entry({ secret: `blz-${BANK.secret}` }),
      b: entry({ algorithm: 'GOST3411_2012_256' }),
      c: { dataType: 'EncOTPStorage', keyId: 'k1', data: 'opaque', index: 2 },
      d: entry({ algorithm: 'constructor' }),
    };
    const { warnings } = await importAccounts(json(backup));
    expect(warnings.map(({ entry: at, code }) => [at, code])).toEqual([
      [1, 'IMPORT_ENTRY_UNSUPPORTED'],
      [2, 'IMPORT_ENTRY_UNSUPPORTED'],
      [3, 'IMPORT_ENTRY_ENCRYPTED'],
      [4, 'OTP_ALGORITHM'],
    ]);
  });
});

describe('Bitwarden', () => {
  it('keeps the issuer a TOTP URI names and fills only what it leaves out', async () => {
    const item = (name: string, totp: string | null, username = 'alan') => ({
      type: 1,
      name,
      login: { username, totp },
    });
    const exported = {
      encrypted: false,
      items: [
        item('My bank', `otpauth://hotp/Bank:alan?secret=${BANK.secret}&issuer=Bank&counter=42`),
        item('Empty', ''),
        item('Other', `https://example.com/?secret=${BANK.secret}`),
      ],
    };
    const { accounts, warnings } = await importAccounts(json(exported));
    expect(accounts).toEqual([BANK]);
    expect(warnings).toEqual([expect.objectContaining({ entry: 3, code: 'OTP_URI_MALFORMED' })]);
  });

  it('calls an export whose items hold no TOTP empty', async () => {
    const exported = {
      encrypted: false,
      items: [{ type: 1, name: 'Forum', login: { username: 'a', totp: null } }],
    };
    await expectImportError(importAccounts(json(exported)), 'IMPORT_EMPTY');
  });
});

describe('andOTP', () => {
  it('accepts digit strings for numbers and lower-case types', async () => {
    const entries = [
      {
        secret: BANK.secret.toLowerCase(),
        issuer: 'Bank',
        label: 'alan',
        type: 'hotp',
        counter: '42',
        digits: '6',
        algorithm: 'SHA1',
      },
    ];
    expect((await importAccounts(json(entries))).accounts).toEqual([BANK]);
  });

  it('does not recognise an array of non-objects', async () => {
    await expectImportError(
      importAccounts(json([{ secret: BANK.secret }, 'x'])),
      'IMPORT_UNKNOWN_FORMAT',
    );
  });
});
