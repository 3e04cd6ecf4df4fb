import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { vaultItem, vaultKeyItem } from '../../../src/platform/stores';
import { pendingImportItem } from '../../../src/platform/transfer-stores';
import { createAccountsService } from '../../../src/worker/accounts-service';
import { createTransferHandlers } from '../../../src/worker/transfer-handlers';
import { createTransferService } from '../../../src/worker/transfer-service';
import { createVaultService } from '../../../src/worker/vault-service';
import type { RgbaImage } from '../../../src/worker/qr';
import { blankImage, qrImage } from '../worker/qr-image';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');
const fixture = (name: string) => readFile(resolve(FIXTURES, name));

function setup() {
  fakeBrowser.reset();
  let ids = 0;
  const now = () => Date.UTC(2026, 10, 22);
  const newId = () => `id-${++ids}`;
  const vault = createVaultService({
    vaultStore: vaultItem,
    keyStore: vaultKeyItem,
    vaultOptions: { kdf: { logN: 16, r: 8, p: 1 } },
  });
  const accounts = createAccountsService({ vault, now, newId });
  const transfer = createTransferService({
    vault,
    pendingStore: pendingImportItem,
    now,
    newId,
    backupKdf: { logN: 14, r: 8, p: 1 },
  });
  const captured: { image: RgbaImage | null } = { image: null };
  const capture = (): Promise<RgbaImage> =>
    captured.image ? Promise.resolve(captured.image) : Promise.reject(new Error('no tab'));
  return {
    vault,
    accounts,
    transfer,
    captured,
    handlers: createTransferHandlers(transfer, capture),
  };
}

const localDump = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('import preview and confirm', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    await s.vault.create('correct horse battery');
  });

  it('previews without writing, flags duplicates, and adds only new accounts on confirm', async () => {
    await s.accounts.addUri('otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme');
    const text = [
      'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme',
      'otpauth://totp/Beta:bob?secret=KRSXG5CTMVRXEZLU&issuer=Beta',
      'otpauth://totp/Beta:bob?secret=KRSXG5CTMVRXEZLU&issuer=Beta',
      'otpauth://totp/Bad?secret=1',
    ].join('\n');
    const before = await localDump();
    const preview = await s.handlers['import/preview']({ source: { kind: 'text', text } });
    expect(await localDump()).toBe(before);
    expect(preview.entries.map((e) => [e.issuer, e.duplicate])).toEqual([
      ['Acme', true],
      ['Beta', false],
      ['Beta', true],
    ]);
    expect(preview.warnings).toEqual([
      expect.objectContaining({ entry: 4, code: 'OTP_SECRET_INVALID' }),
    ]);
    expect(JSON.stringify(preview)).not.toContain('KRSXG5CTMVRXEZLU');

    expect(await s.handlers['import/confirm']({ previewId: preview.previewId })).toEqual({
      added: 1,
      skipped: 2,
    });
    expect((await s.accounts.list()).map((a) => a.issuer)).toEqual(['Acme', 'Beta']);
    expect(await pendingImportItem.getValue()).toBeNull();
  });

  it('imports an encrypted Aegis vault with the right password and refuses a wrong one, changing nothing', async () => {
    const bytes = await fixture('aegis-encrypted.json');
    const base64 = Buffer.from(bytes).toString('base64');
    const before = await localDump();
    await expect(
      s.handlers['import/preview']({ source: { kind: 'bytes', base64 }, password: 'wrong' }),
    ).rejects.toMatchObject({ code: 'IMPORT_WRONG_PASSWORD' });
    await expect(
      s.handlers['import/preview']({ source: { kind: 'bytes', base64 } }),
    ).rejects.toMatchObject({
      code: 'IMPORT_PASSWORD_REQUIRED',
    });
    expect(await localDump()).toBe(before);
    expect(await pendingImportItem.getValue()).toBeNull();
  });

  it('refuses a stale or unknown preview id', async () => {
    await expect(s.handlers['import/confirm']({ previewId: 'nope' })).rejects.toMatchObject({
      code: 'IMPORT_PREVIEW_EXPIRED',
    });
  });

  it('round-trips an Authdeck backup with its backup codes into a fresh vault', async () => {
    const view = await s.accounts.addUri(
      'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme',
    );
    await s.accounts.backupAdd(view.id, 'AAAA-1111\nBBBB-2222');
    await s.accounts.backupTakeNext(view.id);
    const backup = await s.handlers['export/create']({
      format: 'authdeck-backup',
      passphrase: 'backup passphrase',
    });
    expect(backup.filename).toMatch(/^authdeck-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.text).not.toContain('JBSWY3DPEHPK3PXP');

    const fresh = setup();
    await fresh.vault.create('another passphrase');
    const preview = await fresh.handlers['import/preview']({
      source: { kind: 'text', text: backup.text ?? '' },
      password: 'backup passphrase',
    });
    expect(preview.format).toBe('authdeck-backup');
    await fresh.handlers['import/confirm']({ previewId: preview.previewId });
    const [restored] = await fresh.accounts.list();
    expect(restored).toMatchObject({ issuer: 'Acme', backup: { total: 2, remaining: 1 } });
  });

  it('refuses a weak backup passphrase and exports the other formats', async () => {
    await s.accounts.addUri('otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme');
    await s.accounts.addUri('otpauth://steam/Steam:gamer?secret=KRSXG5CTMVRXEZLU');
    await expect(
      s.handlers['export/create']({ format: 'authdeck-backup', passphrase: 'short' }),
    ).rejects.toMatchObject({
      code: 'PASSPHRASE_TOO_SHORT',
    });
    const text = await s.handlers['export/create']({ format: 'otpauth' });
    expect(text.text?.split('\n').filter(Boolean)).toHaveLength(2);
    const aegis = await s.handlers['export/create']({ format: 'aegis' });
    expect(JSON.parse(aegis.text ?? '{}')).toMatchObject({ version: 1 });
    const google = await s.handlers['export/create']({ format: 'google-migration' });
    expect(google.uris).toHaveLength(1);
    expect(google.uris[0]).toMatch(/^otpauth-migration:\/\/offline\?data=/);
    expect(google.skipped).toEqual([{ label: 'Steam: gamer', reason: 'steam-unsupported' }]);
  });

  it('needs an unlocked vault for both import and export', async () => {
    await s.vault.lock();
    await expect(s.handlers['export/create']({ format: 'otpauth' })).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
    });
    await expect(
      s.handlers['import/preview']({
        source: { kind: 'text', text: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' },
      }),
    ).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

describe('import from a QR code on the page', () => {
  it('previews a Google Authenticator export QR code and refuses other QR codes', async () => {
    const s = setup();
    await s.vault.create('correct horse battery');
    const migration = (await fixture('google-migration.txt')).toString('utf8').split('\n')[0] ?? '';
    s.captured.image = qrImage(migration);
    const preview = await s.handlers['import/scan-qr']({ tabId: 1 });
    expect(preview.format).toBe('google-migration');
    expect(preview.entries.length).toBeGreaterThan(0);
    s.captured.image = blankImage();
    await expect(s.handlers['import/scan-qr']({ tabId: 1 })).rejects.toMatchObject({
      code: 'QR_NOT_FOUND',
    });
    s.captured.image = qrImage('https://example.com');
    await expect(s.handlers['import/scan-qr']({ tabId: 1 })).rejects.toMatchObject({
      code: 'QR_NOT_OTPAUTH',
    });
    expect(await s.accounts.list()).toEqual([]);
  });
});
