import { HOTP, TOTP } from 'otpauth';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { vaultItem, vaultKeyItem } from '../../../src/platform/stores';
import { createWorkerFixture, type WorkerFixture } from './worker-fixture';

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Example:alice@example.com?secret=${SECRET}&issuer=Example`;
const PASS = 'correct horse battery';

async function localSnapshot(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('vault lifecycle in the worker', () => {
  let w: WorkerFixture;
  beforeEach(() => {
    w = createWorkerFixture();
  });

  it('reports an absent vault, then creates one and is unlocked', async () => {
    expect((await w.value('vault/status', {})).state).toBe('absent');
    expect((await w.value('vault/create', { passphrase: PASS })).state).toBe('unlocked');
    expect(await vaultKeyItem.getValue()).toBeTruthy();
  });

  it('refuses a short passphrase and stores nothing', async () => {
    const reply = await w.send('vault/create', { passphrase: 'short' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_TOO_SHORT' } });
    expect(await vaultItem.getValue()).toBeNull();
  });

  it('keeps secrets, labels and the vault key out of storage.local', async () => {
    await w.value('vault/create', { passphrase: PASS });
    await w.value('accounts/add-uri', { uri: URI });
    const local = await localSnapshot();
    expect(local).toContain('"vault"');
    for (const secretish of [
      SECRET,
      'alice@example.com',
      'Example',
      (await vaultKeyItem.getValue()) ?? '?',
    ]) {
      expect(local).not.toContain(secretish);
    }
  });

  it('locks, refuses a wrong passphrase without changing the vault, and unlocks', async () => {
    await w.value('vault/create', { passphrase: PASS });
    await w.value('accounts/add-uri', { uri: URI });
    expect((await w.value('vault/lock', {})).state).toBe('locked');
    expect(await w.send('accounts/codes', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });

    const before = await localSnapshot();
    const wrong = await w.send('vault/unlock', { passphrase: 'wrong passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE' } });
    expect(await localSnapshot()).toBe(before);
    expect((await w.value('vault/status', {})).state).toBe('locked');

    await w.value('vault/unlock', { passphrase: PASS });
    expect(await w.value('accounts/list', {})).toHaveLength(1);
  });

  it('stays unlocked with the same codes after a worker restart', async () => {
    await w.value('vault/create', { passphrase: PASS });
    await w.value('accounts/add-uri', { uri: URI });
    const before = await w.value('accounts/codes', {});
    w.restart();
    expect(await w.value('accounts/codes', {})).toEqual(before);
  });

  it('changes the passphrase: the old one stops working, the new one opens the same accounts', async () => {
    await w.value('vault/create', { passphrase: PASS });
    await w.value('accounts/add-uri', { uri: URI });
    const wrongCurrent = await w.send('vault/change-passphrase', {
      current: 'nope nope',
      next: 'new passphrase 2',
    });
    expect(wrongCurrent).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE' } });
    await w.value('vault/change-passphrase', { current: PASS, next: 'new passphrase 2' });
    await w.value('vault/lock', {});
    expect(await w.send('vault/unlock', { passphrase: PASS })).toMatchObject({ ok: false });
    await w.value('vault/unlock', { passphrase: 'new passphrase 2' });
    expect(await w.value('accounts/list', {})).toHaveLength(1);
  });
});

describe('accounts and codes', () => {
  let w: WorkerFixture;
  beforeEach(async () => {
    w = createWorkerFixture();
    await w.value('vault/create', { passphrase: PASS });
  });

  it('adds by URI and serves the RFC 6238 code with its window', async () => {
    const view = await w.value('accounts/add-uri', { uri: URI });
    expect(view).toMatchObject({
      issuer: 'Example',
      label: 'alice@example.com',
      digits: 6,
      period: 30,
    });
    const [code] = await w.value('accounts/codes', {});
    const expected = new TOTP({ secret: SECRET }).generate({ timestamp: w.clock.now });
    expect(code).toMatchObject({ id: view.id, code: expected });
    expect(code?.validUntil).toBe(Math.floor(w.clock.now / 30_000) * 30_000 + 30_000);
  });

  it('rejects a malformed URI with its specific code and adds nothing', async () => {
    const reply = await w.send('accounts/add-uri', {
      uri: `otpauth://totp/X?secret=${SECRET}&digits=12`,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'OTP_DIGITS' } });
    expect(await w.value('accounts/list', {})).toEqual([]);
  });

  it('refuses the same account twice', async () => {
    await w.value('accounts/add-uri', { uri: URI });
    const again = await w.send('accounts/add-uri', { uri: URI });
    expect(again).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DUPLICATE' } });
  });

  it('adds through the manual form and refuses an invalid secret', async () => {
    const base = {
      type: 'totp' as const,
      issuer: 'Acme',
      label: 'bob',
      algorithm: 'SHA256' as const,
      digits: 8,
      period: 60,
      counter: 0,
    };
    const bad = await w.send('accounts/add-manual', { ...base, secret: 'not base32 !!' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'OTP_SECRET_INVALID' } });
    const view = await w.value('accounts/add-manual', { ...base, secret: 'jbsw y3dp ehpk 3pxp' });
    expect(view).toMatchObject({ issuer: 'Acme', algorithm: 'SHA256', digits: 8, period: 60 });
    const [code] = await w.value('accounts/codes', {});
    const expected = new TOTP({
      secret: SECRET,
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    }).generate({ timestamp: w.clock.now });
    expect(code?.code).toBe(expected);
  });

  it('persists the HOTP counter before handing out a code, across a worker restart', async () => {
    const view = await w.value('accounts/add-uri', {
      uri: `otpauth://hotp/H:carol?secret=${SECRET}&counter=5`,
    });
    const first = await w.value('accounts/hotp-next', { id: view.id });
    w.restart();
    const second = await w.value('accounts/hotp-next', { id: view.id });
    const hotp = new HOTP({ secret: SECRET });
    expect([first.code, second.code]).toEqual([
      hotp.generate({ counter: 5 }),
      hotp.generate({ counter: 6 }),
    ]);
    expect((await w.value('accounts/codes', {}))[0]?.code).toBeNull();
  });

  it('renames and deletes', async () => {
    const view = await w.value('accounts/add-uri', { uri: URI });
    expect(
      await w.value('accounts/update', { id: view.id, issuer: ' New ', label: 'x' }),
    ).toMatchObject({ issuer: 'New', label: 'x' });
    await w.value('accounts/delete', { id: view.id });
    expect(await w.value('accounts/list', {})).toEqual([]);
    expect(await w.send('accounts/delete', { id: view.id })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND' },
    });
  });

  it('schedules a clipboard clear after a copy, per the setting', async () => {
    await w.value('clipboard/copied', {});
    await w.value('settings/set', { clipboardClearSeconds: 0 });
    await w.value('clipboard/copied', {});
    expect(w.clipboardClears).toEqual([30]);
  });
});

describe('backup codes', () => {
  let w: WorkerFixture;
  let id: string;
  beforeEach(async () => {
    w = createWorkerFixture();
    await w.value('vault/create', { passphrase: PASS });
    id = (await w.value('accounts/add-uri', { uri: URI })).id;
  });

  it('adds a paste with duplicates and blank lines dropped', async () => {
    const result = await w.value('backup/add', {
      id,
      text: 'AAAA-1111\n\n  BBBB-2222  \nAAAA-1111\nCCCC-3333\n',
    });
    expect(result).toMatchObject({ added: 3, remaining: 3 });
    expect((await w.value('backup/list', { id })).map((b) => b.code)).toEqual([
      'AAAA-1111',
      'BBBB-2222',
      'CCCC-3333',
    ]);
  });

  it('refuses a paste without codes and changes nothing', async () => {
    const before = await localSnapshot();
    expect(await w.send('backup/add', { id, text: '\n   \n' })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_PASTE_EMPTY' },
    });
    expect(await localSnapshot()).toBe(before);
  });

  it('never hands out a code twice, even to concurrent callers and across a restart', async () => {
    await w.value('backup/add', { id, text: 'A1\nB2\nC3\nD4\nE5' });
    const concurrent = await Promise.all([1, 2, 3].map(() => w.value('backup/take-next', { id })));
    w.restart();
    const after = await w.value('backup/take-next', { id });
    const codes = [...concurrent.map((c) => c.code), after.code];
    expect(new Set(codes).size).toBe(4);
    expect(after.remaining).toBe(1);
    const listed = await w.value('backup/list', { id });
    expect(
      listed
        .filter((b) => b.usedAt !== null)
        .map((b) => b.code)
        .sort(),
    ).toEqual([...codes].sort());
  });

  it('warns at two or fewer and reports exhaustion', async () => {
    await w.value('backup/add', { id, text: 'A1\nB2\nC3' });
    expect((await w.value('accounts/list', {}))[0]?.backup).toEqual({
      total: 3,
      remaining: 3,
      low: false,
    });
    await w.value('backup/mark-used', { id, code: 'A1' });
    expect((await w.value('accounts/list', {}))[0]?.backup.low).toBe(true);
    expect(await w.send('backup/mark-used', { id, code: 'A1' })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_CODE_ALREADY_USED' },
    });
    await w.value('backup/take-next', { id });
    await w.value('backup/take-next', { id });
    expect(await w.send('backup/take-next', { id })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_CODES_EXHAUSTED' },
    });
  });
});
