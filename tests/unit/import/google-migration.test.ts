import { describe, expect, it } from 'vitest';
import { createProtoWriter } from '../../../src/otp/export/protobuf-writer';
import { importAccounts } from '../../../src/otp/import/index';
import { splitName } from '../../../src/otp/import/parse-google-migration';
import { BANK, MAIL } from '../../fixtures/import/expected';
import { keyUri } from '../../fixtures/import/fixture-helpers';
import { base32ToBytes, expectImportError } from './helpers';

const SECRET = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
const SECRET_BASE32 = 'AEBAGBAFAYDQQCIKBMGA2DQPCAIREEYU';

interface Params {
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: bigint;
  secret?: Uint8Array;
}

function otp(params: Params): Uint8Array {
  const writer = createProtoWriter().bytes(1, params.secret ?? SECRET);
  writer.string(2, params.name ?? 'Site:user').string(3, params.issuer ?? 'Site');
  writer
    .varint(4, params.algorithm ?? 1)
    .varint(5, params.digits ?? 1)
    .varint(6, params.type ?? 2);
  return writer.varint(7, params.counter ?? 0n).finish();
}

function migrationUri(entries: Uint8Array[]): string {
  const writer = createProtoWriter();
  for (const entry of entries) writer.bytes(1, entry);
  const data = Buffer.from(writer.varint(2, 1).finish()).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
}

const totpSite = {
  type: 'totp',
  issuer: 'Site',
  label: 'user',
  secret: SECRET_BASE32,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('Google Authenticator migration import', () => {
  it('takes Google Authenticator defaults for unspecified enum values', async () => {
    const result = await importAccounts(migrationUri([otp({ algorithm: 0, digits: 0, type: 0 })]));
    expect(result).toEqual({ accounts: [totpSite], warnings: [], format: 'google-migration' });
  });

  it('numbers accounts across several migration URIs and reads otpauth lines between them', async () => {
    const text = [
      migrationUri([otp({}), otp({ algorithm: 4, name: 'Old:md5', issuer: 'Old' })]),
      keyUri(MAIL),
      migrationUri([otp({ type: 1, counter: 7n, name: 'Ctr', issuer: '' }), otp({ digits: 3 })]),
    ].join('\n');
    const result = await importAccounts(text);
    expect(result.accounts).toEqual([
      totpSite,
      MAIL,
      { ...totpSite, type: 'hotp', issuer: '', label: 'Ctr', counter: 7 },
    ]);
    expect(result.warnings.map(({ entry, code, label }) => ({ entry, code, label }))).toEqual([
      { entry: 2, code: 'IMPORT_ENTRY_UNSUPPORTED', label: 'Old: md5' },
      { entry: 4, code: 'OTP_DIGITS', label: 'Site: user' },
    ]);
  });

  it('turns unknown types, huge counters and short secrets into warnings', async () => {
    const uri = migrationUri([
      otp({ type: 3 }),
      otp({ type: 1, counter: 2n ** 60n }),
      otp({ type: 1, counter: -1n }),
      otp({ secret: SECRET.subarray(0, 5) }),
      otp({ secret: new Uint8Array() }),
    ]);
    const { accounts, warnings } = await importAccounts(uri);
    expect(accounts).toEqual([]);
    expect(warnings.map(({ code }) => code)).toEqual([
      'OTP_URI_TYPE',
      'OTP_COUNTER',
      'OTP_COUNTER',
      'OTP_SECRET_INVALID',
      'OTP_SECRET_MISSING',
    ]);
  });

  it('reads data in the URL-safe alphabet or with "+" turned into spaces', async () => {
    const writer = createProtoWriter().bytes(1, otp({ name: '~~~~~~>>>>???' }));
    const data = Buffer.from(writer.finish()).toString('base64');
    expect(data).toMatch(/[+/]/);
    const urlSafe = data.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    for (const variant of [urlSafe, data.replaceAll('+', ' ')]) {
      const { accounts } = await importAccounts(`otpauth-migration://offline?data=${variant}`);
      expect(accounts[0]?.label).toBe('~~~~~~>>>>???');
    }
  });

  it.each([
    ['no data parameter', 'otpauth-migration://offline?other=1'],
    ['empty data', 'otpauth-migration://offline?data='],
    ['data that is not base64', 'otpauth-migration://offline?data=%%%%'],
    [
      'a message that runs past the end',
      `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from([0x0a, 0x20, 0x0a]).toString('base64'))}`,
    ],
    [
      'a group wire type',
      `otpauth-migration://offline?data=${Buffer.from([0x0b]).toString('base64')}`,
    ],
  ])('calls a migration URI with %s corrupt', async (_what, uri) => {
    await expectImportError(importAccounts(uri), 'IMPORT_CORRUPT');
  });

  it('calls a payload with no accounts empty', async () => {
    const data = Buffer.from(createProtoWriter().varint(2, 1).finish()).toString('base64');
    await expectImportError(
      importAccounts(`otpauth-migration://offline?data=${data}`),
      'IMPORT_EMPTY',
    );
  });

  it('keeps HOTP counters from the payload', async () => {
    const account = await importAccounts(
      migrationUri([
        otp({
          type: 1,
          counter: 42n,
          name: 'Bank:alan',
          issuer: 'Bank',
          secret: base32ToBytes(BANK.secret),
        }),
      ]),
    );
    expect(account.accounts).toEqual([BANK]);
  });
});

describe('splitName', () => {
  it.each([
    ['Site:user', 'Site', { issuer: 'Site', label: 'user' }],
    ['site: user', 'Site', { issuer: 'Site', label: 'user' }],
    ['Other:user', 'Site', { issuer: 'Site', label: 'Other:user' }],
    ['user', 'Site', { issuer: 'Site', label: 'user' }],
    ['Site:user', '', { issuer: 'Site', label: 'user' }],
    [':a:b', '', { issuer: '', label: 'a:b' }],
    ['plain', '', { issuer: '', label: 'plain' }],
    ['A:B:c', 'A:B', { issuer: 'A:B', label: 'c' }],
  ])('splits %j with issuer %j', (name, issuer, expected) => {
    expect(splitName(name, issuer)).toEqual(expected);
  });
});
